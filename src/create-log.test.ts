import { PassThrough } from "node:stream";
import { describe, expect, it } from "@jest/globals";
import { censorSecret, createLog } from "./create-log.js";

describe("createLog", () => {
  it.each(["json", "pretty"] as const)("keeps hook secrets out of the %s access log lines Probot writes", async (format) => {
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
    const log = await createLog({ LOG_FORMAT: format, LOG_LEVEL: "info" }, output);

    // The shape pino-http logs for every request.
    const req = {
      method: "POST",
      url: "/hooks/deploy/abc?token=s3cr3t-token&x=1",
      headers: { "x-deploy-secret": "h3ader-secret" },
    };
    log.child({ name: "http" }).info({ req }, "POST /hooks/deploy/abc 401");
    await new Promise((resolve) => setTimeout(resolve, 50));

    const text = chunks.join("");
    expect(text).toContain("POST /hooks/deploy/abc 401");
    expect(text).not.toContain("s3cr3t-token");
    expect(text).not.toContain("h3ader-secret");
  });

  it.each([
    ["/hooks/deploy/abc?token=secret", ["req", "url"], "/hooks/deploy/abc?token=[redacted]"],
    ["/x?a=1&token=secret&b=2", ["req", "url"], "/x?a=1&token=[redacted]&b=2"],
    ["/x?a=1", ["req", "url"], "/x?a=1"],
    ["header-secret", ["req", "headers", "x-deploy-secret"], "[redacted]"],
  ])("censors %s", (value, path, expected) => {
    expect(censorSecret(value, path)).toBe(expected);
  });
});
