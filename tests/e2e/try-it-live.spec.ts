/**
 * "Try it live" on /try, against the real server: the lesson's examples run as real Python in
 * the browser, served by the app itself (every request to another origin is refused here),
 * loaded only when Run is first pressed; editing changes what prints; Stop stops a runaway
 * loop and the next Run works; errors show the learner's line numbers; keyboard and audit.
 * Expected numbers are the lesson's, or computed by hand in the test.
 */
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { phoneContext, SMALL_PHONE } from "./support/phone-screen";

interface Watched {
  page: Page;
  /** Every URL the page (and its workers) asked for, in order. */
  requests: string[];
  /** Requests to any other origin, refused by the test. */
  refused: string[];
  errors: string[];
}

/** A fresh browser context (empty cache) whose requests to any other origin are refused and recorded. */
async function openTryPage(browser: Browser, baseURL: string, options = {}): Promise<Watched> {
  const context = await browser.newContext(options);
  const origin = new URL(baseURL).origin;
  const watched: Watched = { page: await context.newPage(), requests: [], refused: [], errors: [] };
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      watched.refused.push(route.request().url());
      return route.abort("blockedbyclient");
    },
  );
  context.on("request", (request) => watched.requests.push(request.url()));
  watched.page.on("pageerror", (error) => watched.errors.push(error.message));
  watched.page.on("console", (message) => {
    if (message.type() === "error") watched.errors.push(message.text());
  });
  await watched.page.goto("/try");
  return watched;
}

function example(page: Page, title: string) {
  const region = page.getByRole("region", { name: title });
  return {
    region,
    editor: region.getByRole("textbox", { name: "Python code" }),
    run: region.getByRole("button", { name: "Run" }),
    stop: region.getByRole("button", { name: "Stop" }),
    reset: region.getByRole("button", { name: "Reset code" }),
    output: region.getByRole("log", { name: "Output" }),
  };
}

/** What the Output element shows, line by line (the program's lines and our notes). */
async function outputLines(output: Locator): Promise<string[]> {
  const text = await output.innerText();
  return text.replace(/\n$/, "").split("\n");
}

/** Replaces the editor's whole text as a user would: select all, then type (paste) the new code. */
async function replaceCode(page: Page, editor: Locator, code: string): Promise<void> {
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(code);
  await expect(editor).toContainText(code.split("\n")[0]!);
}

const runtimeRequests = (urls: string[]) => urls.filter((u) => new URL(u).pathname.startsWith("/_py/"));

test.describe("Try it live", () => {
  test("Python loads only on Run, from this server alone, and runs the first example; cold and warm times", async ({ browser, baseURL }) => {
    const { page, requests, refused, errors } = await openTryPage(browser, baseURL!);
    const neuron = example(page, "One neuron");
    await expect(neuron.editor).toBeVisible();
    await expect(neuron.editor).toContainText("weights=[1.5, 2.0]");
    // Every example's editor is on the page, and nothing of Python has been asked for.
    await expect(page.getByRole("textbox", { name: "Python code" })).toHaveCount(3);
    expect(runtimeRequests(requests)).toEqual([]);
    expect(requests.filter((u) => /pyodide|python_stdlib/i.test(u))).toEqual([]);

    const wasm = page.context().waitForEvent("response", (r) => r.url().endsWith("/pyodide.asm.wasm"));
    const pressed = Date.now();
    await neuron.run.click();
    await expect(neuron.region.getByRole("progressbar", { name: "Loading Python" })).toBeVisible();
    await expect(neuron.output).toContainText("Neuron output: 1.400", { timeout: 60_000 });
    const cold = Date.now() - pressed;
    expect(await outputLines(neuron.output)).toEqual(["Neuron output: 1.400"]);
    expect((await wasm).headers()["content-type"]).toBe("application/wasm");
    await expect(neuron.region.getByRole("progressbar")).toHaveCount(0);
    await expect(neuron.region.getByRole("status")).toContainText("Ran in");

    // Warm: the same worker runs it again.
    const again = Date.now();
    await neuron.run.click();
    await expect(neuron.region.getByRole("status")).toContainText("Ran in");
    await expect(neuron.output).toHaveText("Neuron output: 1.400");
    const warm = Date.now() - again;

    const loaded = runtimeRequests(requests).map((u) => new URL(u).pathname.split("/").pop());
    expect(new Set(loaded)).toEqual(new Set(["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"]));
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    test.info().annotations.push({ type: "time to first output", description: `cold ${cold} ms, warm ${warm} ms` });
    console.log(`Try it live, time to first output: cold ${cold} ms (download and start), warm ${warm} ms`);
    await page.context().close();
  });

  test("changing a weight in the editor changes what the neuron prints; Reset code brings the lesson's back", async ({ browser, baseURL }) => {
    const { page, refused } = await openTryPage(browser, baseURL!);
    const neuron = example(page, "One neuron");
    await expect(neuron.reset).toBeDisabled();
    await neuron.editor.click();
    // Select the second weight, 2.0, on the weights line, and type over it.
    await neuron.editor.evaluate((content) => {
      const line = [...content.querySelectorAll(".cm-line")].find((l) => l.textContent?.includes("weights=[1.5, 2.0]"))!;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf("2.0");
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 3);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error("no 2.0 on the weights line");
    });
    await page.keyboard.type("1.0");
    await expect(neuron.editor).toContainText("weights=[1.5, 1.0]");
    await expect(neuron.reset).toBeEnabled();

    await neuron.run.click();
    // By hand: relu(0.8 × 1.5 + 0.6 × 1.0 − 1.0) = relu(0.8) = 0.800
    await expect(neuron.output).toHaveText("Neuron output: 0.800", { timeout: 60_000 });

    await neuron.reset.click();
    await expect(neuron.editor).toContainText("weights=[1.5, 2.0]");
    await expect(neuron.reset).toBeDisabled();
    await neuron.run.click();
    await expect(neuron.output).toHaveText("Neuron output: 1.400");
    expect(refused).toEqual([]);
    await page.context().close();
  });

  test("the two-layer network and the full forward pass print the lesson's lines", async ({ browser, baseURL }) => {
    const { page, refused, errors } = await openTryPage(browser, baseURL!);
    const layers = example(page, "Two layers");
    await layers.run.click();
    await expect(layers.region.getByRole("status")).toContainText("Ran in", { timeout: 60_000 });
    expect(await outputLines(layers.output)).toEqual(["Layer 1: [0.9, 0.86, 0.02]", "Layer 2: [1.074, 0]"]);

    const forward = example(page, "A full forward pass");
    await forward.run.click();
    await expect(forward.region.getByRole("status")).toContainText("Ran in");
    expect(await outputLines(forward.output)).toEqual(["Class A: 60.1%", "Class B: 39.9%", "Prediction: A"]);
    // Each example keeps its own output.
    expect(await outputLines(layers.output)).toEqual(["Layer 1: [0.9, 0.86, 0.02]", "Layer 2: [1.074, 0]"]);
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("Stop stops a runaway loop, says so, and the next Run works", async ({ browser, baseURL }) => {
    const { page, refused } = await openTryPage(browser, baseURL!);
    const neuron = example(page, "One neuron");
    await expect(neuron.stop).toBeDisabled();
    await replaceCode(page, neuron.editor, 'print("looping")\nwhile True:\n    pass\n');
    await neuron.run.click();
    // The loop has started once its first line printed; it never ends by itself.
    await expect(neuron.output).toHaveText("looping", { timeout: 60_000 });
    await expect(neuron.region.getByRole("status")).toHaveText("Running…");
    await expect(neuron.run).toBeDisabled();
    await neuron.stop.click();
    expect(await outputLines(neuron.output)).toEqual(["looping", "Stopped."]);
    await expect(neuron.region.getByRole("status")).toHaveText("Stopped");
    await expect(neuron.stop).toBeDisabled();

    // A fresh worker runs the next code.
    await neuron.reset.click();
    const pressed = Date.now();
    await neuron.run.click();
    await expect(neuron.output).toHaveText("Neuron output: 1.400", { timeout: 60_000 });
    console.log(`Try it live, first output after Stop (fresh worker, runtime from the browser's cache): ${Date.now() - pressed} ms`);

    // Another example's Run also works after a Stop, on the same fresh worker.
    const layers = example(page, "Two layers");
    await layers.run.click();
    await expect(layers.output).toContainText("Layer 2: [1.074, 0]");
    expect(refused).toEqual([]);
    await page.context().close();
  });

  test("a Python error shows the learner's line number and source line, not the runtime's", async ({ browser, baseURL }) => {
    const { page } = await openTryPage(browser, baseURL!);
    const layers = example(page, "Two layers");
    await replaceCode(page, layers.editor, 'weights = [1.5, 2.0]\nprint("before")\ntotal = weights[0] / 0\nprint("never")\n');
    await layers.run.click();
    await expect(layers.region.getByRole("status")).toContainText("Stopped with an error", { timeout: 60_000 });
    const text = await layers.output.innerText();
    expect(text).toContain("before");
    expect(text).toContain('File "main.py", line 3');
    expect(text).toContain("total = weights[0] / 0");
    expect(text).toContain("ZeroDivisionError: division by zero");
    expect(text).not.toContain("never");
    expect(text).not.toMatch(/_pyodide|\/lib\/python|_synapse_run/);

    await replaceCode(page, layers.editor, "x = 1\nif x > 0\n    print(x)\n");
    await layers.run.click();
    await expect(layers.output).toContainText("SyntaxError");
    await expect(layers.output).toContainText('File "main.py", line 2');
    await page.context().close();
  });

  test("works by keyboard: Tab indents, Escape then Tab leaves the editor for Run, Ctrl+Enter runs", async ({ browser, baseURL }) => {
    const { page } = await openTryPage(browser, baseURL!);
    const neuron = example(page, "One neuron");
    await replaceCode(page, neuron.editor, "for i in range(2):\nprint(i)");
    // The cursor is at the start of "print(i)": Tab indents it instead of leaving the editor.
    await page.keyboard.press("Home");
    await page.keyboard.press("Tab");
    await expect(neuron.editor).toBeFocused();
    await expect(neuron.editor).toContainText("    print(i)");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    await expect(neuron.run).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(neuron.output).toHaveText("0 1", { timeout: 60_000 });

    await neuron.editor.focus();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.insertText('\nprint("done")');
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect(neuron.output).toContainText("done");
    expect(await outputLines(neuron.output)).toEqual(["0", "1", "done"]);
    await page.context().close();
  });

  test("on a 360×740 phone: readable code, large buttons, and no serious audit violations before and after a run", async ({ browser, baseURL }) => {
    const { page } = await openTryPage(browser, baseURL!, phoneContext(SMALL_PHONE));
    const neuron = example(page, "One neuron");
    await expect(neuron.editor).toBeVisible();
    const fontSize = await neuron.editor.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(16);
    for (const button of [neuron.run, neuron.stop]) expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SMALL_PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);

    await neuron.run.click();
    await expect(neuron.output).toHaveText("Neuron output: 1.400", { timeout: 60_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  test("at 1280×720 the page passes the audit with an error in one output", async ({ browser, baseURL }) => {
    const { page } = await openTryPage(browser, baseURL!, { viewport: { width: 1280, height: 720 } });
    const forward = example(page, "A full forward pass");
    await replaceCode(page, forward.editor, "print(undefined_name)\n");
    await forward.run.click();
    await expect(forward.output).toContainText("NameError", { timeout: 60_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  test("the home page links to it", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Try the lesson's Python in your browser" }).click();
    await expect(page).toHaveURL(/\/try$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Try it live");
  });
});
