/** One tick's fan-out: kinds that get the very same events share one message; a kind that sees them otherwise gets its own. */
import { describe, expect, it } from "vitest";
import type { LoggedEvent } from "../../lib/session/events";
import { applyEvent } from "../../lib/session/reducer";
import { fanOut, type Channel, type RoomMessage } from "../../server/rooms/fanout";
import { joinMany, newSession } from "../helpers/session-fixtures";

function deliveries(items: LoggedEvent[], hideNames = false) {
  let state = newSession();
  joinMany(state, 3);
  if (hideNames) state = applyEvent(state, { type: "names.hidden", payload: { hidden: true } });
  const committed = items.map((event) => ({ event, after: (state = applyEvent(state, event)) }));
  const out: { channel: Channel; message: RoomMessage }[] = [];
  fanOut(committed, { changed: false, ids: () => [] }, { seq: 9, state, now: 0 }, (channel, message) => out.push({ channel, message }));
  return out;
}

describe("fanOut", () => {
  it("sends a tick of slider moves to every kind as one message", () => {
    const move: LoggedEvent = { seq: 9, actor: "p1", type: "entry.set", payload: { studentId: "p1", values: { weights: [1, 2], bias: 0.5 } } };
    const out = deliveries([move]);
    expect(out).toHaveLength(1);
    expect(out[0]!.channel).toEqual({ kinds: ["teacher", "student", "viewer"] });
    expect(out[0]!.message).toEqual({ event: "session:update", payload: { events: [move] } });
  });

  it("gives the projector its own message when it sees a join without the name", () => {
    const joined: LoggedEvent = { seq: 9, actor: "p4", type: "student.joined", payload: { studentId: "p4", nickname: "Ada" } };
    const out = deliveries([joined], true);
    expect(out.map((o) => o.channel)).toEqual([{ kinds: ["teacher", "student"] }, { kind: "viewer" }]);
    const viewer = out[1]!.message.payload as { events: { payload: { nickname: string } }[] };
    expect(viewer.events[0]!.payload.nickname).toBe("");
  });
});
