/** The roster domain's rules: the teacher moves, renames, removes and lets back in students, and hands places back. */
import { refuse } from "../../refuse";
import { foldEvents } from "../../reducer";
import { arrivalDraws } from "../quiz/rules";
import type { Rules } from "../../rule-types";
import { checkNickname, cleanNickname, sameNickname } from "../../names";
import { studentById } from "../../seat-ops";
import { seatExists } from "../../seating";
import type { SessionState, Student } from "../../state";

type RosterCommand = "student:move" | "student:rename" | "student:remove" | "student:readmit" | "student:hand-back";

const student = studentById;

function present(state: SessionState, id: string): Student {
  const s = student(state, id);
  if (!s || s.removed) refuse("NOT_FOUND", "That student is not in the class.");
  return s;
}

export const rosterRules: Rules<RosterCommand> = {
  "student:move": {
    who: "teacher",
    run: (state, _actor, { studentId, seat }) => {
      const s = present(state, studentId);
      if (!seatExists(state.network, seat)) refuse("NOT_FOUND", "There is no such neuron.");
      return [{ type: "student.moved", payload: { studentId: s.id, seat } }];
    },
  },
  "student:rename": {
    who: "teacher",
    run: (state, _actor, { studentId, nickname }) => {
      const s = student(state, studentId);
      if (!s) refuse("NOT_FOUND", "That student is not in the class.");
      const name = cleanNickname(nickname);
      const others = Object.values(state.students).filter((o) => o.id !== s.id).map((o) => o.nickname);
      const problem = checkNickname(name, others);
      if (problem) refuse(problem.code, problem.message);
      return [{ type: "student.renamed", payload: { studentId: s.id, nickname: name } }];
    },
  },
  "student:remove": {
    who: "teacher",
    run: (state, _actor, { studentId }) => [{ type: "student.removed", payload: { studentId: present(state, studentId).id } }],
  },
  "student:readmit": {
    who: "teacher",
    run: (state, _actor, { studentId }) => {
      const s = student(state, studentId);
      if (!s || !s.removed) refuse("NOT_FOUND", "That student has not been removed.");
      const readmitted = [{ type: "student.readmitted" as const, payload: { studentId: s.id } }];
      return [...readmitted, ...arrivalDraws(foldEvents(state, readmitted), s.id)];
    },
  },
  "student:hand-back": {
    who: "teacher",
    run: (state, _actor, { requestId, granted }) => {
      const request = Object.hasOwn(state.handbacks, requestId) ? state.handbacks[requestId] : undefined;
      if (!request) refuse("NOT_FOUND", "That request has already been answered.");
      if (granted && !student(state, request.studentId)) refuse("NOT_FOUND", "That student is not in the class any more.");
      return [{ type: "handback.resolved", payload: { requestId, studentId: request.studentId, granted } }];
    },
  },
};

/**
 * Whether a new student may join now, and under which name.
 * @example
 * joinEvents(state, "p7", "Ada"); // [{ type: "student.joined", ... }] or throws a ProtocolError
 */
export function joinEvents(state: SessionState, studentId: string, rawName: string) {
  if (state.status === "ended") refuse("SESSION_ENDED", "This class has ended.");
  if (state.roomLocked) refuse("ROOM_LOCKED", "The teacher has locked this class: ask them to let you in.");
  const name = cleanNickname(rawName);
  const problem = checkNickname(name, Object.values(state.students).map((s) => s.nickname));
  if (problem) refuse(problem.code, problem.message);
  return [{ type: "student.joined" as const, payload: { studentId, nickname: name } }];
}

/**
 * A new phone asking for the place of the student with this name; the teacher decides.
 * @example
 * handbackEvents(state, "req-1", "Ada", now);
 */
export function handbackEvents(state: SessionState, requestId: string, rawName: string, now: number) {
  if (state.status === "ended") refuse("SESSION_ENDED", "This class has ended.");
  const wanted = cleanNickname(rawName);
  // The same comparison as "name taken": a name that collides is the name asked for.
  const owner = Object.values(state.students).find((s) => sameNickname(s.nickname, wanted));
  if (!owner) refuse("NOT_FOUND", "Nobody in this class has that name: join with it as a new student.");
  const open = Object.values(state.handbacks).filter((r) => r.studentId === owner.id).length;
  if (open >= 3) refuse("RATE_LIMITED", "Your teacher already has requests for this name: wait for them to answer.");
  return [{ type: "handback.requested" as const, payload: { requestId, studentId: owner.id, at: now } }];
}
