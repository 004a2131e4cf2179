/**
 * The teacher-paced lesson (SPEC feature 6, "Accessible names of the lesson"): the teacher
 * steps through the six sections with "Next step" (and back once with "Previous step"), by
 * keyboard; each step sets up the diagram (asking before a preset replaces the class's
 * entries), the phones (sliders, or the step's text to read) and the projector (the step's
 * title and explanation beside the diagram). A late joiner lands in the current step; a
 * step's question launches from the lesson panel. Expected numbers are the lesson's printed
 * ones: 1.400 for the single neuron, [1.074, 0] for the two layers, 60.1 % for the classifier.
 */
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { closeAll, hostClass, joinAsStudent } from "./support/classroom-ui";
import { expectOnScreen, joinOnPhone, phoneContext, SMALL_PHONE } from "./support/phone-screen";
import { describeSizes, diagramTextSizes, fitsWithoutScrolling, predictionSize } from "./support/text-size";
import { PROJECTOR } from "./support/viewports";

const LAPTOP = { width: 1280, height: 720 };
const TITLES = [
  "One artificial neuron",
  "Neurons side by side, layers in a row",
  "Why depth matters",
  "The whole forward pass",
  "A forward pass is not learning",
  "What to remember",
];

async function openShow(browser: Browser, code: string): Promise<Page> {
  const show = await (await browser.newContext({ viewport: PROJECTOR })).newPage();
  await show.goto(`/show/${code}`);
  await expect(show.getByLabel("Join code", { exact: true })).toHaveText(code);
  return show;
}

/** Presses a button by keyboard: focus, then Enter. */
async function press(button: Locator): Promise<void> {
  await button.focus();
  await button.press("Enter");
}

/** What a phone shows in a step: the strip's title, and sliders or the step's text. */
async function expectPhoneIn(phone: Page, step: number, mode: "neuron" | "read"): Promise<void> {
  await expect(phone.getByRole("region", { name: "Lesson step" })).toContainText(TITLES[step]!);
  if (mode === "neuron") {
    await expect(phone.getByRole("slider", { name: "Weight 1" })).toBeVisible();
    await expect(phone.getByRole("article", { name: "Step text" })).toHaveCount(0);
  } else {
    await expect(phone.getByRole("article", { name: "Step text" }).getByRole("heading", { name: TITLES[step]! })).toBeVisible();
    await expect(phone.getByRole("slider")).toHaveCount(0);
    await expect(phone.getByLabel("Neuron output")).toHaveCount(0);
  }
}

async function expectShowIn(show: Page, step: number): Promise<void> {
  await expect(show.getByRole("heading", { name: TITLES[step]!, level: 2 })).toBeVisible();
  await expect(show.getByText(`Step ${step + 1} of 6`)).toBeVisible();
}

test("the teacher steps through the lesson by keyboard; phones, the projector and late joiners follow", async ({ browser }, info) => {
  test.setTimeout(180_000);
  const { teacher, code } = await hostClass(browser);
  await teacher.setViewportSize(LAPTOP);
  const ada = await joinOnPhone(browser, code, "Ada", phoneContext(SMALL_PHONE));
  const show = await openShow(browser, code);
  const lesson = teacher.getByRole("region", { name: "Lesson" });
  const step = teacher.getByLabel("Lesson step");
  const next = lesson.getByRole("button", { name: "Next step" });
  const previous = lesson.getByRole("button", { name: "Previous step" });
  const dialog = teacher.getByRole("dialog", { name: "Replace the class network?" });

  // Before the lesson: free play, nothing of the lesson on the wall or the phone.
  await expect(step).toHaveText(/Free play/);
  await expect(previous).toBeDisabled();
  await expect(show.getByText("Step 1 of 6")).toHaveCount(0);
  await expect(ada.getByRole("region", { name: "Lesson step" })).toHaveCount(0);
  await expect(show.getByLabel("Network output")).toContainText("60.1 %");

  // Step 1 loads the single neuron over Ada's seat: asked first. Escape changes nothing.
  await press(next);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("One artificial neuron");
  await teacher.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(step).toHaveText(/Free play/);
  await expect(show.getByLabel("Network output")).toContainText("60.1 %");
  // Asked again; "Replace the network" by keyboard (Cancel has the focus first).
  await press(next);
  await expect(dialog).toBeVisible();
  await teacher.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Replace the network" })).toBeFocused();
  await teacher.keyboard.press("Enter");

  await expect(step).toHaveText(TITLES[0]!);
  await expect(lesson.getByRole("button", { name: TITLES[0]! })).toHaveAttribute("aria-current", "step");
  // relu(0.8 × 1.5 + 0.6 × 2.0 − 1.0) = 1.400, on the wall and on Ada's phone (she sits on the one neuron).
  await expect(show.getByLabel("Network output")).toContainText("1.400");
  await expectShowIn(show, 0);
  await expectPhoneIn(ada, 0, "neuron");
  await expect(ada.getByLabel("Neuron output")).toHaveText("1.400");
  await expectOnScreen(ada, ada.getByRole("slider", { name: "Weight 1" }), "the first weight's slider in a lesson step");
  await expect(ada.getByRole("link", { name: "Try it live" })).toHaveAttribute("href", "/try#neuron");
  // The step's questions, ready to launch.
  await expect(lesson.getByRole("list", { name: "Questions for this step" }).getByRole("listitem")).toHaveCount(1);

  // The step's example runs on the dashboard as real Python.
  const example = teacher.getByRole("region", { name: "Try it live" });
  await example.getByRole("button", { name: "Run" }).click();
  await expect(example.getByLabel("Output")).toContainText("Neuron output: 1.400", { timeout: 60_000 });

  expect(await seriousViolations(teacher), "dashboard with the lesson panel").toEqual([]);
  expect(await seriousViolations(ada), "phone in a neuron step").toEqual([]);
  expect(await seriousViolations(show), "projector with a lesson step").toEqual([]);
  await teacher.evaluate(() => window.scrollTo(0, 0));
  await teacher.screenshot({ path: info.outputPath("dashboard-step1-top-1280x720.png") });
  await lesson.scrollIntoViewIfNeeded();
  await teacher.screenshot({ path: info.outputPath("dashboard-step1-1280x720.png") });
  await ada.screenshot({ path: info.outputPath("phone-step1-360x740.png") });

  // Step 2: the two-layer example over Ada's seat, asked and confirmed; its outputs are [1.074, 0].
  await press(next);
  await dialog.getByRole("button", { name: "Replace the network" }).click();
  await expect(step).toHaveText(TITLES[1]!);
  await expect(show.getByLabel("Network output")).toContainText("1.074");
  await expectShowIn(show, 1);
  await expectPhoneIn(ada, 1, "neuron");
  await expect(ada.getByRole("link", { name: "Try it live" })).toHaveAttribute("href", "/try#layers");

  // Step 3 has no network of its own: no question asked; phones read along.
  await press(next);
  await expect(step).toHaveText(TITLES[2]!);
  await expect(dialog).toHaveCount(0);
  await expectShowIn(show, 2);
  await expectPhoneIn(ada, 2, "read");
  await expect(ada.getByRole("link", { name: "Try it live" })).toHaveCount(0);
  expect(await seriousViolations(ada), "phone in a read step").toEqual([]);
  await ada.screenshot({ path: info.outputPath("phone-step3-read-360x740.png") });

  // Back once: the sliders return, the two layers kept (same preset, nothing to ask).
  await press(previous);
  await expect(step).toHaveText(TITLES[1]!);
  await expect(dialog).toHaveCount(0);
  await expectPhoneIn(ada, 1, "neuron");
  await expectShowIn(show, 1);
  await press(next);
  await expect(step).toHaveText(TITLES[2]!);

  // Step 4: the classifier; Class A 60.1 % on the wall.
  await press(next);
  await dialog.getByRole("button", { name: "Replace the network" }).click();
  await expect(step).toHaveText(TITLES[3]!);
  await expect(show.getByLabel("Network output")).toContainText("60.1 %");
  await expectShowIn(show, 3);
  await expectPhoneIn(ada, 3, "neuron");
  // Ada sits on the classifier's first hidden neuron: relu(1.2 × 0.9 − 0.4 × 0.4 + 0) = 0.920.
  await expect(ada.getByLabel("Neuron output")).toHaveText("0.920");
  await show.screenshot({ path: info.outputPath("projector-step4-1920x1080.png") });

  // A student who joins now lands in this step, on the classifier's second hidden neuron:
  // relu(0.5 × 0.9 + 1.8 × 0.4 − 0.2) = 0.970.
  const ben = await joinOnPhone(browser, code, "Ben", phoneContext(SMALL_PHONE));
  await expectPhoneIn(ben, 3, "neuron");
  await expect(ben.getByLabel("Neuron output")).toHaveText("0.970");

  // A step's question launches from the lesson panel and reaches the phones.
  const questions = lesson.getByRole("list", { name: "Questions for this step" });
  await expect(questions.getByRole("listitem")).toHaveCount(2);
  await press(questions.getByRole("listitem").first().getByRole("button", { name: "Launch" }));
  await expect(ada.getByLabel("Question")).toContainText("activations");
  await expect(ben.getByLabel("Question")).toContainText("activations");
  await expect(teacher.getByLabel("Answers")).toHaveText("0 of 2 answered");
  await press(teacher.getByRole("button", { name: "Back to the network" }));
  await expectPhoneIn(ada, 3, "neuron");

  // Steps 5 and 6 are read along; the last step has no "Next step".
  await press(next);
  await expect(step).toHaveText(TITLES[4]!);
  await expectPhoneIn(ada, 4, "read");
  await expectShowIn(show, 4);
  await press(next);
  await expect(step).toHaveText(TITLES[5]!);
  await expectPhoneIn(ben, 5, "read");
  await expectShowIn(show, 5);
  await expect(next).toBeDisabled();
  // The diagram stays the classifier through the read steps.
  await expect(show.getByLabel("Network output")).toContainText("60.1 %");

  // Leaving the lesson: free play, the wall and the phones drop the step.
  await press(lesson.getByRole("button", { name: "Leave the lesson" }));
  await expect(step).toHaveText(/Free play/);
  await expect(show.getByText("Step 6 of 6")).toHaveCount(0);
  await expect(ada.getByRole("slider", { name: "Weight 1" })).toBeVisible();
  await expect(ada.getByRole("region", { name: "Lesson step" })).toHaveCount(0);

  await closeAll(teacher, ada, ben, show);
});

test("the projector mode of the dashboard shows the step beside the diagram", async ({ browser }) => {
  const { teacher } = await hostClass(browser);
  const lesson = teacher.getByRole("region", { name: "Lesson" });
  // Nobody has joined: nothing to lose, so no question is asked.
  await press(lesson.getByRole("button", { name: TITLES[3]! }));
  await expect(teacher.getByLabel("Lesson step")).toHaveText(TITLES[3]!);
  await teacher.getByRole("button", { name: "Projector view" }).click();
  await expect(teacher.getByRole("heading", { name: TITLES[3]!, level: 2 })).toBeVisible();
  await expect(teacher.getByLabel("Network output")).toContainText("60.1 %");
  expect(await seriousViolations(teacher), "projector mode with a lesson step").toEqual([]);
  await closeAll(teacher);
});

test("the wall stays legible at 1280×720 with a lesson step beside the diagram", async ({ browser }, info) => {
  const small = { width: 1280, height: 720 };
  const { teacher, code } = await hostClass(browser);
  await teacher.setViewportSize(small);
  const lesson = teacher.getByRole("region", { name: "Lesson" });
  await press(lesson.getByRole("button", { name: TITLES[3]! }));
  await expect(teacher.getByLabel("Lesson step")).toHaveText(TITLES[3]!);
  const ada = await joinAsStudent(browser, code, "Ada");
  const show = await (await browser.newContext({ viewport: small })).newPage();
  await show.goto(`/show/${code}`);
  await expect(show.getByLabel("Network output")).toContainText("60.1 %");

  for (const [i, title] of [[3, TITLES[3]!], [0, TITLES[0]!]] as const) {
    if (i === 0) {
      await press(lesson.getByRole("button", { name: title }));
      await teacher.getByRole("dialog").getByRole("button", { name: "Replace the network" }).click();
      await expect(show.getByLabel("Network output")).toContainText("1.400");
    }
    await expect(show.getByRole("heading", { name: title, level: 2 })).toBeVisible();
    await show.screenshot({ path: info.outputPath(`show-step${i + 1}-1280x720.png`) });
    const sizes = await diagramTextSizes(show.getByRole("img", { name: /^Network diagram/ }));
    console.log(`step ${i + 1} at 1280×720: ${describeSizes(sizes)}`);
    expect(sizes.value?.px, "neuron and input values").toBeGreaterThanOrEqual(24);
    // Every weight's number still fits on its line beside the step's text.
    expect(sizes.weight?.count, "weights drawn as numbers").toBe(i === 3 ? 12 : 2);
    for (const role of ["name", "label", "title", "share", "weight"] as const) {
      if (sizes[role]) expect(sizes[role].px, `${role}s`).toBeGreaterThanOrEqual(16);
    }
    expect(await predictionSize(show), "the prediction").toBeGreaterThanOrEqual(48);
    expect(await fitsWithoutScrolling(show), "the wall shows everything without scrolling").toBe(true);
    // The explanation itself: at least 16 px, as SPEC asks of labels on the wall.
    const textPx = await show
      .getByRole("region", { name: title })
      .locator("p")
      .evaluateAll((ps) => Math.min(...ps.map((p) => parseFloat(getComputedStyle(p).fontSize))));
    expect(textPx, "the step's text").toBeGreaterThanOrEqual(16);
    const cut = await show.getByRole("region", { name: title }).evaluate((el) => el.scrollHeight - el.clientHeight);
    expect(cut, "the whole explanation is in view, not cut off").toBeLessThanOrEqual(1);
  }
  await closeAll(teacher, ada, show);
});
