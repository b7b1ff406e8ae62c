import { describe, expect, it } from "@jest/globals";
import { statusDescription } from "./fire-watchdog.js";

describe("the watchdog's status description", () => {
  it.each(["stuck", "timeout"] as const)(
    "says what happened within GitHub's 140 characters, even for long durations (%s)",
    (kind) => {
      const longest = 99 * 86_400_000 + 23 * 3_600_000 + 59 * 60_000 + 59_000;

      const description = statusDescription({ kind, state: "in_progress", stuckAfterMs: longest, timeoutMs: longest });

      expect(description.length).toBeLessThanOrEqual(140);
      expect(description).toContain("99d23h59m59s");
    },
  );
});
