import { describe, expect, it } from "@jest/globals";
import { parseConfigText } from "./parse-config.js";

const FILE = ".github/deploy.yml";
const file = (targets: string) => `version: 2\ntargets:\n${targets}`;

describe("coalesce in .github/deploy.yml", () => {
  it("reads true, a group_timeout, an empty mapping and false, with the hour as default", () => {
    const result = parseConfigText(
      file(
        "  production:\n    coalesce: true\n  staging:\n    coalesce:\n      group_timeout: 2h30m\n  qa:\n    coalesce: {}\n  docs:\n    coalesce: false\n  preview: {}\n",
      ),
      FILE,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));

    expect(Object.fromEntries(result.config.targets.map((t) => [t.name, t.coalesce]))).toEqual({
      production: { groupTimeoutMs: 3_600_000 },
      staging: { groupTimeoutMs: 9_000_000 },
      qa: { groupTimeoutMs: 3_600_000 },
      docs: undefined,
      preview: undefined,
    });
  });

  it.each([
    ["a word", "  production:\n    coalesce: yes please\n", "coalesce", "must be a boolean or mapping"],
    ["a timeout that is no duration", "  production:\n    coalesce: { group_timeout: soon }\n", "group_timeout", "duration"],
    ["a misspelt key", "  production:\n    coalesce: { group_timout: 2h }\n", "group_timout", "`group_timeout`"],
    ["a timeout longer than a day", "  production:\n    coalesce: { group_timeout: 25h }\n", "group_timeout", "at most `24h`"],
  ])("refuses %s, on its line", (_case, targets, key, says) => {
    const result = parseConfigText(file(targets), FILE);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ file: FILE, line: 4, key: expect.stringContaining(key) });
    expect(result.problems[0]?.message).toContain(says);
  });
});
