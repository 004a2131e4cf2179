/**
 * A scripted class on the real server for the replay tests: students join, move their
 * sliders, the teacher takes two lesson steps and runs a question (launch, answers, close,
 * reveal). After every command it records the server's committed state and seq, read by
 * the teacher's socket (`session:sync`), which the replay must give back exactly.
 */
import { LESSON_QUIZ } from "../../lib/lesson/quiz";
import type { SessionState } from "../../lib/session/state";
import { hostSession, joinStudent, LiveClient, type HostedSession, type StudentPass } from "./classroom";

export const NICKNAMES = ["Ada", "Grace", "Émile", "Linus"] as const;

export interface Recorded {
  seq: number;
  state: SessionState;
}

export interface ScriptedClass {
  host: HostedSession;
  students: (StudentPass & { nickname: string; client: LiveClient })[];
  teacher: LiveClient;
  /** The committed state after each command, in order (seqs strictly increasing). */
  recorded: Recorded[];
  close(): void;
}

const RELU = LESSON_QUIZ.find((q) => q.id === "lesson-relu-neuron")!;

/**
 * Runs the script; the clients stay open (a live session) until `close()`.
 * @example
 * const cls = await scriptClass(server.url); cls.recorded.at(-1)!.seq; // the head
 */
export async function scriptClass(url: string): Promise<ScriptedClass> {
  const host = await hostSession(url);
  const teacher = await LiveClient.connect(url, { token: host.teacherToken });
  const students: ScriptedClass["students"] = [];
  const recorded: Recorded[] = [];
  const record = async () => {
    const { seq, state } = await teacher.sync();
    if (recorded.at(-1)?.seq !== seq) recorded.push({ seq, state });
  };
  const close = () => {
    teacher.close();
    for (const s of students) s.client.close();
  };
  try {
    await record();
    for (const nickname of NICKNAMES) {
      const pass = await joinStudent(url, host.code, nickname);
      students.push({ ...pass, nickname, client: await LiveClient.connect(url, { token: pass.token }) });
      await record();
    }
    const moveAll = async (round: number) => {
      for (const [i, s] of students.entries()) {
        await s.client.sendOk("neuron:set", { bias: (round * 10 + i) / 20 - 1 });
        await record();
      }
    };
    await moveAll(1);
    await moveAll(2);
    await teacher.sendOk("lesson:go", { step: 0 });
    await record();
    await moveAll(3);
    await teacher.sendOk("lesson:go", { step: 1 });
    await record();
    await moveAll(4);
    await teacher.sendOk("network:set-inputs", { inputs: [0.3, 0.9] });
    await record();
    await teacher.sendOk("quiz:launch", { question: RELU, options: { timeLimitSec: null, allowChange: false } });
    await record();
    const runId = recorded.at(-1)!.state.quiz.run!.runId;
    for (const [i, s] of students.entries()) {
      // The first two answer right (0), the third wrong, the last does not answer.
      if (i === 3) break;
      await s.client.sendOk("quiz:answer", { runId, answer: { kind: "number", value: i < 2 ? 0 : 0.75 } });
      await record();
    }
    await teacher.sendOk("quiz:close", {});
    await record();
    await teacher.sendOk("quiz:reveal", {});
    await record();
    await moveAll(5);
    return { host, students, teacher, recorded, close };
  } catch (err) {
    close();
    throw err;
  }
}
