import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { PHONE_CONTEXT, PROJECTOR } from "./support/viewports";

test.describe("home page", () => {
  test("on a phone: the join form and host button are there and pass the audit", async ({ browser }) => {
    const context = await browser.newContext(PHONE_CONTEXT);
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("neural network");
    await expect(page.getByRole("textbox", { name: "Join code" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Join" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Host a class" })).toBeVisible();
    const joinBox = await page.getByRole("button", { name: "Join" }).boundingBox();
    expect(joinBox!.height).toBeGreaterThanOrEqual(44);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test("on a projector: the page passes the audit", async ({ browser }) => {
    const context = await browser.newContext({ viewport: PROJECTOR });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("button", { name: "Host a class" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test("a code that cannot be a join code is refused with a clear message", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("textbox", { name: "Join code" }).fill("O0I1");
    await page.getByRole("button", { name: "Join" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "6 letters and digits" })).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
  });
});
