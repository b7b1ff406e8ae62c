// Regenerates everything derived from the config schema (src/config/schema.ts):
//   src/config/config-types.ts   TypeScript types of both file formats
//   docs/config-reference.md     the configuration reference (also between README.md's markers)
//   docs/deploy.schema.json      the schema itself, for editors (yaml-language-server, IDEs)
// Plain node on Node 20 cannot run TypeScript, so this reads the compiled lib/: run it through
// `npm run generate` (npm run build && node scripts/generate-config-docs.mjs).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { renderConfigReference } from "../lib/config/render-config-reference.js";
import { renderConfigTypes } from "../lib/config/render-config-types.js";
import { replaceMarkedSection } from "../lib/config/replace-marked-section.js";
import { deployConfigSchema } from "../lib/config/schema.js";

const root = new URL("../", import.meta.url);
const at = (path) => new URL(path, root);

async function readIfExists(path) {
  try {
    return await readFile(at(path), "utf8");
  } catch (error) {
    if (error.code === "ENOENT") return undefined;
    throw error;
  }
}

const reference = renderConfigReference(deployConfigSchema);

await writeFile(at("src/config/config-types.ts"), renderConfigTypes(deployConfigSchema));
await mkdir(at("docs/"), { recursive: true });
await writeFile(at("docs/config-reference.md"), reference);
await writeFile(at("docs/deploy.schema.json"), `${JSON.stringify(deployConfigSchema, null, 2)}\n`);
console.log("wrote src/config/config-types.ts, docs/config-reference.md, docs/deploy.schema.json");

const readme = await readIfExists("README.md");
const updated = readme === undefined ? undefined : replaceMarkedSection(readme, reference);
if (updated === undefined) {
  console.log("README.md has no <!-- config-reference:start/end --> markers; left as is");
} else if (updated !== readme) {
  await writeFile(at("README.md"), updated);
  console.log("updated the configuration reference in README.md");
}
