/**
 * The phone's mini diagram speaks the projector's visual grammar (SPEC feature 4): a weight's
 * sign by colour and dash (negative dashed), its size by thickness, and "mine" by another cue
 * (a ring, the word "You" and a halo), never by a dash. Rendered to markup on the server, so
 * what is checked is the SVG the phone draws.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NEGATIVE, POSITIVE } from "../../app/components/diagram/palette";
import { MiniDiagram } from "../../app/components/student/mini-diagram";
import { SPEC_DEFAULT_NETWORK } from "../helpers/default-network";
import type { Network } from "../../lib/engine/network";

/** Every element carrying `attribute="value"`, as attribute maps. */
function elementsWith(markup: string, attribute: string): Map<string, Record<string, string>> {
  const found = new Map<string, Record<string, string>>();
  for (const [tag] of markup.matchAll(new RegExp(`<[a-z]+[^>]*\\s${attribute}="[^"]*"[^>]*>`, "g"))) {
    const attrs = Object.fromEntries([...tag.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    found.set(attrs[attribute]!, attrs);
  }
  return found;
}

// Ada on neuron 1 of the hidden layer of the default network: weights in [1.2, -0.4], and
// out of it 1.0 into Class A and -0.3 into Class B.
const markup = renderToStaticMarkup(
  createElement(MiniDiagram, { network: SPEC_DEFAULT_NETWORK as Network, inputCount: 2, seat: { layer: 0, neuron: 0 }, litColumn: null }),
);
const edges = elementsWith(markup, "data-edge"); // "layer-neuron-weight"
const edge = (key: string) => edges.get(key) ?? expect.unreachable(`no edge ${key}`);

describe("the phone's mini diagram", () => {
  it("draws one line per weight", () => {
    expect(edges.size).toBe(3 * 2 + 2 * 3);
  });

  it("shows a negative weight blue and dashed, a positive one orange and solid, mine or not", () => {
    for (const key of ["0-0-1", "0-2-0", "1-1-0", "1-0-2"]) {
      expect(edge(key)).toMatchObject({ "data-sign": "negative", stroke: NEGATIVE });
      expect(edge(key)["stroke-dasharray"]).toMatch(/^\d/);
    }
    for (const key of ["0-0-0", "0-1-1", "1-0-0", "1-1-2"]) {
      expect(edge(key)).toMatchObject({ "data-sign": "positive", stroke: POSITIVE });
      expect(edge(key)["stroke-dasharray"]).toBeUndefined();
    }
  });

  it("draws larger weights thicker, whatever their sign", () => {
    const width = (key: string) => Number(edge(key)["stroke-width"]);
    // |1.8| > |1.2| > |1.1| > |0.5| = |-0.5| > |-0.4| > |-0.3|
    const order = ["0-1-1", "0-0-0", "1-1-2", "0-1-0", "0-0-1", "0-2-0"];
    for (let i = 1; i < order.length; i++) expect(width(order[i - 1]!)).toBeGreaterThan(width(order[i]!));
    expect(width("0-1-0")).toBe(width("1-0-2")); // 0.5 and -0.5
  });

  it("marks my lines, in and out, with a halo instead of a dash", () => {
    const mine = [...edges.values()].filter((e) => e["data-mine"] === "true").map((e) => e["data-edge"]);
    expect(mine.sort()).toEqual(["0-0-0", "0-0-1", "1-0-0", "1-1-0"]);
    // Mine and positive (1.2 in, 1.0 out): solid, like any positive weight.
    expect(edge("0-0-0")["stroke-dasharray"]).toBeUndefined();
    expect(edge("1-0-0")["stroke-dasharray"]).toBeUndefined();
    const halos = markup.match(/<line[^>]*stroke="#a5b4fc"/g) ?? [];
    expect(halos).toHaveLength(4);
  });

  it("rings my neuron and labels it You, and no other", () => {
    const neurons = elementsWith(markup, "data-neuron");
    const marked = [...neurons.values()].filter((n) => n["data-mine"] === "true").map((n) => n["data-neuron"]);
    expect(marked).toEqual(["1-0"]);
    expect(markup.match(/<text[^>]*>You<\/text>/g)).toHaveLength(1);
    expect(markup).toContain('aria-label="Diagram of the class network: 2 inputs, then the hidden layer with 3 neurons, the output layer with 2 neurons. You are neuron 1 of the hidden layer."');
  });

  it("fades the columns the played pass has not reached, and lights the one it is at", () => {
    const playing = renderToStaticMarkup(
      createElement(MiniDiagram, { network: SPEC_DEFAULT_NETWORK as Network, inputCount: 2, seat: { layer: 0, neuron: 0 }, litColumn: 1 }),
    );
    const neurons = elementsWith(playing, "data-neuron");
    expect(neurons.get("1-0")).toMatchObject({ "data-lit": "true", opacity: "1" });
    expect(neurons.get("0-0")).toMatchObject({ opacity: "1" });
    expect(neurons.get("2-0")).toMatchObject({ opacity: "0.35" });
    expect(neurons.get("2-0")?.["data-lit"]).toBeUndefined();
  });
});
