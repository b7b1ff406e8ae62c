import { describe, expect, it } from "@jest/globals";
import { describeResponse } from "./describe-response.js";

const URL_WITH_TOKEN = new URL("https://bot:p4ssw0rd@hooks.example.com/services/T0/B0/s3cretT0ken?sig=abc%2Fdef");

describe("describeResponse", () => {
  it.each([
    ["the status and body", 404, "no_service", "404: no_service"],
    ["the status alone for an empty body", 500, "", "500"],
    ["the status alone for a blank body", 502, " \r\n ", "502"],
    ["one line for several", 400, "invalid_payload\nline two\r\n", "400: invalid_payload line two"],
    ["no control or format characters", 400, "a\u0000b\u001bc\u200bd\u2028e", "400: a b c d e"],
    ["invalid UTF-8 as a space", 400, Buffer.from([0x61, 0xff, 0x62]), "400: a b"],
  ])("gives %s", (_name, status, body, expected) => {
    const text = describeResponse(status, Buffer.isBuffer(body) ? body : Buffer.from(body), URL_WITH_TOKEN);

    expect(text).toBe(expected);
  });

  it("quotes at most 200 characters of the body", () => {
    const text = describeResponse(400, Buffer.from("é".repeat(1000)), URL_WITH_TOKEN);

    expect(text).toBe(`400: ${"é".repeat(199)}…`);
  });

  it.each([
    ["the path", "Cannot POST /services/T0/B0/s3cretT0ken"],
    ["the path and query", "no route for /services/T0/B0/s3cretT0ken?sig=abc%2Fdef"],
    ["the decoded query", "bad signature sig=abc/def"],
    ["the whole URL", "bad hook https://bot:p4ssw0rd@hooks.example.com/services/T0/B0/s3cretT0ken?sig=abc%2Fdef"],
    ["the password", "user bot with password p4ssw0rd is locked"],
  ])("hides %s when the body echoes it", (_name, body) => {
    const text = describeResponse(401, Buffer.from(body), URL_WITH_TOKEN);

    expect(text).not.toMatch(/s3cretT0ken|p4ssw0rd|abc%2Fdef|abc\/def/);
    expect(text).toContain("…");
  });
});
