/**
 * Loading a network through the dashboard's real "Load network" file input, from JSON written
 * in the test.
 */
import type { Page } from "@playwright/test";

export async function loadNetworkFile(teacher: Page, name: string, content: unknown): Promise<void> {
  await teacher.getByLabel("Load network").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(content)) });
}
