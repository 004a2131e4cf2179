/**
 * SPEC feature 5 on the phone: when the teacher steps the forward pass to my neuron's layer,
 * my neuron lights up (the bar's output and my dot in the mini diagram), and a phone that
 * asks for reduced motion gets the same highlight with nothing moving.
 */
import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { closeAll, hostClass } from "./support/classroom-ui";
import { joinOnPhone, phoneContext, SMALL_PHONE } from "./support/phone-screen";

const runningAnimations = () => document.getAnimations().filter((a) => a.playState === "running").length;

test("the phone lights when the signal reaches its layer, and with reduced motion nothing moves", async ({ browser }, info) => {
  const { teacher, code } = await hostClass(browser);
  // Both sit on the hidden layer (seating order): Ada asks for reduced motion, Ben does not.
  const ada = await joinOnPhone(browser, code, "Ada", phoneContext(SMALL_PHONE, { reducedMotion: "reduce" }));
  const ben = await joinOnPhone(browser, code, "Ben", phoneContext(SMALL_PHONE, { reducedMotion: "no-preference" }));
  const status = (page: typeof ada) => page.getByRole("status").filter({ hasText: /signal|forward pass/i });
  const myDot = ada.getByRole("img", { name: /Diagram of the class network/ }).locator('[data-mine="true"][data-neuron]');

  // Column 0: the inputs are lit, the signal has not reached the hidden layer yet.
  await teacher.getByRole("button", { name: "Next layer" }).click();
  await expect(status(ada)).toHaveText("Forward pass: the signal is on its way to you…");
  await expect(myDot).not.toHaveAttribute("data-lit", "true");

  // Column 1: the hidden layer, mine.
  await teacher.getByRole("button", { name: "Next layer" }).click();
  await expect(status(ada)).toHaveText("The signal has reached your neuron!");
  await expect(status(ben)).toHaveText("The signal has reached your neuron!");
  await expect(myDot).toHaveAttribute("data-lit", "true");
  // The output layer is not reached yet: faded in the mini diagram.
  await expect(ada.locator('[data-neuron="2-0"]')).toHaveAttribute("opacity", "0.35");
  await ada.screenshot({ path: info.outputPath("lit-360x740-reduced-motion.png") });

  expect(await ada.evaluate(runningAnimations)).toBe(0);
  expect(await ada.evaluate(() => document.getAnimations().length)).toBe(0);
  // The same moment on a phone that allows motion: something does move, so the check above can fail.
  expect(await ben.evaluate(runningAnimations)).toBeGreaterThan(0);
  expect(await seriousViolations(ada)).toEqual([]);

  // Column 2: the signal went on to the output layer.
  await teacher.getByRole("button", { name: "Next layer" }).click();
  await expect(status(ada)).toHaveText("Forward pass: your output has gone on to the next layer.");
  await expect(myDot).not.toHaveAttribute("data-lit", "true");

  // Stopped: everything lit again, no message.
  await teacher.getByRole("button", { name: "Stop", exact: true }).click();
  await expect(status(ada)).toHaveCount(0);
  await expect(ada.locator('[data-neuron="2-0"]')).toHaveAttribute("opacity", "1");

  await closeAll(ada, ben, teacher);
});
