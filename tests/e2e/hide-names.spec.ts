/**
 * "Hide names" (SPEC feature 10): hidden names are hidden on every screen the projector may
 * show, the dashboard included (roster and diagram), and on the projector view; the teacher can
 * still look up who is who behind a disclosure that starts closed.
 */
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { closeAll, hostClass, joinAsStudent } from "./support/classroom-ui";
import { PROJECTOR } from "./support/viewports";

/** What is visible on the page, as a person reads it (closed disclosures and sr-only text aside). */
const visibleText = (page: Page) => page.locator("body").evaluate((body) => (body as HTMLElement).innerText);

test("with “Hide names” on, no nickname is visible on the dashboard or the projector view until the teacher opens the name list", async ({ browser }) => {
  const { teacher, code } = await hostClass(browser);
  const zoltan = await joinAsStudent(browser, code, "Zoltan");
  const ada = await joinAsStudent(browser, code, "Ada");
  const show = await (await browser.newContext({ viewport: PROJECTOR })).newPage();
  await show.goto(`/show/${code}`);
  const roster = teacher.getByRole("list", { name: "Students" });
  await expect(roster).toContainText("Zoltan");
  await expect(roster).toContainText("Ada");
  await expect(show.getByRole("img", { name: /^Network diagram/ })).toContainText("Zoltan");

  const hide = teacher.getByRole("switch", { name: "Hide names" });
  await hide.click();
  await expect(hide).toHaveAttribute("aria-checked", "true");
  // Students are numbered in joining order instead.
  await expect(roster).toContainText("Student 1");
  await expect(roster).toContainText("Student 2");
  for (const page of [teacher, show]) {
    await expect.poll(() => visibleText(page)).not.toMatch(/Zoltan|Ada/);
  }
  await expect(show.getByRole("img", { name: /^Network diagram/ })).toContainText("1 student");
  expect(await seriousViolations(teacher)).toEqual([]);

  // The teacher looks up who is who; the wall still shows no name.
  await teacher.getByText("Show names to me").click();
  const key = teacher.getByRole("list", { name: "Names of the students" });
  await expect(key).toBeVisible();
  expect(await visibleText(teacher)).toMatch(/Student 1\s+Zoltan/);
  expect(await visibleText(teacher)).toMatch(/Student 2\s+Ada/);
  expect(await visibleText(show)).not.toMatch(/Zoltan|Ada/);
  expect(await seriousViolations(teacher)).toEqual([]);

  await hide.click();
  await expect(hide).toHaveAttribute("aria-checked", "false");
  await expect(roster).toContainText("Zoltan");
  await expect(key).toHaveCount(0);
  await expect(show.getByRole("img", { name: /^Network diagram/ })).toContainText("Ada");

  await closeAll(zoltan, ada, show, teacher);
});
