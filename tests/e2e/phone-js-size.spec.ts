/**
 * The size report (bench/phone-size.ts) reads the build's manifests; this checks it against a
 * real phone: the JavaScript files fetched from opening a join link to the first working slider
 * are exactly the files it counts, so the budget test measures what phones download.
 */
import path from "node:path";
import { expect, test } from "@playwright/test";
import { phoneJsSize } from "../../bench/phone-size";
import { closeAll, hostClass } from "./support/classroom-ui";
import { phoneContext, SMALL_PHONE } from "./support/phone-screen";

test("a phone fetches exactly the JavaScript the size report counts, up to the first slider", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const phone = await (await browser.newContext(phoneContext(SMALL_PHONE))).newPage();
  const fetched = new Set<string>();
  phone.on("response", (response) => {
    const { pathname } = new URL(response.url());
    if (pathname.startsWith("/_next/") && pathname.endsWith(".js")) fetched.add(pathname.replace(/^\/_next\//, ""));
  });

  await phone.goto(`/join/${code}`);
  const nickname = phone.getByRole("textbox", { name: "Nickname" });
  await expect(nickname).not.toHaveValue("");
  await nickname.fill("Ada");
  await phone.getByRole("button", { name: "Join" }).click();
  await expect(phone.getByRole("slider", { name: "Weight 1" })).toBeEnabled();

  const counted = phoneJsSize(path.resolve(".next-test")).chunks.map((c) => c.file);
  expect([...fetched].sort()).toEqual([...counted].sort());
  await closeAll(phone, teacher);
});
