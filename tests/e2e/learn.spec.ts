/**
 * The self-paced lesson at /learn, against the real server, with the realtime connection
 * refused (every /socket.io/ request aborted) and every request outside the app's origin
 * aborted: the page must not need either. Expected numbers come from the lesson's Python
 * formula run by python3 (tests/helpers/python-reference.ts), never from the engine.
 */
import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { pythonForward, type ReferenceNetwork } from "../helpers/python-reference";
import { PRESETS, type PresetId } from "../../lib/lesson/presets";
import { LESSON_STEPS } from "../../lib/lesson/steps";
import { seriousViolations } from "./support/axe";
import { closeAll, hostClass } from "./support/classroom-ui";

const SMALL = { width: 360, height: 740 };
const WIDE = { width: 1280, height: 720 };
/** Sections without a network of their own keep the last one met (written out, not imported). */
const SECTION_PRESETS: PresetId[] = ["bright-and-edgy", "two-layer", "two-layer", "classifier", "classifier", "classifier"];
const SHOTS = process.env.LEARN_SHOTS ?? null;

interface Opened {
  page: Page;
  socketTries: string[];
  foreign: string[];
  sockets: string[];
  errors: string[];
  /** Every URL the page and its workers asked for. */
  requests: string[];
}

/** A fresh context on /learn: the realtime connection and other origins refused and recorded. */
async function openLearn(browser: Browser, baseURL: string, options: Parameters<Browser["newContext"]>[0] = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: WIDE, ...options });
  const origin = new URL(baseURL).origin;
  const page = await context.newPage();
  const opened: Opened = { page, socketTries: [], foreign: [], sockets: [], errors: [], requests: [] };
  context.on("request", (r) => opened.requests.push(r.url()));
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      opened.foreign.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  await context.route("**/socket.io/**", (route) => {
    opened.socketTries.push(route.request().url());
    return route.abort("connectionrefused");
  });
  page.on("websocket", (ws) => opened.sockets.push(ws.url()));
  page.on("pageerror", (e) => opened.errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") opened.errors.push(m.text());
  });
  await page.goto("/learn");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(LESSON_STEPS[0]!.title);
  return opened;
}

function expectNoNetworkUse(o: Opened) {
  expect(o.socketTries).toEqual([]);
  expect(o.sockets).toEqual([]);
  expect(o.foreign).toEqual([]);
  expect(o.errors).toEqual([]);
}

const fmt = (x: number) => {
  const s = x.toFixed(3);
  return s === "-0.000" ? "0.000" : s;
};

/** What the diagram should show: each input, then every neuron's output, layer by layer. */
function expectedValues(network: ReferenceNetwork, inputs: number[]): { values: string[]; outputs: number[] } {
  const [result] = pythonForward([{ network, inputs }]);
  const outputs = result!.layers[result!.layers.length - 1]!.output;
  return { values: [...inputs.map(fmt), ...result!.layers.flatMap((l) => l.output.map(fmt))], outputs };
}

const diagramValues = (page: Page) => page.locator("figure[data-lit-column] svg [data-role=value]").allTextContents();

async function expectDiagram(page: Page, network: ReferenceNetwork, inputs: number[]) {
  const { values, outputs } = expectedValues(network, inputs);
  await expect.poll(() => diagramValues(page)).toEqual(values);
  const output = page.getByRole("status", { name: "Network output" }).or(page.getByLabel("Network output", { exact: true }));
  const softmax = network.layers[network.layers.length - 1]!.activation === "softmax";
  for (const p of outputs) await expect(output).toContainText(softmax ? `${(p * 100).toFixed(1)} %` : fmt(p));
}

const presetNet = (id: PresetId) => {
  const p = PRESETS.find((x) => x.id === id)!;
  return { network: structuredClone(p.network) as ReferenceNetwork, inputs: [...p.inputs] };
};

/** Types a value into a labelled number box (slider's twin) and commits it with Enter. */
async function typeValue(page: Page, name: string, value: string) {
  const box = page.getByRole("textbox", { name, exact: true });
  await box.fill(value);
  await box.press("Enter");
}

/** With LEARN_SHOTS set, a screenshot of the screen with `at` scrolled to its top (for looking at, not for checking). */
async function shot(page: Page, name: string, at?: string) {
  if (!SHOTS) return;
  if (at) await page.getByText(at, { exact: true }).first().evaluate((el) => el.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

const sectionNav = (page: Page) => page.getByRole("navigation", { name: "Sections" });

test.describe("Self-paced lesson", () => {
  test("every section, with the realtime connection refused: its text and its network, every value as the lesson's Python computes it, also after the learner changes a weight, a bias and an input", async ({ browser, baseURL }) => {
    const o = await openLearn(browser, baseURL!);
    const { page } = o;
    for (const [i, step] of LESSON_STEPS.entries()) {
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(step.title);
      await expect(page.getByText(`Section ${i + 1} of ${LESSON_STEPS.length}`)).toBeVisible();
      await expect(page.getByText(step.text[0]!)).toBeVisible();
      const { network, inputs } = presetNet(SECTION_PRESETS[i]!);
      await expectDiagram(page, network, inputs);
      // Try it live where the section has an example; Python itself is not fetched until Run.
      await expect(page.getByRole("textbox", { name: "Python code" })).toHaveCount(step.exampleId ? 1 : 0);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/learn-1280-section-${i + 1}.png`, fullPage: false });
      if (i < LESSON_STEPS.length - 1) await page.getByRole("button", { name: `Next: ${LESSON_STEPS[i + 1]!.title}` }).click();
    }
    await expect(page.getByRole("button", { name: /^Next:/ })).toHaveCount(0);

    // Python is fetched only when Run is pressed, from this server; the lesson's example prints its number.
    expect(o.requests.filter((u) => new URL(u).pathname.startsWith("/_py/"))).toEqual([]);
    await sectionNav(page).getByRole("button", { name: LESSON_STEPS[0]!.title }).click();
    const tryIt = page.getByRole("region", { name: /^Try it live/ });
    await tryIt.getByRole("button", { name: "Run" }).click();
    await expect(tryIt.getByRole("log", { name: "Output" })).toContainText("Neuron output: 1.400", { timeout: 45_000 });
    expect(o.requests.filter((u) => new URL(u).pathname.startsWith("/_py/")).length).toBeGreaterThan(0);

    // Back to the first section by the step list; change a weight, the bias and an input.
    await sectionNav(page).getByRole("button", { name: LESSON_STEPS[0]!.title }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(LESSON_STEPS[0]!.title);
    const one = presetNet("bright-and-edgy");
    await typeValue(page, "Weight 1", "2,5");
    one.network.layers[0]!.neurons[0]!.weights[0] = 2.5;
    await expectDiagram(page, one.network, one.inputs);
    await typeValue(page, "brightness", "0.3");
    one.inputs[0] = 0.3;
    await typeValue(page, "Bias", "-0.2");
    one.network.layers[0]!.neurons[0]!.bias = -0.2;
    await expectDiagram(page, one.network, one.inputs);
    // The slider moves by keyboard, in steps of 0.01.
    await page.getByRole("slider", { name: "Weight 2" }).focus();
    await page.keyboard.press("ArrowRight");
    one.network.layers[0]!.neurons[0]!.weights[1] = 2.01;
    await expectDiagram(page, one.network, one.inputs);

    // The classifier: pick a hidden neuron on the diagram, change it and an input.
    await sectionNav(page).getByRole("button", { name: LESSON_STEPS[3]!.title }).click();
    const cls = presetNet("classifier");
    await expectDiagram(page, cls.network, cls.inputs);
    // A neuron on the diagram, picked by keyboard.
    await page.getByRole("button", { name: /^Set neuron H1 · 2 / }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("combobox", { name: /Neuron to change/ })).toHaveValue("0:1");
    await typeValue(page, "Weight 2", "-1.5");
    cls.network.layers[0]!.neurons[1]!.weights[1] = -1.5;
    await typeValue(page, "input 1", "0.5");
    cls.inputs[0] = 0.5;
    await expectDiagram(page, cls.network, cls.inputs);
    // An output neuron, chosen from the list this time, and an activation.
    await page.getByRole("combobox", { name: /Neuron to change/ }).selectOption({ label: `Out · 1: output ${fmt(pythonForward([cls])[0]!.layers[1]!.output[0]!)}` });
    await typeValue(page, "Bias", "1");
    cls.network.layers[1]!.neurons[0]!.bias = 1;
    await page.getByRole("combobox", { name: "Hidden layer activation" }).selectOption("sigmoid");
    cls.network.layers[0]!.activation = "sigmoid";
    await expectDiagram(page, cls.network, cls.inputs);
    await shot(page, "learn-1280-network", "The network");
    await shot(page, "learn-1280-controls", "Inputs");
    await shot(page, "learn-1280-questions", "Check yourself");
    // The next section keeps the changed classifier; "Reset network" brings back the lesson's.
    await page.getByRole("button", { name: `Next: ${LESSON_STEPS[4]!.title}` }).click();
    await expectDiagram(page, cls.network, cls.inputs);
    await page.getByRole("button", { name: "Reset network" }).click();
    const fresh = presetNet("classifier");
    await expectDiagram(page, fresh.network, fresh.inputs);
    await expect(page.getByLabel("Network output", { exact: true })).toContainText("Prediction: Class A");
    expectNoNetworkUse(o);
    await page.context().close();
  });

  test("“Play forward pass” lights the inputs, then each layer in order, then the whole network; reduced motion steps without motion", async ({ browser, baseURL }) => {
    const o = await openLearn(browser, baseURL!);
    const { page } = o;
    await sectionNav(page).getByRole("button", { name: LESSON_STEPS[3]!.title }).click();
    const figure = page.locator("figure[data-lit-column]");
    await expect(figure).toHaveAttribute("data-lit-column", "none");
    await figure.evaluate((el) => {
      const seen: string[] = [];
      (window as unknown as { litSeen: string[] }).litSeen = seen;
      new MutationObserver(() => seen.push(el.getAttribute("data-lit-column") ?? "")).observe(el, { attributes: true, attributeFilter: ["data-lit-column"] });
    });
    await page.getByRole("button", { name: "Play forward pass" }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { litSeen: string[] }).litSeen), { timeout: 8000 }).toEqual(["0", "1", "2", "none"]);
    expectNoNetworkUse(o);
    await page.context().close();

    const r = await openLearn(browser, baseURL!, { reducedMotion: "reduce" });
    await sectionNav(r.page).getByRole("button", { name: LESSON_STEPS[1]!.title }).click();
    const next = r.page.getByRole("button", { name: "Next layer" });
    for (const column of ["0", "1", "2"]) {
      await next.click();
      await expect(r.page.locator("figure[data-lit-column]")).toHaveAttribute("data-lit-column", column);
      expect(await r.page.evaluate(() => document.getAnimations().filter((a) => a.playState === "running").length)).toBe(0);
    }
    await r.page.getByRole("group", { name: "Forward pass" }).getByRole("button", { name: "Stop" }).click();
    await expect(r.page.locator("figure[data-lit-column]")).toHaveAttribute("data-lit-column", "none");
    expectNoNetworkUse(r);
    await r.page.context().close();
  });

  test("questions graded in the browser; progress survives a reload; “Start over” clears it", async ({ browser, baseURL }) => {
    const o = await openLearn(browser, baseURL!);
    const { page } = o;
    const questions = page.getByRole("article");
    // The lesson's numeric question, answered right (a decimal comma is fine).
    const first = questions.filter({ hasText: "Question 1 of 2" });
    await first.getByRole("textbox", { name: "Your answer" }).fill("0,0");
    await first.getByRole("button", { name: "Submit answer" }).click();
    await expect(first.getByRole("region", { name: "Result" })).toHaveText(/^Correct/);
    await expect(first).toContainText("ReLU lets 0 through as 0");
    // The practice question's numbers are drawn here; a wrong answer.
    const drill = questions.filter({ hasText: "Question 2 of 2" });
    await expect(drill.getByRole("region", { name: "Your numbers" })).toBeVisible();
    await drill.getByRole("textbox", { name: "Your answer" }).fill("999");
    await drill.getByRole("button", { name: "Submit answer" }).click();
    await expect(drill.getByRole("region", { name: "Result" })).toHaveText(/^Not quite/);

    // A choice question in section 5, by its radio's name.
    await sectionNav(page).getByRole("button", { name: LESSON_STEPS[4]!.title }).click();
    const choice = page.getByRole("article").first();
    await expect(choice.getByRole("region", { name: "Question" })).toContainText("what happens to the network's weights");
    await choice.getByRole("radio", { name: "Each one is nudged to shrink the error" }).check();
    await choice.getByRole("button", { name: "Submit answer" }).click();
    await expect(choice.getByRole("region", { name: "Result" })).toHaveText(/^Not quite/);
    await choice.getByRole("button", { name: "Try again" }).click();
    await choice.getByRole("radio", { name: "Nothing: they are only read" }).check();
    await choice.getByRole("button", { name: "Submit answer" }).click();
    await expect(choice.getByRole("region", { name: "Result" })).toHaveText(/^Correct/);
    await shot(page, "learn-1280-result", "Check yourself");

    // The ordering question in section 4, by "Move up" / "Move down" only.
    await sectionNav(page).getByRole("button", { name: LESSON_STEPS[3]!.title }).click();
    const order = page.getByRole("article").filter({ hasText: "Put the lines in order" });
    const want = ["inputs = [0.9, 0.4]", "h1 = [relu(", "raw_out = [sum(", "probs = softmax(", "print('Prediction:'"];
    const items = order.getByRole("listitem");
    for (let target = 0; target < want.length; target++) {
      for (;;) {
        const texts = await items.allInnerTexts();
        const at = texts.findIndex((t) => t.includes(want[target]!));
        if (at === target) break;
        await items.nth(at).getByRole("button", { name: "Move up" }).click();
      }
    }
    await order.getByRole("button", { name: "Submit answer" }).click();
    await expect(order.getByRole("region", { name: "Result" })).toHaveText(/^Correct/);

    // A reload: the same section, the same results.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(LESSON_STEPS[3]!.title);
    await expect(page.getByRole("article").filter({ hasText: "Put the lines in order" }).getByRole("region", { name: "Result" })).toHaveText(/^Correct/);
    await expect(page.getByText("4 of 9 answered · 3 right")).toBeVisible();
    await sectionNav(page).getByRole("button", { name: LESSON_STEPS[0]!.title }).click();
    await expect(page.getByRole("article").filter({ hasText: "Question 1 of 2" }).getByRole("region", { name: "Result" })).toHaveText(/^Correct/);
    await expect(page.getByRole("article").filter({ hasText: "Question 2 of 2" }).getByRole("region", { name: "Result" })).toHaveText(/^Not quite/);

    // Start over: asked once, then everything is gone, also after a reload.
    await page.getByRole("button", { name: "Start over" }).click();
    await page.getByRole("button", { name: "Yes, start over" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(LESSON_STEPS[0]!.title);
    await expect(page.getByRole("region", { name: "Result" })).toHaveCount(0);
    await expect(page.getByText("0 of 9 answered · 0 right")).toBeVisible();
    expect(await page.evaluate(() => window.localStorage.getItem("synapse.learn.v1"))).toBeNull();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(LESSON_STEPS[0]!.title);
    await expect(page.getByRole("region", { name: "Result" })).toHaveCount(0);
    expectNoNetworkUse(o);
    await page.context().close();
  });

  test("each section passes the accessibility audit on a 360×740 phone and fits its width", async ({ browser, baseURL }) => {
    const o = await openLearn(browser, baseURL!, { viewport: SMALL, isMobile: true, hasTouch: true });
    const { page } = o;
    for (const [i, step] of LESSON_STEPS.entries()) {
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(step.title);
      await expect(page.locator("figure[data-lit-column] svg[role=img]")).toBeVisible();
      expect(await seriousViolations(page), `section ${i + 1}`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SMALL.width);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/learn-360-section-${i + 1}.png` });
      if (i === 0 || i === 3) for (const at of ["The network", "Inputs", "One neuron", "Output", "Check yourself"]) await shot(page, `learn-360-s${i + 1}-${at.replace(/ /g, "-")}`, at);
      if (i < LESSON_STEPS.length - 1) await page.getByRole("button", { name: /^Next:/ }).click();
    }
    expectNoNetworkUse(o);
    await page.context().close();
  });

  test("the home page links to the self-paced lesson", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: /Learn on your own/ }).click();
    await expect(page).toHaveURL(/\/learn$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(LESSON_STEPS[0]!.title);
  });

  test("the teacher dashboard links to the self-paced lesson in a new tab", async ({ browser }) => {
    const { teacher } = await hostClass(browser);
    const link = teacher.getByRole("link", { name: "Self-paced lesson" });
    await expect(link).toHaveAttribute("href", "/learn");
    const [tab] = await Promise.all([teacher.context().waitForEvent("page"), link.click()]);
    await expect(tab.getByRole("heading", { level: 1 })).toHaveText(LESSON_STEPS[0]!.title);
    await closeAll(teacher);
  });
});

if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
