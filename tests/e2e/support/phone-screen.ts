/**
 * Phones of any size for the browser tests, and the checks a student would make by looking:
 * is this element on the screen right now, and is it clear of that one?
 */
import { expect, type Browser, type BrowserContextOptions, type Locator, type Page } from "@playwright/test";

/** The two phone screens SPEC and the issues name: a small Android and an iPhone 13. */
export const SMALL_PHONE = { width: 360, height: 740 };
export const IPHONE_13 = { width: 390, height: 844 };

export function phoneContext(viewport: { width: number; height: number }, extra: BrowserContextOptions = {}): BrowserContextOptions {
  return { viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2, ...extra };
}

/** A student joins through the home page on a phone of the given size and waits for their neuron. */
export async function joinOnPhone(browser: Browser, code: string, nickname: string, options: BrowserContextOptions): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await page.goto("/");
  await page.getByRole("textbox", { name: "Join code" }).fill(code);
  await page.getByRole("button", { name: "Join" }).click();
  const box = page.getByRole("textbox", { name: "Nickname" });
  await expect(box).not.toHaveValue("");
  await box.fill(nickname);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByLabel("Neuron output")).toBeVisible();
  return page;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The element's box in CSS pixels of the visible screen (not the page). */
export async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} has no box: it is not rendered`);
  return box;
}

/** Asserts the whole element is on the screen now, without scrolling. */
export async function expectOnScreen(page: Page, locator: Locator, what: string): Promise<Box> {
  const box = await boxOf(locator);
  const { width, height } = page.viewportSize()!;
  expect(box.y, `${what}: top ${box.y} is above the screen`).toBeGreaterThanOrEqual(0);
  expect(box.x, `${what}: left ${box.x} is off the screen`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what}: bottom ${box.y + box.height} is below the ${height} px screen`).toBeLessThanOrEqual(height);
  expect(box.x + box.width, `${what}: right ${box.x + box.width} is off the ${width} px screen`).toBeLessThanOrEqual(width);
  return box;
}

/** Asserts nothing (a sticky bar, a banner) sits on top of the element's centre. */
export async function expectUncovered(locator: Locator, what: string): Promise<void> {
  const onTop = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return !!hit && (hit === el || el.contains(hit));
  });
  expect(onTop, `${what} is covered by another element`).toBe(true);
}
