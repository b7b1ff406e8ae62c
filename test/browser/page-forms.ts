import type { Browser, Locator, Page } from "playwright-core";

/** What a dashboard form's result page said: its HTTP status, the reason code (refusals, waits) and its text, spaces collapsed. */
export interface FormResult {
  readonly status: number;
  readonly reason: string | null;
  readonly text: string;
}

/** Sends `form` with its submit button, posting to `url`, and reads the result page. */
export async function submitForm(form: Locator, url: string): Promise<FormResult> {
  const formPage = form.page();
  const [response] = await Promise.all([
    formPage.waitForResponse((r) => r.request().method() === "POST" && r.url() === url),
    form.locator("button[type=submit]").click(),
  ]);
  const result = formPage.locator("[data-testid=result]");
  await result.waitFor();
  const code = result.locator("code");
  const reason = (await code.count()) === 0 ? null : await code.textContent();
  return { status: response.status(), reason, text: ((await result.textContent()) ?? "").replace(/\s+/g, " ").trim() };
}

/** Runs `use` with a page of a browser context of its own (its own cookies: another signed-in user), closed after. */
export async function withOtherPage<T>(browser: Browser, use: (other: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    return await use(await context.newPage());
  } finally {
    await context.close();
  }
}
