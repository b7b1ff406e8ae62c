import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { screenshot } from "./screenshot.js";
import { useBrowser } from "./use-browser.js";

/** The page: an inline script the CSP must block, and an external one (allowed: 'self') that wires the button. */
const PAGE = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Browser smoke test</title>
    <link rel="icon" href="data:,">
    <script src="/page.js"></script>
  </head>
  <body>
    <p id="inline">the inline script did not run</p>
    <button id="count" type="button">Count</button>
    <p id="clicks">0 clicks</p>
    <pre id="violations"></pre>
    <script>document.getElementById("inline").textContent = "the inline script ran";</script>
  </body>
</html>`;

/** Records the page's CSP violations where the test can read them, and counts clicks. */
const SCRIPT = `const violations = [];
const show = () => {
  const list = document.getElementById("violations");
  if (list !== null) list.textContent = violations.join("\\n");
};
document.addEventListener("securitypolicyviolation", (event) => {
  violations.push(event.effectiveDirective + " blocked " + event.blockedURI);
  show();
});
document.addEventListener("DOMContentLoaded", () => {
  show();
  let clicks = 0;
  document.getElementById("count").addEventListener("click", () => {
    clicks += 1;
    document.getElementById("clicks").textContent = clicks + (clicks === 1 ? " click" : " clicks");
  });
});
`;

const CSP = "script-src 'self'";

describe("the browser tier", () => {
  const browser = useBrowser();
  const served: string[] = [];
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      served.push(url.pathname);
      if (url.pathname === "/page.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(SCRIPT);
      if (url.pathname !== "/") return void res.writeHead(404).end();
      const headers: Record<string, string> = { "content-type": "text/html; charset=utf-8" };
      if (url.searchParams.get("csp") !== "off") headers["content-security-policy"] = CSP;
      res.writeHead(200, headers).end(PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    served.length = 0;
  });

  it("runs Chromium: a click changes the DOM, and the CSP blocks the inline script while the page's own script runs", async () => {
    const { page } = browser;
    const messages: string[] = [];
    page.on("console", (message) => messages.push(message.text()));

    const response = await page.goto(`${origin}/`);
    await page.click("#count");
    await page.click("#count");
    await page.locator("#violations").filter({ hasText: "blocked" }).waitFor();
    const file = await screenshot(page, "browser-smoke");

    expect(response?.headers()["content-security-policy"]).toBe(CSP);
    expect(await page.textContent("#clicks")).toBe("2 clicks");
    expect(await page.textContent("#inline")).toBe("the inline script did not run");
    expect(await page.textContent("#violations")).toBe("script-src-elem blocked inline");
    // Chromium's wording changes between versions ("Refused to execute inline script because it violates…").
    expect(messages).toContainEqual(
      expect.stringMatching(/inline script[^]*Content Security Policy directive 'script-src 'self''/i),
    );
    expect(served).toEqual(["/", "/page.js"]);
    expect((await readFile(file)).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it("runs the same inline script when the page has no CSP: the block above is the policy's doing", async () => {
    const { page } = browser;

    await page.goto(`${origin}/?csp=off`);

    expect(await page.textContent("#inline")).toBe("the inline script ran");
    expect(await page.textContent("#violations")).toBe("");
  });
});
