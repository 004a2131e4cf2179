/**
 * A phone's round trips, measured by the server: it sends `system:probe` and times the
 * acknowledgement (a time the client reports is never used). Quiz answer times subtract
 * half the median of the recent round trips (the one-way delay), capped, so a phone cannot
 * buy itself time by answering probes slowly.
 */
import type { Socket } from "socket.io";

/** Round trips kept per socket. */
export const KEPT = 5;
/** The largest one-way delay credited to a phone (a slow mobile link is about this). */
export const MAX_ONE_WAY_MS = 300;
/** Probes right after connecting (to have a median soon), then one every PROBE_EVERY_MS. */
const FIRST_PROBES_MS = [0, 1_000, 2_000];
const PROBE_EVERY_MS = 10_000;
const PROBE_TIMEOUT_MS = 5_000;

export class RoundTrips {
  private samples: number[] = [];

  add(ms: number): void {
    this.samples.push(ms);
    if (this.samples.length > KEPT) this.samples.shift();
  }

  /**
   * Half the median round trip, at most MAX_ONE_WAY_MS; 0 before the first measurement.
   * @example
   * trips.add(40); trips.add(60); trips.add(500); trips.oneWayMs(); // 30
   */
  oneWayMs(): number {
    if (this.samples.length === 0) return 0;
    const sorted = [...this.samples].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    return Math.min(MAX_ONE_WAY_MS, median / 2);
  }
}

/**
 * Starts timing a socket's round trips; stops when it disconnects.
 * @example
 * socket.data.roundTrips = probeRoundTrips(socket);
 */
export function probeRoundTrips(socket: Socket): RoundTrips {
  const trips = new RoundTrips();
  const timers: NodeJS.Timeout[] = [];
  const probe = () => {
    if (!socket.connected) return;
    const sent = performance.now();
    socket.timeout(PROBE_TIMEOUT_MS).emit("system:probe", {}, (err: unknown) => {
      if (!err) trips.add(performance.now() - sent);
    });
  };
  for (const at of FIRST_PROBES_MS) timers.push(setTimeout(probe, at));
  const every = setInterval(probe, PROBE_EVERY_MS);
  socket.once("disconnect", () => {
    timers.forEach(clearTimeout);
    clearInterval(every);
  });
  return trips;
}
