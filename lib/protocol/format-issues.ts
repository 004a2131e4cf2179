import type { z } from "zod";

/**
 * Turns zod issues into one short human sentence naming the path of each bad value.
 * @example
 * formatIssues(schema.safeParse(x).error!.issues); // "weight: expected a finite number"
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
      return `${path.replace(/^\./, "") || "payload"}: ${issue.message}`;
    })
    .join("; ");
}
