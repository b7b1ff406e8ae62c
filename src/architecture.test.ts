import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "@jest/globals";

const root = new URL("../", import.meta.url);
// A computed specifier: the layers are plain JavaScript, shared with eslint.config.js.
const layersModule = new URL("layers.config.js", root).href;
const { LAYERS } = (await import(layersModule)) as { LAYERS: Readonly<Record<string, readonly string[]>> };

/** ARCHITECTURE.md's table: each `src/<folder>/` row and the folders its last cell lists. */
function documentedLayers(): [string, string[]][] {
  const text = readFileSync(new URL("ARCHITECTURE.md", root), "utf8");
  return [...text.matchAll(/^\| `src\/([a-z]+)\/` \|.*\| ([^|]+) \|$/gm)].map(([, folder = "", allowed = ""]) => [
    folder,
    allowed.trim() === "nothing" ? [] : [...allowed.matchAll(/`([a-z]+)`/g)].map((match) => match[1] ?? ""),
  ]);
}

describe("the layers of src/", () => {
  it("ARCHITECTURE.md's table says what layers.config.js (and so ESLint) enforces, in the same order", () => {
    expect(documentedLayers()).toEqual(Object.entries(LAYERS).map(([folder, allowed]) => [folder, [...allowed]]));
  });

  it("covers every folder of src/, so none escapes the import rules", () => {
    const folders = readdirSync(new URL("src/", root), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);

    expect(folders.sort()).toEqual(Object.keys(LAYERS).sort());
  });

  it("lets a folder import only folders listed before it: no cycles between folders", () => {
    const order = Object.keys(LAYERS);
    for (const [folder, allowed] of Object.entries(LAYERS)) {
      const earlier = order.slice(0, order.indexOf(folder));
      expect([folder, allowed.filter((dependency) => !earlier.includes(dependency))]).toEqual([folder, []]);
    }
  });
});
