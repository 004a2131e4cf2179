/**
 * Text sizes as the class sees them (ENGINEERING "look at the class's screens as numbers"): for
 * each kind of text in the network diagram, the smallest rendered size in CSS pixels, that is
 * the SVG text's font size times the SVG's scale on screen (its screen CTM), with the height of
 * the drawn text box beside it. The prediction is HTML text, measured by its computed font size.
 */
import type { Locator, Page } from "@playwright/test";

/** The kinds of text the diagram marks with `data-role`. */
export type TextRole = "value" | "weight" | "name" | "label" | "title" | "share";

export interface RoleSize {
  /** The smallest font size × scale among the role's visible texts, in CSS px. */
  px: number;
  /** The smallest drawn box height among them, in CSS px. */
  boxHeight: number;
  count: number;
}

export type DiagramTextSizes = Partial<Record<TextRole, RoleSize>>;

/** Smallest rendered size of every kind of text inside the diagram `figure`. */
export async function diagramTextSizes(diagram: Locator): Promise<DiagramTextSizes> {
  return diagram.evaluate((svg) => {
    const sizes: Record<string, { px: number; boxHeight: number; count: number }> = {};
    for (const text of svg.querySelectorAll<SVGTextElement>("text[data-role]")) {
      const box = text.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || (text.textContent ?? "").trim() === "") continue;
      const ctm = text.getScreenCTM();
      if (!ctm) continue;
      // The CTM maps the SVG's units to CSS pixels; its vertical scale is what a glyph's height gets.
      const scale = Math.hypot(ctm.c, ctm.d);
      const px = parseFloat(getComputedStyle(text).fontSize) * scale;
      const role = text.dataset.role!;
      const seen = sizes[role] ?? { px: Infinity, boxHeight: Infinity, count: 0 };
      sizes[role] = { px: Math.min(seen.px, px), boxHeight: Math.min(seen.boxHeight, box.height), count: seen.count + 1 };
    }
    return sizes;
  });
}

/** Rendered font size (CSS px) of the smallest part of the prediction inside "Network output". */
export async function predictionSize(page: Page): Promise<number> {
  const parts = page.getByLabel("Network output").locator("[data-role=prediction]");
  const sizes = await parts.evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
  if (sizes.length === 0) throw new Error("no prediction is shown in “Network output”");
  return Math.min(...sizes);
}

/** Whether the page fits its window without scrolling (the projector cannot scroll). */
export async function fitsWithoutScrolling(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1 && document.documentElement.scrollWidth <= window.innerWidth + 1);
}

/** A one-line summary for logs and reports: "value 25.0, weight 16.5, …". */
export function describeSizes(sizes: DiagramTextSizes): string {
  return Object.entries(sizes)
    .map(([role, s]) => `${role} ${s!.px.toFixed(1)} px (box ${s!.boxHeight.toFixed(1)}, ${s!.count}×)`)
    .join(", ");
}
