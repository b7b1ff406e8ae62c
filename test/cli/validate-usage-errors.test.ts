import { describe, expect, it } from "@jest/globals";
import { V2 } from "./deploy-files.js";
import { runWithFakeIo } from "./fake-io.js";

async function validate(args: string[], files: { readonly [path: string]: string | Error }) {
  return runWithFakeIo(["validate", ...args], files);
}

describe("deliverybot validate: unreadable files and usage errors exit 2", () => {
  it.each<[string, string[], RegExp]>([
    [
      "a missing file",
      [],
      /^deliverybot validate: cannot read \.github\/deploy\.yml: no such file; pass the path of your deploy\.yml/,
    ],
    ["two paths", ["a.yml", "b.yml"], /expected one path, got 2: a\.yml b\.yml; see deliverybot help validate\n$/],
    ["an unknown option", ["--fmt", "json"], /unknown option --fmt; see deliverybot help validate\n$/],
    ["an unknown format", ["--format", "xml"], /--format must be text or json, not "xml"/],
    ["a format without value", ["--format"], /--format needs a value: text or json/],
  ])("%s", async (_, args, message) => {
    const result = await validate(args, {});

    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split("\n")).toHaveLength(2);
  });

  it("says so for a directory, and reads a path starting with - after --", async () => {
    const directory = await validate([".github"], { "/repo/.github": Object.assign(new Error("EISDIR"), { code: "EISDIR" }) });
    const dashed = await validate(["--", "-deploy.yml"], { "/repo/-deploy.yml": V2 });

    expect(directory.code).toBe(2);
    expect(directory.stderr).toBe(
      "deliverybot validate: cannot read .github: it is a directory; pass the path of the deploy.yml file in it\n",
    );
    expect(dashed.stdout).toBe("✓ -deploy.yml is valid: 2 targets (production, review)\n");
  });
});
