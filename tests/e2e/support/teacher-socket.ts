/**
 * A second connection for the teacher of a class hosted in the browser: a real socket.io-client
 * socket authenticated with the teacher token the dashboard keeps in localStorage. Browser
 * tests use it for teacher commands the dashboard has no control for yet (the threshold, the
 * forward-pass steps); what they check is still what the phones show.
 */
import type { Page } from "@playwright/test";
import type { CommandName, CommandPayload } from "../../../lib/protocol";
import { connect, send, syncState, type TestSocket } from "../../helpers/socket-client";

export interface TeacherSocket {
  /** Sends a command and throws with the server's message when it is refused. */
  command<K extends CommandName>(name: K, payload: CommandPayload<K>): Promise<void>;
  /** The id of the student with this nickname, from the latest state the socket saw. */
  studentId(nickname: string): Promise<string>;
  close(): void;
}

export async function teacherSocket(teacher: Page): Promise<TeacherSocket> {
  const sessionId = new URL(teacher.url()).pathname.split("/").pop()!;
  const token = await teacher.evaluate((key) => localStorage.getItem(key), `synapse:teacher:${sessionId}`);
  if (!token) throw new Error("the dashboard has not stored a teacher token");
  const socket: TestSocket = await connect(new URL(teacher.url()).origin, { token });
  return {
    async command(name, payload) {
      const ack = await send(socket, name, payload);
      if (!ack.ok) throw new Error(`${name} refused: ${ack.error.message}`);
    },
    async studentId(nickname) {
      const { state } = await syncState(socket);
      const found = Object.values(state.students).find((s) => s.nickname === nickname);
      if (!found) throw new Error(`no student called ${nickname}`);
      return found.id;
    },
    close: () => void socket.close(),
  };
}
