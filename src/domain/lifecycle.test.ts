import { describe, expect, it } from "@jest/globals";
import { lifecycleOf, type Lifecycle } from "./lifecycle.js";

describe("lifecycleOf: GitHub's deployment status states in Deliverybot's words", () => {
  it.each<[string, Lifecycle]>([
    ["queued", "created"],
    ["pending", "created"],
    ["in_progress", "started"],
    ["success", "succeeded"],
    ["failure", "failed"],
    ["error", "failed"],
    ["inactive", "inactive"],
  ])("%s is %s", (state, lifecycle) => {
    expect(lifecycleOf(state)).toBe(lifecycle);
  });

  it.each(["exploded", "", "SUCCESS", "toString", "__proto__"])("%j is no lifecycle state", (state) => {
    expect(lifecycleOf(state)).toBeUndefined();
  });
});
