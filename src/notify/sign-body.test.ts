import { createHmac } from "node:crypto";
import { describe, expect, it } from "@jest/globals";
import { signBody } from "./sign-body.js";

describe("signBody", () => {
  it("matches GitHub's documented X-Hub-Signature-256 example", () => {
    // https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries#testing-the-webhook-payload-validation
    const secret = "It's a Secret to Everybody";

    const signature = signBody(secret, "Hello, World!");

    expect(signature).toBe("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
  });

  it("signs the UTF-8 bytes of the body", () => {
    const body = '{"environment":"pröd ✓"}';

    const signature = signBody("s3cret", body);

    expect(signature).toBe(`sha256=${createHmac("sha256", "s3cret").update(Buffer.from(body, "utf8")).digest("hex")}`);
  });

  it("changes with the secret and with the body", () => {
    const base = signBody("a", "body");

    const others = [signBody("b", "body"), signBody("a", "body ")];

    expect(others).not.toContain(base);
  });
});
