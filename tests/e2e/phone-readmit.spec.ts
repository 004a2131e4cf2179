/**
 * Issue 11, item 11: a student the teacher removed, then let back in, returns to their neuron
 * on their own phone without touching it (no reload), through the dashboard's real buttons.
 */
import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { closeAll, hostClass } from "./support/classroom-ui";
import { IPHONE_13, joinOnPhone, phoneContext } from "./support/phone-screen";

test("“Let back in” brings the removed phone back to its neuron by itself", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const ada = await joinOnPhone(browser, code, "Ada", phoneContext(IPHONE_13));
  await expect(ada.getByLabel("Neuron output")).toHaveText("0.920");
  // A mark on this page's window: a reload would wipe it.
  await ada.evaluate(() => ((window as unknown as { stayedOpen: boolean }).stayedOpen = true));

  await teacher.getByRole("button", { name: "Remove Ada" }).click();
  await teacher
    .getByRole("group", { name: "Remove Ada from the class?" })
    .getByRole("button", { name: "Remove", exact: true })
    .click();
  const removed = ada.getByRole("heading", { name: "The teacher removed you from this class" });
  await expect(removed).toBeVisible();
  await expect(ada.getByLabel("Neuron output")).toHaveCount(0);
  expect(await seriousViolations(ada)).toEqual([]);

  await teacher.getByRole("button", { name: "Let back in Ada" }).click();
  // The phone asks again every few seconds; the first answer after the teacher's press lets it in.
  await expect(ada.getByLabel("Neuron output")).toHaveText("0.920", { timeout: 15_000 });
  await expect(removed).toHaveCount(0);
  expect(await ada.evaluate(() => (window as unknown as { stayedOpen?: boolean }).stayedOpen)).toBe(true);

  // Back for real: a change from the phone reaches the class. 1.2 × 0.9 − 0.4 × 0.4 + 0.5 = 1.420.
  const bias = ada.getByRole("textbox", { name: "Bias", exact: true });
  await bias.fill("0.5");
  await bias.press("Enter");
  await expect(ada.getByLabel("Neuron output")).toHaveText("1.420");
  // Hidden outputs 1.42, 0.97, 0.19; sums A = 1.42 + 0.2·0.97 − 0.5·0.19 + 0.1 = 1.619 and
  // B = −0.3·1.42 + 0.8·0.97 + 1.1·0.19 = 0.559; softmax A = 1 / (1 + e^(0.559 − 1.619)) = 74.3 %.
  await expect(teacher.getByLabel("Network output")).toContainText("74.3 %");

  await closeAll(ada, teacher);
});
