/** Python's indent in the editors: four spaces (PEP 8, and the lesson's listings). */
export const INDENT = "    ";

/**
 * The spaces Tab types at a cursor in `column` (0-based): up to the next indent stop.
 * @example
 * spacesToNextStop(6); // "  "
 */
export function spacesToNextStop(column: number): string {
  return " ".repeat(INDENT.length - (column % INDENT.length));
}
