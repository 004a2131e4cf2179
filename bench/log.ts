/** The orchestrator's clock and its timestamped log lines. */
export const now = () => performance.timeOrigin + performance.now();

export function log(msg: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);
}
