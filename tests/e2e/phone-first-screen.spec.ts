/**
 * SPEC feature 4, "The first screen": on a 360×740 and a 390×844 phone, right after joining,
 * the first weight's slider is on the screen, and my output ("Neuron output") and the class
 * prediction ("Network output") stay on the screen while any control is dragged, down to the
 * last one (Bias) and the formula under it.
 */
import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { closeAll, hostClass } from "./support/classroom-ui";
import { expectOnScreen, expectUncovered, IPHONE_13, joinOnPhone, phoneContext, SMALL_PHONE } from "./support/phone-screen";

for (const size of [SMALL_PHONE, IPHONE_13]) {
  test(`at ${size.width}×${size.height} the first slider, my output and the prediction are on the first screen and stay there`, async ({ browser }, info) => {
    const { teacher, code } = await hostClass(browser);
    const phone = await joinOnPhone(browser, code, "Ada", phoneContext(size));
    const output = phone.getByLabel("Neuron output");
    const prediction = phone.getByLabel("Network output");
    const weight1 = phone.getByRole("slider", { name: "Weight 1" });
    await expect(output).toHaveText("0.920"); // SPEC: the first student of the default session
    await expect(prediction).toContainText("60.1 %");

    // The first screen, as it opens: nothing scrolled yet.
    expect(await phone.evaluate(() => window.scrollY)).toBe(0);
    const first = {
      slider: await expectOnScreen(phone, weight1, "Weight 1 slider"),
      output: await expectOnScreen(phone, output, "Neuron output"),
      prediction: await expectOnScreen(phone, prediction, "Network output"),
    };
    await expectUncovered(weight1, "Weight 1 slider");
    info.annotations.push({ type: "first screen", description: JSON.stringify(first) });
    await phone.screenshot({ path: info.outputPath(`first-screen-${size.width}x${size.height}.png`) });

    // The last control, brought into view and dragged by keyboard: 5 steps of 0.01 up.
    const bias = phone.getByRole("slider", { name: "Bias" });
    await bias.scrollIntoViewIfNeeded();
    await bias.focus();
    for (let i = 0; i < 5; i++) await bias.press("ArrowRight");
    await expect(bias).toHaveValue("0.05");
    await expect(output).toHaveText("0.970"); // 1.2 × 0.9 − 0.4 × 0.4 + 0.05
    await expectOnScreen(phone, bias, "Bias slider");
    await expectUncovered(bias, "Bias slider");
    await expectOnScreen(phone, output, "Neuron output while Bias is dragged");
    await expectOnScreen(phone, prediction, "Network output while Bias is dragged");
    await phone.screenshot({ path: info.outputPath(`bias-focused-${size.width}x${size.height}.png`) });

    // The formula sits right under the controls: it fits on one screen with the Bias slider
    // and the bar, and shows the new sum.
    const formula = phone.getByLabel("Weighted sum");
    await expect(formula).toContainText("+ 0.050 = 0.970");
    await formula.scrollIntoViewIfNeeded();
    await expectOnScreen(phone, formula, "Weighted sum");
    await expectOnScreen(phone, bias, "Bias slider beside the formula");
    await expectUncovered(bias, "Bias slider beside the formula");
    await expectOnScreen(phone, output, "Neuron output beside the formula");

    // Scrolled to the very bottom of the page, the two values are still on the screen.
    await phone.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => phone.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await expectOnScreen(phone, output, "Neuron output at the bottom of the page");
    await expectOnScreen(phone, prediction, "Network output at the bottom of the page");
    await expectUncovered(output, "Neuron output");
    await phone.screenshot({ path: info.outputPath(`bottom-${size.width}x${size.height}.png`) });

    expect(await seriousViolations(phone)).toEqual([]);
    await closeAll(phone, teacher);
  });
}
