/**
 * How numbers are shown and typed (SPEC.md feature 4 and "Accessible names"): values with
 * three decimals (0.920), probabilities as percentages with one decimal (60.1 %), typed entry
 * with a minus sign (ASCII or Unicode) and a decimal comma.
 */
import { describe, expect, it } from "vitest";
import { formatPercent, formatValue, layerName, parseTyped } from "../../lib/session/format";

describe("formatValue", () => {
  it.each([
    [0.92, "0.920"],
    [0.97, "0.970"],
    [0.19, "0.190"],
    [1.4000000000000004, "1.400"],
    [1.074, "1.074"],
    [0, "0.000"],
    [-0.25, "-0.250"],
    [2, "2.000"],
  ])("shows %s as %s", (x, shown) => {
    expect(formatValue(x)).toBe(shown);
  });

  it("never shows a negative zero", () => {
    expect(formatValue(-0)).toBe("0.000");
    expect(formatValue(-0.0004)).toBe("0.000");
  });
});

describe("formatPercent", () => {
  it.each([
    [0.6011, "60.1 %"],
    [0.3989, "39.9 %"],
    [1, "100.0 %"],
    [0, "0.0 %"],
    [0.5, "50.0 %"],
  ])("shows %s as %s", (p, shown) => {
    expect(formatPercent(p)).toBe(shown);
  });
});

describe("parseTyped", () => {
  it.each([
    ["-1,5", -1.5],
    ["\u22122", -2],
    ["\u22120,25", -0.25],
    ["1.5", 1.5],
    ["+3", 3],
    [" 0.25 ", 0.25],
    [".5", 0.5],
    ["5.", 5],
    ["-0,01", -0.01],
    ["4", 4],
  ])("reads %j as %s", (text, n) => {
    expect(parseTyped(text)).toBe(n);
  });

  it.each(["abc", "", " ", "-", "1,2,3", "1.5.2", "--1", "Infinity", "NaN", "1 2", "0x10", "2-"])("refuses %j", (text) => {
    expect(parseTyped(text)).toBeNull();
  });
});

describe("layerName", () => {
  it("names the layers as the lesson does", () => {
    expect(layerName(0, 2)).toBe("hidden layer");
    expect(layerName(1, 2)).toBe("output layer");
    expect(layerName(0, 3)).toBe("hidden layer 1");
    expect(layerName(1, 3)).toBe("hidden layer 2");
    expect(layerName(2, 3)).toBe("output layer");
    expect(layerName(0, 1)).toBe("output layer");
  });
});
