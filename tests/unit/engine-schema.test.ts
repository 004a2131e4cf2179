import { describe, it, expect } from "vitest";
import {
  EngineError,
  forward,
  inputsSchema,
  networkSchema,
  validateNetwork,
  zodErrorMessages,
} from "../../lib/engine";

/** Runs the engine's own validator and returns its message, or null when it accepts. */
function handMessage(network: unknown): string | null {
  try {
    validateNetwork(network);
    return null;
  } catch (error) {
    if (error instanceof EngineError) return error.message;
    throw error;
  }
}

function expectAgreement(network: unknown): void {
  const zod = networkSchema.safeParse(network);
  const hand = handMessage(network);
  if (zod.success) {
    expect(hand, `zod accepts but the engine says ${hand}`).toBeNull();
    expect(zod.data).toEqual(network);
  } else {
    expect(hand, `zod refuses (${zodErrorMessages(zod.error).join(" | ")}) but the engine accepts`).not.toBeNull();
    expect(zodErrorMessages(zod.error)).toContain(hand);
  }
}

const neuron = (weights: number[], bias = 0, activation?: string) =>
  activation === undefined ? { weights, bias } : { weights, bias, activation };
const net = (...layers: { activation: unknown; neurons: unknown[] }[]) => ({ layers });

const valid: unknown[] = [
  net({ activation: "relu", neurons: [neuron([1.5, 2.0], -1.0)] }),
  net({ activation: "tanh", neurons: [neuron([1], 0, "step"), neuron([2], 1)] }, { activation: "softmax", neurons: [neuron([1, 1]), neuron([0, 0])] }),
  net({ activation: "linear", neurons: [neuron([0.1, 0.2, 0.3], -5)] }, { activation: "sigmoid", neurons: [neuron([1], 0, "relu")] }),
  net({ activation: "softmax", neurons: [neuron([1]), neuron([2]), neuron([3], 0, "linear")] }),
  net({ activation: "softmax", neurons: [neuron([1], 0, "relu")] }),
];

const invalid: unknown[] = [
  null,
  [],
  "network",
  {},
  { layers: null },
  { layers: [] },
  { layers: [null] },
  { layers: [{ activation: "relu" }] },
  { layers: [{ neurons: [neuron([1])] }] },
  { layers: [{ activation: "relu", neurons: [] }] },
  { layers: [{ activation: "relu", neurons: [neuron([1])], colour: "red" }] },
  { layers: [{ activation: "relu", neurons: [neuron([1])] }], version: 2 },
  net({ activation: "relu", neurons: [{ weigths: [1], bias: 0 }] }),
  net({ activation: "relu", neurons: [{ weights: [1] }] }),
  net({ activation: "relu", neurons: [{ weights: [1], bias: null }] }),
  net({ activation: "relu", neurons: [{ weights: "1", bias: 0 }] }),
  net({ activation: "relu", neurons: [neuron([])] }),
  net({ activation: "relu", neurons: [neuron([NaN])] }),
  net({ activation: "relu", neurons: [neuron([1], Infinity)] }),
  net({ activation: "relu", neurons: [neuron([1], -Infinity)] }),
  net({ activation: "relu", neurons: [{ weights: [1, "2"], bias: 0 }] }),
  net({ activation: "relu", neurons: [{ weights: [1, , 2], bias: 0 }] }),
  { layers: [, { activation: "relu", neurons: [neuron([1])] }] },
  net({ activation: "Relu", neurons: [neuron([1])] }),
  net({ activation: 3, neurons: [neuron([1])] }),
  net({ activation: "relu", neurons: [neuron([1], 0, "softmax"), neuron([1])] }),
  net({ activation: "relu", neurons: [neuron([1], 0, "swish")] }),
  net({ activation: "softmax", neurons: [neuron([1])] }),
  net({ activation: "softmax", neurons: [neuron([1]), neuron([1], 0, "tanh")] }),
  net({ activation: "relu", neurons: [neuron([1, 2]), neuron([1])] }),
  net({ activation: "relu", neurons: [neuron([1]), neuron([1])] }, { activation: "relu", neurons: [neuron([1, 2, 3])] }),
  net({ activation: "relu", neurons: [neuron([1])] }, { activation: "relu", neurons: [neuron([1]), neuron([])] }),
];

describe("the zod schema and forward's validation agree", () => {
  it.each(valid.map((n) => [JSON.stringify(n), n]))("accept %s", (_label, network) => {
    expect(networkSchema.safeParse(network).success).toBe(true);
    expectAgreement(network);
  });

  it.each(invalid.map((n) => [JSON.stringify(n), n]))("refuse %s", (_label, network) => {
    expect(networkSchema.safeParse(network).success).toBe(false);
    expectAgreement(network);
  });

  it("agree on 500 seeded single mutations of a valid network", () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
    const odd = [NaN, Infinity, null, "1", [], {}, true, undefined, 0, 1, -2.5, "relu", "softmax", "weird"];
    let refused = 0;
    for (let k = 0; k < 500; k++) {
      const network = structuredClone(valid[1]) as Record<string, unknown>;
      // Walk to a random node, then change, delete or add one key there.
      let node: Record<string, unknown> | unknown[] = network;
      while (rand() < 0.7) {
        const keys = Object.keys(node);
        const child = (node as Record<string, unknown>)[pick(keys)];
        if (typeof child !== "object" || child === null) break;
        node = child as Record<string, unknown>;
      }
      const keys = Object.keys(node);
      const action = rand();
      if (Array.isArray(node)) {
        if (action < 0.5) node.pop();
        else node[Math.floor(rand() * node.length)] = pick(odd);
      } else if (action < 0.3 && keys.length > 0) {
        delete node[pick(keys)];
      } else if (action < 0.4) {
        node[pick(["weigths", "bias2", "extra"])] = 1;
      } else if (keys.length > 0) {
        node[pick(keys)] = pick(odd);
      }
      if (!networkSchema.safeParse(network).success) refused++;
      expectAgreement(network);
    }
    expect(refused).toBeGreaterThan(250);
  });

  it("inputsSchema and forward agree on the inputs' own rules", () => {
    const network = net({ activation: "relu", neurons: [neuron([1, 1])] });
    for (const inputs of [[1, 2], [1, NaN], [1, "2"], "12", [], null]) {
      const zod = inputsSchema.safeParse(inputs);
      let message: string | null = null;
      try {
        forward(network, inputs);
      } catch (error) {
        message = (error as Error).message;
      }
      if (zod.success) expect(message).toBeNull();
      else expect(zodErrorMessages(zod.error, "inputs")).toContain(message);
    }
  });

  it("formats a zod error with the same paths as the engine", () => {
    const result = networkSchema.safeParse(net({ activation: "relu", neurons: [{ weigths: [1], bias: 0 }] }));
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(zodErrorMessages(result.error)).toEqual([
        "layers[0].neurons[0].weights: missing field",
        "layers[0].neurons[0].weigths: unknown field",
      ]);
    }
  });
});
