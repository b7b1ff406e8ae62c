import { describe, expect, it } from "@jest/globals";
import { parseConfigText } from "./parse-config.js";

const FILE = ".github/deploy.yml";
const file = (targets: string) => `version: 2\ntargets:\n${targets}`;

describe("approvals in .github/deploy.yml", () => {
  it("reads the count, who may approve, self-approval and expiry, with defaults", () => {
    const result = parseConfigText(
      file(
        "  production:\n    approvals:\n      required: 2\n      from: [alice, acme/sre]\n      self_approval: true\n      expires: 24h\n  staging:\n    approvals: { required: 1 }\n  docs: {}\n",
      ),
      FILE,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));

    expect(Object.fromEntries(result.config.targets.map((t) => [t.name, t.approvals]))).toEqual({
      production: { required: 2, from: ["alice", "acme/sre"], selfApproval: true, expiresMs: 86_400_000 },
      staging: { required: 1, from: undefined, selfApproval: false, expiresMs: undefined },
      docs: undefined,
    });
  });

  it.each([
    ["no count", "  production:\n    approvals: { from: [alice] }\n", "approvals"],
    ["a count of zero", "  production:\n    approvals: { required: 0 }\n", "required"],
    ["a team written with @", "  production:\n    approvals: { required: 1, from: ['@alice'] }\n", "from"],
    ["an expiry that is no duration", "  production:\n    approvals: { required: 1, expires: soon }\n", "expires"],
  ])("refuses %s, on its line", (_case, targets, key) => {
    const result = parseConfigText(file(targets), FILE);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ file: FILE, line: 4, key: expect.stringContaining(key) });
  });
});
