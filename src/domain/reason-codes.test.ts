import { readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";
import { REASON_CODES } from "./reason-codes.js";

describe("README", () => {
  it("lists every reason code a decision can carry, and no other", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const bullet = /^- \*\*Why didn't it deploy\?\*\*[^]*?(?=^- \*\*)/m.exec(readme)?.[0] ?? "";

    const listed = [...bullet.matchAll(/`([a-z_]+)`/g)].map((match) => match[1]).filter((word) => word !== "decision");

    expect(listed.sort()).toEqual([...REASON_CODES].sort());
  });
});
