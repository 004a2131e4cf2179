/** How the roster domain's events change the state (immutably). */
import type { Folds } from "../../rule-types";
import { seatStudent, studentById, withStudent } from "../../seat-ops";
import { nextSeat, seatExists } from "../../seating";
import type { SessionState, Student } from "../../state";

type RosterEventType =
  | "student.joined"
  | "student.renamed"
  | "student.moved"
  | "student.removed"
  | "student.readmitted"
  | "handback.requested"
  | "handback.resolved";

function withoutRequest(state: SessionState, requestId: string): SessionState {
  if (!Object.hasOwn(state.handbacks, requestId)) return state;
  const handbacks = { ...state.handbacks };
  delete handbacks[requestId];
  return { ...state, handbacks };
}

export const rosterFolds: Folds<RosterEventType> = {
  "student.joined": (state, { studentId, nickname }) => {
    const joinIndex = state.joinCount + 1;
    const student: Student = { id: studentId, nickname, seat: null, removed: false, joinIndex, entry: null };
    const next = { ...state, joinCount: joinIndex, students: { ...state.students, [studentId]: student } };
    return seatStudent(next, studentId, nextSeat(next));
  },
  "student.renamed": (state, { studentId, nickname }) => withStudent(state, studentId, { nickname }),
  "student.moved": (state, { studentId, seat }) => {
    const s = studentById(state, studentId);
    if (!s || s.removed || !seatExists(state.network, seat)) return state;
    return seatStudent(state, studentId, { ...seat });
  },
  "student.removed": (state, { studentId }) => {
    if (!studentById(state, studentId)) return state;
    return withStudent(seatStudent(state, studentId, null), studentId, { removed: true });
  },
  "student.readmitted": (state, { studentId }) => {
    const s = studentById(state, studentId);
    if (!s || !s.removed) return state;
    const back = withStudent(state, studentId, { removed: false });
    return seatStudent(back, studentId, nextSeat(back));
  },
  "handback.requested": (state, request) => ({ ...state, handbacks: { ...state.handbacks, [request.requestId]: { ...request } } }),
  // The place itself does not move: the student keeps their id, seat and values; only the
  // pass (token) that opens it changes hands, outside the state.
  "handback.resolved": (state, { requestId }) => withoutRequest(state, requestId),
};
