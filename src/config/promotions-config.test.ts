import { describe, expect, it } from "@jest/globals";
import { parseConfigText, type ParseConfigResult } from "./parse-config.js";

const FILE = ".github/deploy.yml";

function problemsOf(result: ParseConfigResult) {
  if (result.ok) throw new Error(`expected problems, got a valid config: ${JSON.stringify(result.config)}`);
  return result.problems;
}

const file = (targets: string) => `version: 2\ntargets:\n${targets}`;

describe("promote_from and soak in .github/deploy.yml", () => {
  it("reads one name or a list, and the soak", () => {
    const result = parseConfigText(
      file(
        "  staging:\n    environment: staging\n  canary:\n    environment: canary\n  production:\n    promote_from: [staging, canary]\n    soak: 1h30m\n  docs:\n    promote_from: staging\n",
      ),
      FILE,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const byName = Object.fromEntries(result.config.targets.map((t) => [t.name, [t.promoteFrom, t.soakMs]]));

    expect(byName).toEqual({
      staging: [[], 0],
      canary: [[], 0],
      production: [["staging", "canary"], 5_400_000],
      docs: [["staging"], 0],
    });
  });

  it.each([
    [
      "an unknown target, with the nearest",
      "  staging:\n    environment: staging\n  production:\n    promote_from: stagin\n",
      {
        key: "targets.production.promote_from",
        line: 6,
        message: "`stagin` is not a target; write one of `staging`, `production`. Did you mean `staging`?",
      },
    ],
    [
      "itself",
      "  production:\n    promote_from: [production]\n",
      {
        key: "targets.production.promote_from[0]",
        line: 4,
        message: "production cannot promote from itself; name another target.",
      },
    ],
    [
      "a target whose environment depends on the pull request",
      '  review:\n    environment: "pr-${{ pr }}"\n  production:\n    promote_from: review\n',
      {
        key: "targets.production.promote_from",
        line: 6,
        message:
          "review's environment (`pr-${{ pr }}`) depends on the commit or pull request; promote from a target with a fixed environment.",
      },
    ],
    [
      "a circle",
      "  a:\n    environment: a\n    promote_from: b\n  b:\n    environment: b\n    promote_from: a\n",
      {
        key: "targets.a.promote_from",
        message: "promote_from goes round in a circle (a ← b ← a); a promotion must start from a target that deploys on its own.",
      },
    ],
  ])("refuses %s", (_case, targets, expected) => {
    expect(problemsOf(parseConfigText(file(targets), FILE))).toEqual([expect.objectContaining({ file: FILE, ...expected })]);
  });
});
