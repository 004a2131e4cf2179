/**
 * A class through the real UI, for the browser tests: the teacher hosts from the home page on a
 * projector-sized screen, students join on phones by typing the code and a nickname.
 * The expected numbers live in the tests (python3 reference or hand arithmetic), not here.
 */
import { expect, type Browser, type Page } from "@playwright/test";
import { SPEC_DEFAULT_NETWORK } from "../../helpers/default-network";
import type { ReferenceNetwork } from "../../helpers/python-reference";
import { PHONE_CONTEXT, PROJECTOR } from "./viewports";

/** Opens a new projector-sized browser window, hosts a class and returns it with its join code. */
export async function hostClass(browser: Browser): Promise<{ teacher: Page; code: string }> {
  const context = await browser.newContext({ viewport: PROJECTOR });
  const teacher = await context.newPage();
  await teacher.goto("/");
  await teacher.getByRole("button", { name: "Host a class" }).click();
  const codeBox = teacher.getByLabel("Join code", { exact: true });
  await expect(codeBox).toHaveText(/^[A-Z0-9]{6}$/);
  return { teacher, code: (await codeBox.textContent())!.trim() };
}

/** Walks a phone through home → "Join code" → "Join" → "Nickname" up to the nickname form. */
export async function openNicknameForm(browser: Browser, code: string): Promise<Page> {
  const context = await browser.newContext(PHONE_CONTEXT);
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("textbox", { name: "Join code" }).fill(code);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByRole("textbox", { name: "Nickname" })).not.toHaveValue("");
  return page;
}

/** A student joins on their own phone and waits for their neuron. */
export async function joinAsStudent(browser: Browser, code: string, nickname: string): Promise<Page> {
  const page = await openNicknameForm(browser, code);
  await page.getByRole("textbox", { name: "Nickname" }).fill(nickname);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByLabel("Neuron output")).toBeVisible();
  return page;
}

/** Types a value into a phone's text box ("Bias", "Weight 2") and confirms it with Enter. */
export async function typeOnPhone(page: Page, name: string, value: string): Promise<void> {
  const box = page.getByRole("textbox", { name, exact: true });
  await box.fill(value);
  await box.press("Enter");
}

/** Closes every page's browser context (phones and teacher windows). */
export async function closeAll(...pages: Page[]): Promise<void> {
  for (const page of pages) await page.context().close();
}

/** The default session's classifier (SPEC "The default session"), a fresh copy to edit. */
export function defaultClassifier(): ReferenceNetwork {
  return structuredClone(SPEC_DEFAULT_NETWORK);
}

/** Probabilities as the screens print them: "60.1 %". */
export const percent = (p: number): string => `${(p * 100).toFixed(1)} %`;
