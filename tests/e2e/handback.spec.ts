/**
 * SPEC feature 10: a student whose phone lost its pass gets their name, neuron and values
 * back on a new phone, with one confirmation by the teacher; the old phone's pass stops
 * working. Through the real pages and the real server.
 */
import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { closeAll, hostClass, joinAsStudent, openNicknameForm, typeOnPhone } from "./support/classroom-ui";

test("a new phone asks for its place back, and the teacher gives it with one confirmation", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const oldPhone = await joinAsStudent(browser, code, "Ada");
  await typeOnPhone(oldPhone, "Bias", "0.5");
  // The first hidden neuron: weights [1.2, -0.4] on inputs [0.9, 0.4], bias 0.5 → 1.08 − 0.16 + 0.5 = 1.420.
  await expect(oldPhone.getByLabel("Neuron output").first()).toHaveText(/1\.420/);

  const newPhone = await openNicknameForm(browser, code);
  await newPhone.getByRole("textbox", { name: "Nickname" }).fill("Ada");
  await newPhone.getByRole("button", { name: "Join" }).click();
  await expect(newPhone.getByRole("alert").filter({ hasText: "already taken" })).toBeVisible();
  await newPhone.getByRole("button", { name: "That's me: ask for my place back" }).click();
  await expect(newPhone.getByRole("heading", { name: "Asking your teacher" })).toBeVisible();
  expect(await seriousViolations(newPhone)).toEqual([]);

  const requests = teacher.getByRole("region", { name: "Phones asking for a place" });
  await expect(requests).toContainText("A new phone asks for Ada's place");
  await requests.getByRole("button", { name: "Give Ada's place to the new phone" }).click();
  await requests.getByRole("button", { name: "Give the place" }).click();

  // The new phone is Ada now: same neuron, same bias, same output.
  await expect(newPhone.getByLabel("Neuron output").first()).toHaveText(/1\.420/);
  await expect(newPhone.getByRole("textbox", { name: "Bias", exact: true })).toHaveValue(/^0[.,]5/);
  await expect(oldPhone.getByText("Your place was given to your new phone.")).toBeVisible();
  await expect(requests).toHaveCount(0);
  await closeAll(oldPhone, newPhone, teacher);
});

test("the teacher can refuse a request, and the asking phone is told", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const ada = await joinAsStudent(browser, code, "Ada");
  const other = await openNicknameForm(browser, code);
  await other.getByRole("textbox", { name: "Nickname" }).fill("ada");
  await other.getByRole("button", { name: "Join" }).click();
  await other.getByRole("button", { name: "That's me: ask for my place back" }).click();
  // The asking phone is connected and waiting (a refusal before it connects finds no socket to tell).
  await expect(other.getByRole("heading", { name: "Asking your teacher" })).toBeVisible();
  const requests = teacher.getByRole("region", { name: "Phones asking for a place" });
  await requests.getByRole("button", { name: "Refuse the request for Ada's place" }).click();
  await expect(other.getByText("Your teacher did not give you that place.", { exact: false })).toBeVisible();
  await expect(requests).toHaveCount(0);
  await expect(ada.getByLabel("Neuron output").first()).toBeVisible();
  await closeAll(ada, other, teacher);
});

test("a request refused while the asking phone was away is explained when it comes back", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const ada = await joinAsStudent(browser, code, "Ada");
  const other = await openNicknameForm(browser, code);
  await other.getByRole("textbox", { name: "Nickname" }).fill("Ada");
  await other.getByRole("button", { name: "Join" }).click();
  await other.getByRole("button", { name: "That's me: ask for my place back" }).click();
  await expect(other.getByRole("heading", { name: "Asking your teacher" })).toBeVisible();
  // The phone's page goes away (closed, or killed by the phone asleep); the teacher says no meanwhile.
  const url = other.url();
  const context = other.context();
  await other.close();
  const requests = teacher.getByRole("region", { name: "Phones asking for a place" });
  await requests.getByRole("button", { name: "Refuse the request for Ada's place" }).click();
  await expect(requests).toHaveCount(0);

  const back = await context.newPage();
  await back.goto(url);
  await expect(back.getByText("Your teacher did not give this phone Ada's place. Join with another name.")).toBeVisible();
  await expect(back.getByRole("textbox", { name: "Nickname" })).toBeVisible();
  await closeAll(ada, back, teacher);
});
