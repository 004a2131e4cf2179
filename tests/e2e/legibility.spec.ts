/**
 * Legible from the back of the room (SPEC feature 3), measured: at 1280×720, the projector view
 * (/show/CODE) and the dashboard's projector mode draw values ≥ 24 px, weights, names and labels
 * ≥ 16 px and the prediction ≥ 48 px; the dashboard itself values ≥ 16 px and weights ≥ 12 px.
 * Checked on the default network and on a 6-8-8-4 network loaded from a file, with a student in
 * the class (so names are drawn and the join panel has given way to the diagram).
 */
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { closeAll, hostClass, joinAsStudent } from "./support/classroom-ui";
import { loadNetworkFile } from "./support/network-file";
import { describeSizes, diagramTextSizes, fitsWithoutScrolling, predictionSize, type DiagramTextSizes } from "./support/text-size";

const SMALL_PROJECTOR = { width: 1280, height: 720 };

/** 6 inputs, two hidden ReLU layers of 8 and a softmax layer of 4; weights in [-1, 1]. */
function wideNetwork() {
  let seed = 5;
  const next = () => {
    seed = (seed * 37 + 11) % 101;
    return Math.round((seed / 50 - 1) * 100) / 100;
  };
  const sizes = [6, 8, 8, 4];
  const activations = ["relu", "relu", "softmax"];
  return {
    layers: activations.map((activation, l) => ({
      activation,
      neurons: Array.from({ length: sizes[l + 1]! }, () => ({ weights: Array.from({ length: sizes[l]! }, next), bias: next() })),
    })),
  };
}

const diagramOf = (page: Page) => page.getByRole("img", { name: /^Network diagram/ });

async function projectorSizes(page: Page, testInfo: TestInfo, shot: string): Promise<DiagramTextSizes> {
  await page.screenshot({ path: testInfo.outputPath(`${shot}.png`) });
  const sizes = await diagramTextSizes(diagramOf(page));
  const prediction = await predictionSize(page);
  console.log(`${shot}: ${describeSizes(sizes)}, prediction ${prediction.toFixed(1)} px`);
  expect(sizes.value?.px, "neuron and input values").toBeGreaterThanOrEqual(24);
  for (const role of ["name", "label", "title", "share"] as const) {
    if (sizes[role]) expect(sizes[role].px, `${role}s`).toBeGreaterThanOrEqual(16);
  }
  if (sizes.weight) expect(sizes.weight.px, "weights").toBeGreaterThanOrEqual(16);
  expect(sizes.name?.count, "names under the neurons").toBeGreaterThan(0);
  expect(prediction, "the prediction").toBeGreaterThanOrEqual(48);
  expect(await fitsWithoutScrolling(page), "the projector shows everything without scrolling").toBe(true);
  return sizes;
}

async function dashboardSizes(teacher: Page, testInfo: TestInfo, shot: string): Promise<DiagramTextSizes> {
  await teacher.screenshot({ path: testInfo.outputPath(`${shot}.png`) });
  const sizes = await diagramTextSizes(diagramOf(teacher));
  console.log(`${shot}: ${describeSizes(sizes)}`);
  expect(sizes.value?.px, "neuron and input values").toBeGreaterThanOrEqual(16);
  if (sizes.weight) expect(sizes.weight.px, "weights").toBeGreaterThanOrEqual(12);
  return sizes;
}

async function classOnSmallScreens(browser: Browser) {
  const { teacher, code } = await hostClass(browser);
  await teacher.setViewportSize(SMALL_PROJECTOR);
  const ada = await joinAsStudent(browser, code, "Ada");
  const context = await browser.newContext({ viewport: SMALL_PROJECTOR });
  const show = await context.newPage();
  await show.goto(`/show/${code}`);
  await expect(show.getByLabel("Join code", { exact: true })).toHaveText(code);
  return { teacher, ada, show, code };
}

test("the default network is legible at 1280×720 on the wall, in projector mode and on the dashboard", async ({ browser }, testInfo) => {
  const { teacher, ada, show } = await classOnSmallScreens(browser);
  await expect(diagramOf(show)).toContainText("Ada");

  // Every one of the 12 weights is written out, on every surface.
  const wall = await projectorSizes(show, testInfo, "show-default");
  expect(wall.weight?.count).toBe(12);
  expect(await seriousViolations(show)).toEqual([]);
  const desk = await dashboardSizes(teacher, testInfo, "dashboard-default");
  expect(desk.weight?.count).toBe(12);

  await teacher.getByRole("button", { name: "Projector view" }).click();
  await expect(teacher.getByRole("button", { name: /Exit projector view/ })).toBeVisible();
  const mode = await projectorSizes(teacher, testInfo, "projector-mode-default");
  expect(mode.weight?.count).toBe(12);
  expect(await seriousViolations(teacher)).toEqual([]);

  // The join details open large again on demand, and give way again.
  await teacher.getByRole("button", { name: "Show join details" }).click();
  await expect(teacher.getByRole("img", { name: /^QR code that opens/ })).toBeVisible();
  await teacher.getByRole("button", { name: "Hide join details" }).click();
  await expect(teacher.getByRole("img", { name: /^QR code that opens/ })).toHaveCount(0);
  await expect(teacher.getByLabel("Join code", { exact: true })).toBeVisible();

  await closeAll(ada, show, teacher);
});

test("a 6-8-8-4 network loaded from a file stays legible at 1280×720", async ({ browser }, testInfo) => {
  const { teacher, ada, show } = await classOnSmallScreens(browser);
  await loadNetworkFile(teacher, "wide.json", wideNetwork());
  await teacher.getByRole("dialog", { name: "Replace the class network?" }).getByRole("button", { name: "Replace the network" }).click();
  const name = "Network diagram: 6 inputs, hidden layer 1 of 8, hidden layer 2 of 8, output layer of 4";
  await expect(show.getByRole("img", { name })).toBeVisible();
  await expect(teacher.getByRole("img", { name })).toBeVisible();
  await expect(show.getByRole("img", { name })).toContainText("Ada");

  await projectorSizes(show, testInfo, "show-6884");
  await dashboardSizes(teacher, testInfo, "dashboard-6884");

  // Pointing at a neuron on the dashboard writes out its own weights at full size.
  await teacher.getByRole("button", { name: /^Set neuron H2 · 3 / }).hover();
  const focused = await dashboardSizes(teacher, testInfo, "dashboard-6884-hover");
  expect(focused.weight?.count).toBeGreaterThanOrEqual(8);

  await teacher.mouse.move(0, 0);
  await teacher.getByRole("button", { name: "Projector view" }).click();
  await expect(teacher.getByRole("button", { name: /Exit projector view/ })).toBeVisible();
  await projectorSizes(teacher, testInfo, "projector-mode-6884");

  await closeAll(ada, show, teacher);
});
