/**
 * Giving a lost phone its place back (SPEC feature 10): a new phone asks for a student's
 * place under their nickname; only the teacher can say yes; then the new phone is that
 * student (name, neuron, values) and the old phone's pass stops working. Students never see
 * the requests.
 */
import { expect, it } from "vitest";
import { hostSession, joinSession, LiveClient } from "../helpers/classroom";
import { describeEachDatabase } from "../helpers/databases";
import { serverForSuite } from "../helpers/suite-server";
import { connect, nextEvent } from "../helpers/socket-client";

async function askForPlace(url: string, code: string, nickname: string) {
  const res = await fetch(`${url}/api/join/${code}/handback`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ nickname }),
  });
  return { status: res.status, body: (await res.json()) as { studentId: string; token: string; error?: { code: string } } };
}

describeEachDatabase("handing a place back", (db) => {
  const server = serverForSuite(db);

  it("gives the new phone the student's name, neuron and values once the teacher agrees; the old pass stops working", async () => {
    const { code, teacherToken } = await hostSession(server.url);
    const ada = (await joinSession(server.url, code, "Ada")).body as { studentId: string; token: string };
    const grace = (await joinSession(server.url, code, "Grace")).body as { studentId: string; token: string };
    const teacher = await LiveClient.connect(server.url, { token: teacherToken });
    const oldPhone = await LiveClient.connect(server.url, { token: ada.token });
    expect((await oldPhone.send("neuron:set", { bias: 0.75 })).ok).toBe(true);
    const gracePhone = await LiveClient.connect(server.url, { token: grace.token });
    const seenByGrace: string[] = [];
    gracePhone.socket.onAny((event: string, payload: unknown) => seenByGrace.push(`${event} ${JSON.stringify(payload)}`));

    const request = await askForPlace(server.url, code, "ada");
    expect(request.status).toBe(201);
    expect(request.body.studentId).not.toBe(ada.studentId);
    const newPhone = await LiveClient.connect(server.url, { token: request.body.token });
    expect(newPhone.you).toEqual({ role: "student", participantId: request.body.studentId });
    expect(newPhone.state.students[request.body.studentId]).toBeUndefined();
    await teacher.until(() => teacher.state.handbacks[request.body.studentId]?.studentId === ada.studentId);
    // Nobody takes a place without the teacher: a student cannot answer the request.
    expect(await gracePhone.send("student:hand-back", { requestId: request.body.studentId, granted: true })).toMatchObject({
      ok: false,
      error: { code: "FORBIDDEN" },
    });

    const oldRemoved = nextEvent(oldPhone.socket, "session:removed");
    const told = nextEvent(newPhone.socket, "session:reconnect");
    expect((await teacher.send("student:hand-back", { requestId: request.body.studentId, granted: true })).ok).toBe(true);
    expect((await oldRemoved).message).toMatch(/new phone/);
    await told;

    const taken = await LiveClient.connect(server.url, { token: request.body.token });
    expect(taken.you).toEqual({ role: "student", participantId: ada.studentId });
    const me = taken.state.students[ada.studentId]!;
    expect(me.nickname).toBe("Ada");
    expect(me.seat).toEqual({ layer: 0, neuron: 0 });
    expect(me.entry!.bias).toBe(0.75);
    expect((await taken.send("neuron:set", { bias: -0.25 })).ok).toBe(true);
    await expect(connect(server.url, { token: ada.token })).rejects.toMatchObject({ data: { code: "UNAUTHENTICATED" } });
    await teacher.until(() => Object.keys(teacher.state.handbacks).length === 0 && teacher.state.students[ada.studentId]!.entry!.bias === -0.25);
    expect(seenByGrace.join("\n")).not.toMatch(/handback/);
    expect(seenByGrace.some((m) => m.includes("event.redacted"))).toBe(true);
    for (const c of [teacher, oldPhone, gracePhone, newPhone, taken]) c.close();
  });

  it("tells a phone whose request the teacher refused, and its pass stops working", async () => {
    const { code, teacherToken } = await hostSession(server.url);
    await joinSession(server.url, code, "Ada");
    const teacher = await LiveClient.connect(server.url, { token: teacherToken });
    const request = await askForPlace(server.url, code, "Ada");
    const phone = await LiveClient.connect(server.url, { token: request.body.token });
    const removed = nextEvent(phone.socket, "session:removed");
    expect((await teacher.send("student:hand-back", { requestId: request.body.studentId, granted: false })).ok).toBe(true);
    expect((await removed).message).toMatch(/did not give you that place/);
    await expect(connect(server.url, { token: request.body.token })).rejects.toMatchObject({ data: { code: "UNAUTHENTICATED" } });
    expect(await askForPlace(server.url, code, "Nobody")).toMatchObject({ status: 404 });
    teacher.close();
  });
});
