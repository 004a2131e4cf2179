/**
 * Networks and inputs the engine refuses, each with the exact message: shared by the tests of
 * the validating `forward` and of the compiled form, which must refuse them alike.
 */
const relu1 = (weights: number[], bias: number) => ({
  layers: [{ activation: "relu", neurons: [{ weights, bias }] }],
});

const ok = { activation: "relu", neurons: [{ weights: [1, 2], bias: 0 }] };
export const errorCases: [string, unknown, unknown, string][] = [
  ["not an object", 5, [1, 2], "network: expected an object"],
  ["missing layers", {}, [1, 2], "layers: missing field"],
  ["layers not an array", { layers: {} }, [1, 2], "layers: expected an array"],
  ["no layers", { layers: [] }, [1, 2], "layers: a network needs at least one layer"],
  ["unknown top-level key", { layers: [ok], extra: 1 }, [1, 2], "extra: unknown field"],
  ["layer not an object", { layers: [ok, null] }, [1, 2], "layers[1]: expected an object"],
  ["missing activation", { layers: [{ neurons: ok.neurons }] }, [1, 2], "layers[0].activation: missing field"],
  ["no neurons", { layers: [ok, ok, { activation: "relu", neurons: [] }] }, [1, 2], "layers[2].neurons: a layer needs at least one neuron"],
  ["typo in a neuron key", { layers: [{ activation: "relu", neurons: [{ weights: [1, 2], bias: 0 }, { weigths: [1, 2], bias: 0 }] }] }, [1, 2], "layers[0].neurons[1].weigths: unknown field"],
  ["missing bias", { layers: [{ activation: "relu", neurons: [{ weights: [1, 2] }] }] }, [1, 2], "layers[0].neurons[0].bias: missing field"],
  ["bias as a string", { layers: [{ activation: "relu", neurons: [{ weights: [1, 2], bias: "0" }] }] }, [1, 2], "layers[0].neurons[0].bias: expected a finite number"],
  ["NaN weight", { layers: [ok, { activation: "relu", neurons: [{ weights: [1], bias: 0 }, { weights: [1], bias: 0 }, { weights: [NaN], bias: 0 }] }] }, [1, 2], "layers[1].neurons[2].weights[0]: expected a finite number"],
  ["Infinity bias", { layers: [{ activation: "relu", neurons: [{ weights: [1, 2], bias: Infinity }] }] }, [1, 2], "layers[0].neurons[0].bias: expected a finite number"],
  ["weights not an array", { layers: [{ activation: "relu", neurons: [{ weights: 1, bias: 0 }] }] }, [1], "layers[0].neurons[0].weights: expected an array"],
  ["no weights", { layers: [{ activation: "relu", neurons: [{ weights: [], bias: 0 }] }] }, [], "layers[0].neurons[0].weights: a neuron needs at least one weight"],
  ["first layer disagrees", { layers: [{ activation: "relu", neurons: [{ weights: [1, 2], bias: 0 }, { weights: [1, 2, 3], bias: 0 }] }] }, [1, 2], "layers[0].neurons[1].weights: expected 2 weights (as many as the layer's first neuron), got 3"],
  ["later layer's weight count", { layers: [ok, { activation: "relu", neurons: [{ weights: [1, 2], bias: 0 }] }] }, [1, 2], "layers[1].neurons[0].weights: expected 1 weights (one per neuron of layers[0]), got 2"],
  ["too many inputs", { layers: [ok] }, [1, 2, 3], "inputs: expected 2 values (the first layer's weight count), got 3"],
  ["too few inputs", { layers: [ok] }, [1], "inputs: expected 2 values (the first layer's weight count), got 1"],
  ["inputs not an array", { layers: [ok] }, "1,2", "inputs: expected an array"],
  ["missing inputs", { layers: [ok] }, undefined, "inputs: missing field"],
  ["non-finite input", { layers: [ok] }, [1, Infinity], "inputs[1]: expected a finite number"],
  ["unknown layer activation", { layers: [{ ...ok, activation: "Relu" }] }, [1, 2], 'layers[0].activation: unknown activation "Relu"; expected one of relu, sigmoid, tanh, linear, step, softmax'],
  ["unknown neuron activation", { layers: [{ activation: "relu", neurons: [{ weights: [1, 2], bias: 0, activation: "elu" }] }] }, [1, 2], 'layers[0].neurons[0].activation: unknown activation "elu"; expected one of relu, sigmoid, tanh, linear, step, softmax'],
  ["softmax on one neuron's own activation", { layers: [{ activation: "relu", neurons: [{ weights: [1, 2], bias: 0, activation: "softmax" }, { weights: [1, 2], bias: 0 }] }] }, [1, 2], "layers[0].neurons[0].activation: softmax applies to a whole layer, not to one neuron"],
  ["softmax layer of one neuron", { layers: [ok, { activation: "softmax", neurons: [{ weights: [1], bias: 0 }] }] }, [1, 2], "layers[1].activation: softmax needs at least two neurons that use it"],
  ["softmax left with one neuron after overrides", { layers: [{ activation: "softmax", neurons: [{ weights: [1], bias: 0 }, { weights: [1], bias: 0, activation: "tanh" }] }] }, [1], "layers[0].activation: softmax needs at least two neurons that use it"],
  ["weighted sum overflows", relu1([1e300, 1e300], 0), [1e300, 1], "layers[0].neurons[0]: weighted sum is not finite"],
  ["sums cancel to NaN", { layers: [{ activation: "linear", neurons: [{ weights: [1e300, -1e300], bias: 0 }] }] }, [1e300, 1e300], "layers[0].neurons[0]: weighted sum is not finite"],
  ["overflow in a later layer", { layers: [{ activation: "linear", neurons: [{ weights: [1e300], bias: 0 }] }, { activation: "relu", neurons: [{ weights: [1], bias: 0 }, { weights: [1e10], bias: 0 }] }] }, [1], "layers[1].neurons[1]: weighted sum is not finite"],
];
