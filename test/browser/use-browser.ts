import { afterAll, afterEach, beforeAll, beforeEach } from "@jest/globals";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "./launch-browser.js";

/** What {@link useBrowser} gives a test file; reading a field outside a test throws. */
export interface BrowserFixture {
  /** The file's one Chromium. */
  readonly browser: Browser;
  /** This test's own context: cookies, storage and cache start empty for every test. */
  readonly context: BrowserContext;
  /** A page of this test's context. */
  readonly page: Page;
}

/**
 * Registers jest hooks for a test file: Chromium launched once before its tests (a launch that fails
 * fails every test of the file, with {@link launchBrowser}'s message) and closed after them, and a
 * fresh context and page for each test, closed when it ends.
 *
 * @example
 * const browser = useBrowser();
 * it("…", async () => { await browser.page.goto(url); … });
 */
export function useBrowser(): BrowserFixture {
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (browser === undefined) throw new Error("useBrowser: Chromium did not launch (see the error of beforeAll)");
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
    page = undefined;
  });

  return {
    get browser() {
      return defined(browser, "browser");
    },
    get context() {
      return defined(context, "context");
    },
    get page() {
      return defined(page, "page");
    },
  };
}

function defined<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`useBrowser: the ${name} exists only while a test runs`);
  return value;
}
