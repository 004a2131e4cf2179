/**
 * The size report (bench/phone-size.ts) reads the build's phone manifest; this checks it
 * against a real phone: the JavaScript files fetched from opening a join link to the first
 * working slider are exactly the initial files it counts (the entry and the chunks it imports),
 * so the budget test measures what phones download; the lazy chunk (a code question's screen
 * and its Python editor) is not fetched, and is reported apart. Nothing is fetched from any other site, and the bundle takes over the server's HTML
 * without an error (a failed hydration would be reported in the console).
 */
import path from "node:path";
import { expect, test } from "@playwright/test";
import { phoneJsSize, phoneSizeLine } from "../../bench/phone-size";
import { closeAll, hostClass } from "./support/classroom-ui";
import { phoneContext, SMALL_PHONE } from "./support/phone-screen";

test("a phone fetches exactly the JavaScript the size report counts, up to the first slider", async ({ browser, baseURL }) => {
  const { teacher, code } = await hostClass(browser);
  const phone = await (await browser.newContext(phoneContext(SMALL_PHONE))).newPage();
  const scripts = new Set<string>();
  const elsewhere = new Set<string>();
  const errors: string[] = [];
  phone.on("pageerror", (error) => errors.push(error.message));
  phone.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  phone.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin !== new URL(baseURL!).origin) elsewhere.add(request.url());
    if (request.resourceType() === "script" || url.pathname.endsWith(".js")) scripts.add(url.pathname);
  });

  await phone.goto(`/join/${code}`);
  const nickname = phone.getByRole("textbox", { name: "Nickname" });
  await expect(nickname).not.toHaveValue("");
  await nickname.fill("Ada");
  await phone.getByRole("button", { name: "Join" }).click();
  await expect(phone.getByRole("slider", { name: "Weight 1" })).toBeEnabled();

  const size = phoneJsSize(path.resolve(".next-test"));
  const counted = size.chunks.map((c) => c.file);
  expect([...scripts].sort()).toEqual([...counted].sort());
  expect(size.lazy.length).toBeGreaterThan(0);
  console.log(phoneSizeLine(size));
  expect([...elsewhere]).toEqual([]);
  expect(errors).toEqual([]);
  await closeAll(phone, teacher);
});
