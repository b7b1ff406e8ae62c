import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { renderConfigReference } from "./render-config-reference.js";
import { replaceMarkedSection } from "./replace-marked-section.js";
import { deployConfigSchema } from "./schema.js";

const reference = renderConfigReference(deployConfigSchema);

describe("renderConfigReference", () => {
  it("matches the committed docs/config-reference.md (run `npm run generate` after changing the schema)", () => {
    const committed = readFileSync(new URL("../../docs/config-reference.md", import.meta.url), "utf8");

    expect(reference).toBe(committed);
  });

  it("matches the reference section of README.md (run `npm run generate` after changing the schema)", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

    expect(replaceMarkedSection(readme, reference)).toBe(readme);
  });

  it.each(Object.keys(deployConfigSchema.definitions.TargetV1.properties))(
    "documents the target key %s in the table and a section",
    (key) => {
      expect(reference).toContain(`| \`${key}\` |`);
      expect(reference).toContain(`#### \`${key}\``);
    },
  );

  it("states the v1/v2 differences", () => {
    expect(reference).toContain("| `auto_deploy_on` | string or list of strings | — | v1: string |");
    expect(reference).toContain("| `required_contexts` | list of strings | — | v1 default: `[]`; v2: none |");
    expect(reference).toContain("| `deployments` | list of mappings | — | v1 only; not allowed in v2 |");
    expect(reference).toContain("| `environment` | string | `production` | same |");
  });

  it.each([
    ["deployers", "list of strings", "—"],
    ["admins", "list of strings", "—"],
    ["allow_forks", "boolean", "`false`"],
    ["allow_drafts", "boolean", "`true`"],
  ])("documents %s as a %s with default %s, the same in v1 and v2", (key, type, defaultValue) => {
    expect(reference).toContain(`| \`${key}\` | ${type} | ${defaultValue} | same |`);
  });

  it.each(Object.keys(deployConfigSchema.definitions.DeployFileV2.properties))(
    "documents the top-level key %s in the table and a section",
    (key) => {
      expect(reference).toContain(`| \`${key}\` |`);
      expect(reference).toContain(`#### \`${key}\``);
    },
  );

  it("shows the top-level defaults and examples", () => {
    expect(reference).toContain("| `command_prefix` | string | no | `/` |");
    expect(reference).toContain("| `default_target` | string | no | — |");
    expect(reference).toContain('```yaml\ncommand_prefix: /\ncommand_prefix: "!"\ncommand_prefix: "deliverybot "\n```');
  });

  it("escapes pipes inside table cells", () => {
    const rendered = renderConfigReference({
      definitions: { TargetV2: { properties: { a: { type: "string", default: "x|y" } } } },
    });

    expect(rendered).toContain("`x\\|y`");
  });
});
