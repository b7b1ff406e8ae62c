import { accessSync, constants } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium, where `apt-get install chromium` puts it; `CHROMIUM_PATH` overrides it. */
const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/**
 * Chromium's flags for the tests: no sandbox (the tests may run as root, which the sandbox refuses),
 * no GPU, and none of the background traffic (updates, sync, QUIC probes) a test must not wait on
 * or depend on.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

const HOW_TO_INSTALL =
  "The browser tests need Chromium: install it with `apt-get install -y chromium` (Debian and Ubuntu; " +
  "`.ci/run` does it), or set CHROMIUM_PATH to a Chromium or Chrome executable.";

/** Chromium is missing or does not start: the browser tests cannot run, and must not pass. */
export class BrowserUnavailableError extends Error {
  readonly code = "BROWSER_UNAVAILABLE";
}

/**
 * Launches headless Chromium (`CHROMIUM_PATH`, else `/usr/bin/chromium`) through Playwright, with a
 * fresh profile Playwright throws away on `close()`. Throws a {@link BrowserUnavailableError} saying
 * how to install Chromium when the executable is missing or does not start: the browser tier fails,
 * it never skips.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env["CHROMIUM_PATH"] ?? DEFAULT_CHROMIUM;
  try {
    accessSync(executablePath, constants.X_OK);
  } catch {
    throw new BrowserUnavailableError(`No Chromium executable at ${executablePath}. ${HOW_TO_INSTALL}`);
  }
  try {
    return await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], headless: true, timeout: 30_000 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new BrowserUnavailableError(`Chromium at ${executablePath} did not start: ${reason}\n${HOW_TO_INSTALL}`, {
      cause: error,
    });
  }
}
