import { afterEach, describe, expect, it, vi } from "vitest";
import { RoomTimers } from "../../server/rooms/room-timers";

describe("a room's timers", () => {
  afterEach(() => vi.useRealTimers());

  it("fire a timer whose timeout runs before its time only once the clock reads it", () => {
    vi.useFakeTimers();
    let behind = 0; // how far the room's clock lags the timeouts' own
    const now = () => Date.now() - behind;
    const fired: number[] = [];
    const timers = new RoomTimers(now, () => fired.push(now()));
    const at = now() + 100;
    timers.sync([{ key: "close", at, fire: () => [] }]);

    behind = 2;
    vi.advanceTimersByTime(100);
    expect(fired).toEqual([]);
    expect(timers.size).toBe(1);
    vi.advanceTimersByTime(2);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toBeGreaterThanOrEqual(at);
    expect(timers.size).toBe(0);
  });

  it("clear what the state no longer asks for, and arm each key once", () => {
    vi.useFakeTimers();
    const fired: string[] = [];
    const timers = new RoomTimers(Date.now, (key) => fired.push(key));
    const t = (key: string, inMs: number) => ({ key, at: Date.now() + inMs, fire: () => [] });
    timers.sync([t("a", 50), t("b", 50)]);
    timers.sync([t("a", 80)]);
    vi.advanceTimersByTime(100);
    expect(fired).toEqual(["a"]);
  });
});
