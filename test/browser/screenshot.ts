import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";

/** Where screenshots go: git-ignored, for people to look at after a run. */
export const SCREENSHOT_DIR = new URL("./screenshots/", import.meta.url);

/**
 * Saves the whole page as `test/browser/screenshots/<name>.png` (characters other than letters,
 * digits, `-` and `_` become `-`) and returns the file's path.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = fileURLToPath(new URL(`${name.replace(/[^\w-]+/g, "-")}.png`, SCREENSHOT_DIR));
  await page.screenshot({ path, fullPage: true });
  return path;
}
