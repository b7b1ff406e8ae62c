import { describe, expect, it } from "@jest/globals";
import type { Lifecycle } from "../domain/lifecycle.js";
import { pickPromotionCommit } from "./pick-promotion-commit.js";

const SHA = "5ea6ed0000000000000000000000000000000001";
const newest = (lifecycle: Lifecycle) => ({ ref: "main", sha: SHA, lifecycle });

describe("pickPromotionCommit", () => {
  it.each([
    [
      "nothing when staging has no deployment",
      undefined,
      { kind: "nothing_deployed", message: "Nothing was deployed to staging yet." },
    ],
    ["the commit once it succeeded", newest("succeeded"), { kind: "commit", ref: "main", sha: SHA }],
    [
      "to wait while it was only created",
      newest("created"),
      {
        kind: "refused",
        ref: "main",
        sha: SHA,
        reason: "waiting_for_upstream",
        message: "5ea6ed0 has not succeeded in staging yet (created); promote it once it has.",
      },
    ],
    [
      "to wait while it is being shipped",
      newest("started"),
      {
        kind: "refused",
        ref: "main",
        sha: SHA,
        reason: "waiting_for_upstream",
        message: "5ea6ed0 has not succeeded in staging yet (started); promote it once it has.",
      },
    ],
    [
      "nothing after it failed",
      newest("failed"),
      {
        kind: "refused",
        ref: "main",
        sha: SHA,
        reason: "upstream_failed",
        message: "5ea6ed0, the newest deployment to staging, is failed; nothing to promote.",
      },
    ],
    [
      "nothing once it is inactive",
      newest("inactive"),
      {
        kind: "refused",
        ref: "main",
        sha: SHA,
        reason: "upstream_failed",
        message: "5ea6ed0, the newest deployment to staging, is inactive; nothing to promote.",
      },
    ],
  ] as const)("picks %s", (_case, deployment, pick) => {
    expect(pickPromotionCommit(deployment, "staging")).toEqual(pick);
  });
});
