import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "@jest/globals";

const engineDir = fileURLToPath(new URL(".", import.meta.url));
/**
 * What the decision engine may import: itself, the shared domain types, the config model, pure
 * templating and path globs, and Luxon for time-zone arithmetic (always given the time:
 * `findFreeze` takes `now`).
 */
const allowed = [
  /^luxon$/,
  /^\.\/[a-z-]+\.js$/,
  /^\.\.\/domain\/[a-z-]+\.js$/,
  /^\.\.\/config\/model\.js$/,
  /^\.\.\/config\/render-template\.js$/,
  /^\.\.\/config\/compile-path-pattern\.js$/,
];

describe("the engine", () => {
  const sources = readdirSync(engineDir).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"));

  it.each(sources)("%s imports nothing with I/O (no Octokit, store, node:*)", (file) => {
    const text = readFileSync(`${engineDir}/${file}`, "utf8");
    const imports = [...text.matchAll(/from\s+"([^"]+)"/g)].map((match) => match[1] ?? "");

    expect(imports.filter((specifier) => !allowed.some((pattern) => pattern.test(specifier)))).toEqual([]);
  });

  it("takes no clock: no Date.now or new Date() in decisions", () => {
    for (const file of sources) {
      expect(readFileSync(`${engineDir}/${file}`, "utf8")).not.toMatch(/Date\.now|new Date\(/);
    }
  });
});
