/**
 * Other websites cannot reach in, and our own pages still work under the policy: every page
 * sends the content security policy, nosniff, no-referrer and refuses framing; another
 * site's frame stays empty; a whole class (host, join on a phone, move a slider, the
 * projector view) runs without a single policy violation.
 */
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { PHONE_CONTEXT, PROJECTOR } from "./support/viewports";

const EVIL = "https://evil.example";

function expectSecurityHeaders(headers: Record<string, string>, what: string): void {
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("'wasm-unsafe-eval'");
  expect(csp, what).not.toContain("'unsafe-eval'");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("no-referrer");
  expect(headers["x-frame-options"], what).toBe("DENY");
}

/** Records every policy violation and console complaint about the policy on a context's pages. */
async function watchViolations(context: BrowserContext): Promise<string[]> {
  const seen: string[] = [];
  await context.exposeBinding("__reportViolation", (_source, text: string) => {
    seen.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportViolation(t: string): void }).__reportViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  context.on("page", (page) => watchConsole(page, seen));
  return seen;
}

function watchConsole(page: Page, seen: string[]): void {
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) seen.push(msg.text());
  });
}

test("every page sends the policy, nosniff, no-referrer and refuses framing", async ({ page, request }) => {
  const violations = await watchViolations(page.context());
  watchConsole(page, violations);
  const home = await page.goto("/");
  expectSecurityHeaders(home!.headers(), "/");

  const hosted = await request.post("/api/sessions");
  expect(hosted.status()).toBe(201);
  expectSecurityHeaders(hosted.headers(), "POST /api/sessions");
  const { sessionId, code } = (await hosted.json()) as { sessionId: string; code: string };

  for (const path of [`/join/${code}`, `/join/NOPE`, `/teach/${sessionId}`, `/show/${code}`, "/sessions", `/report/${sessionId}`]) {
    const res = await page.goto(path);
    expect(res!.status(), path).toBe(200);
    expectSecurityHeaders(res!.headers(), path);
  }
  // The phone's own bundle and the API's refusals carry them too.
  const phonePage = await (await request.get(`/join/${code}`)).text();
  const script = /src="(\/_phone\/[^"]+\.js)"/.exec(phonePage)?.[1];
  expect(script).toBeTruthy();
  expectSecurityHeaders((await request.get(script!)).headers(), script!);
  expectSecurityHeaders((await request.get("/api/join/AAAAAA")).headers(), "GET /api/join/AAAAAA");
  expect(violations).toEqual([]);
});

test("another site's frame of the dashboard stays empty", async ({ page, baseURL }) => {
  await page.route(`${EVIL}/**`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>evil</title><iframe id="f" src="${baseURL}/" width="800" height="600"></iframe>`,
    }),
  );
  await page.goto(`${EVIL}/`);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame).toBeTruthy();
  // Chromium replaces a refused frame by its error page: our page never loads in it.
  await expect.poll(() => frame!.url()).toMatch(/^chrome-error:/);
  await expect(page.frameLocator("#f").getByRole("button", { name: "Host a class" })).toHaveCount(0);
});

test("a class runs under the policy: host, join on a phone, move a slider, the projector view", async ({ browser }) => {
  const teacherContext = await browser.newContext({ viewport: PROJECTOR });
  const violations = await watchViolations(teacherContext);
  const teacher = await teacherContext.newPage();
  await teacher.goto("/");
  await teacher.getByRole("button", { name: "Host a class" }).click();
  const codeBox = teacher.getByLabel("Join code", { exact: true });
  await expect(codeBox).toHaveText(/^[A-Z0-9]{6}$/);
  const code = (await codeBox.textContent())!.trim();
  await expect(teacher.getByLabel("Network output")).toContainText("60.1 %");

  const phoneContext = await browser.newContext(PHONE_CONTEXT);
  const phoneViolations = await watchViolations(phoneContext);
  const phone = await phoneContext.newPage();
  await phone.goto("/");
  await phone.getByRole("textbox", { name: "Join code" }).fill(code);
  await phone.getByRole("button", { name: "Join" }).click();
  await phone.getByRole("textbox", { name: "Nickname" }).fill("Ada");
  await phone.getByRole("button", { name: "Join" }).click();
  await expect(phone.getByLabel("Neuron output")).toHaveText("0.920");

  // Ada drags Weight 1 up by ten steps of 0.01: 1.3×0.9 − 0.4×0.4 + 0 = 1.010.
  const slider = phone.getByRole("slider", { name: "Weight 1" });
  await slider.focus();
  for (let i = 0; i < 10; i++) await slider.press("ArrowRight");
  await expect(phone.getByLabel("Neuron output")).toHaveText("1.010");
  await expect(teacher.getByLabel("Network output")).not.toContainText("60.1 %");
  await expect(teacher.getByText("Ada", { exact: true }).filter({ visible: true }).first()).toBeVisible();

  const show = await teacherContext.newPage();
  await show.goto(`/show/${code}`);
  await expect(show.getByLabel("Network output")).not.toContainText("60.1 %");

  expect(violations).toEqual([]);
  expect(phoneViolations).toEqual([]);
  await teacherContext.close();
  await phoneContext.close();
});
