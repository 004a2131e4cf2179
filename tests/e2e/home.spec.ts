import { expect, test } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { expectOnScreen, phoneContext, SMALL_PHONE } from "./support/phone-screen";
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

  test("on a 360×740 phone the Join code box and the Join button are on the first screen", async ({ browser }) => {
    const context = await browser.newContext(phoneContext(SMALL_PHONE));
    const page = await context.newPage();
    await page.goto("/");
    await expectOnScreen(page, page.getByRole("textbox", { name: "Join code" }), "Join code box");
    await expectOnScreen(page, page.getByRole("button", { name: "Join" }), "Join button");
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
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

  test("a code that cannot be a join code is refused with a message that says why", async ({ page }) => {
    await page.goto("/");
    const box = page.getByRole("textbox", { name: "Join code" });
    const join = page.getByRole("button", { name: "Join" });
    // The alphabet (lib/session/join-code.ts) leaves out the look-alikes 0/O, 1/I/L, 2/Z, 5/S, 8/B.
    const cases = [
      { typed: "ZZZZZZ", says: "Join codes never contain Z." },
      { typed: "O0I1", says: "Join codes never contain O, 0, I or 1." },
      { typed: "K7QF", says: "A join code has 6 characters; this has 4." },
    ];
    for (const { typed, says } of cases) {
      await box.fill(typed);
      await join.click();
      await expect(page.getByRole("alert").filter({ hasText: says })).toBeVisible();
      await expect(page).toHaveURL(/\/$/);
    }
  });

  test("a join link with letters no code uses says so", async ({ page }) => {
    await page.goto("/join/ZZZZZZ");
    await expect(page.getByRole("heading", { name: "That is not a join code" })).toBeVisible();
    await expect(page.getByText("Join codes never contain Z.")).toBeVisible();
  });
});
