import { afterEach, describe, expect, it } from "@jest/globals";
import { BrowserUnavailableError, launchBrowser } from "./launch-browser.js";

describe("launchBrowser", () => {
  const configured = process.env["CHROMIUM_PATH"];
  afterEach(() => {
    if (configured === undefined) delete process.env["CHROMIUM_PATH"];
    else process.env["CHROMIUM_PATH"] = configured;
  });

  it("fails, saying how to install Chromium, when there is no executable", async () => {
    process.env["CHROMIUM_PATH"] = "/nonexistent/chromium";

    const launched = launchBrowser();

    await expect(launched).rejects.toBeInstanceOf(BrowserUnavailableError);
    await expect(launched).rejects.toThrow(
      "No Chromium executable at /nonexistent/chromium. The browser tests need Chromium: install it with `apt-get install -y chromium`",
    );
  });

  it("fails, saying how to install Chromium, when the executable is not a browser that starts", async () => {
    process.env["CHROMIUM_PATH"] = "/bin/false";

    const launched = launchBrowser();

    await expect(launched).rejects.toMatchObject({
      code: "BROWSER_UNAVAILABLE",
      message: expect.stringMatching(/^Chromium at \/bin\/false did not start: [^]*apt-get install -y chromium/),
    });
  });
});
