/**
 * What happens outside the state once events are stored: phones told they were removed,
 * the session marked ended, a place handed to a new phone. Every promise here is caught: a
 * database error at this moment is logged, never an unhandled rejection that would end the
 * process.
 */
import type { Storage } from "../../db/storage";
import type { LoggedEvent } from "../../lib/session/events";
import type { Logger } from "../logger";
import type { Room } from "./room";

export function afterCommit(room: Room, logged: readonly LoggedEvent[], storage: Storage, log: Logger): void {
  const fail = (what: string) => (err: unknown) => log.error({ err, sessionId: room.id }, what);
  for (const e of logged) {
    switch (e.type) {
      case "student.removed":
        room.tell(e.payload.studentId, { event: "session:removed", payload: { message: "The teacher has taken you out of this class." } }, true);
        break;
      case "session.ended":
        // The row ends when the log says it did (an export's copy then ends at the same moment).
        storage.endSession(room.id, e.at === undefined ? undefined : new Date(e.at)).catch(fail("could not mark the session ended"));
        break;
      case "handback.resolved": {
        const { requestId, studentId, granted } = e.payload;
        if (granted) {
          // The new phone's pass now opens the student's place; the old pass stops working.
          storage
            .transferParticipant(requestId, studentId)
            .then(() => {
              room.tell(studentId, { event: "session:removed", payload: { message: "Your place was given to your new phone." } }, true);
              room.tell(requestId, { event: "session:reconnect", payload: { message: "Your teacher gave you your place back." } }, true);
            })
            .catch(fail("could not hand the place back"));
        } else {
          room.tell(requestId, { event: "session:removed", payload: { message: "Your teacher did not give you that place. Join with another name." } }, true);
          storage.removeParticipant(requestId).catch(fail("could not remove the refused request"));
        }
        break;
      }
      default:
        break;
    }
  }
}
