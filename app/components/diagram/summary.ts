/**
 * The diagram's text alternative: the same numbers a sighted student reads off the projector,
 * in reading order (inputs, each layer, the outputs).
 */
import { formatPercent, formatValue } from "../../../lib/session/format";
import { argmax, type DiagramModel } from "./diagram-model";
import { inputLabel, layerActivationText, layerTitle, outputLabel } from "./labels";

/**
 * A short name for the picture. It names no input or output: those labels are chosen by the
 * teacher, and a name such as "input 1" here would collide with the "Input 1" field's name.
 * @example
 * nameDiagram(model); // "Network diagram: 2 inputs, hidden layer of 3, output layer of 2"
 */
export function nameDiagram(model: DiagramModel): string {
  const count = model.network.layers.length;
  const layers = model.network.layers.map((l, i) => `${layerTitle(i, count).toLowerCase()} of ${l.neurons.length}`);
  return `Network diagram: ${model.inputs.length} inputs, ${layers.join(", ")}`;
}

/**
 * The full text alternative, given to the picture as its description.
 * @example
 * describeDiagram(model);
 * // "Network diagram. Inputs: input 1 0.900, input 2 0.400. Hidden layer (ReLU), 3 neurons: 0.920, 0.970, 0.190. ..."
 */
export function describeDiagram(model: DiagramModel): string {
  const parts = ["Network diagram."];
  parts.push(`Inputs: ${model.inputs.map((v, i) => `${inputLabel(model.inputLabels, i)} ${formatValue(v)}`).join(", ")}.`);
  const count = model.network.layers.length;
  model.network.layers.forEach((layer, l) => {
    const outputs = model.result.layers[l]?.output ?? [];
    const isLast = l === count - 1;
    const values = outputs.map((v, j) => {
      const shown = isLast && model.softmaxOutput ? formatPercent(v) : formatValue(v);
      return isLast ? `${outputLabel(model.outputLabels, j)} ${shown}` : shown;
    });
    const n = layer.neurons.length;
    parts.push(`${layerTitle(l, count)} (${layerActivationText(model.network, l)}), ${n} neuron${n === 1 ? "" : "s"}: ${values.join(", ")}.`);
  });
  if (model.softmaxOutput) {
    const outputs = model.result.layers[count - 1]?.output ?? [];
    parts.push(`Prediction: ${outputLabel(model.outputLabels, argmax(outputs))}.`);
  }
  return parts.join(" ");
}
