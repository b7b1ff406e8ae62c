import { describe, expect, it } from "@jest/globals";
import { compilePathPattern, MAX_INNER_GLOBSTARS } from "./compile-path-pattern.js";

function matcher(source: string) {
  const compiled = compilePathPattern(source);
  if (!compiled.ok) throw new Error(`${source} ${compiled.reason}`);
  return compiled.pattern;
}

describe("compilePathPattern", () => {
  // GitHub's "Patterns to match file paths" table, plus the edges of each wildcard.
  it.each([
    ["*", "README.md", true],
    ["*", "server.rb", true],
    ["*", "docs/README.md", false],
    ["*", ".env", true],
    ["*.jsx?", "page.js", true],
    ["*.jsx?", "page.jsx", true],
    ["*.jsx?", "page.jsxx", false],
    ["**", "all/the/files.md", true],
    ["**", ".github/workflows/ci.yml", true],
    ["*.js", "app.js", true],
    ["*.js", "src/app.js", false],
    ["**.js", "index.js", true],
    ["**.js", "js/index.js", true],
    ["**.js", "src/js/app.js", true],
    ["**.js", "src/js/app.jsx", false],
    ["docs/*", "docs/README.md", true],
    ["docs/*", "docs/file.txt", true],
    ["docs/*", "docs/nested/file.txt", false],
    ["docs/**", "docs/README.md", true],
    ["docs/**", "docs/mona/octocat.txt", true],
    ["docs/**", "docs", false],
    ["docs/**", "src/docs/README.md", false],
    ["docs/**/*.md", "docs/README.md", true],
    ["docs/**/*.md", "docs/mona/hello-world.md", true],
    ["docs/**/*.md", "docs/a/markdown/file.md", true],
    ["docs/**/*.md", "docs/a/file.txt", false],
    ["**/docs/**", "docs/hello.md", true],
    ["**/docs/**", "dir/docs/my-file.txt", true],
    ["**/docs/**", "space/docs/plan/space.doc", true],
    ["**/docs/**", "mydocs/file.md", false],
    ["**/README.md", "README.md", true],
    ["**/README.md", "js/README.md", true],
    ["**/*src/**", "a/src/app.js", true],
    ["**/*src/**", "my-src/code/js/app.js", true],
    ["**/*-post.md", "my-post.md", true],
    ["**/*-post.md", "path/their-post.md", true],
    ["**/migrate-*.sql", "migrate-10909.sql", true],
    ["**/migrate-*.sql", "db/migrate-v1.0.sql", true],
    ["**/migrate-*.sql", "db/sept/migrate-v1.sql", true],
    ["services/api/**", "services/api/src/main.ts", true],
    ["services/api/**", "services/api-gateway/main.ts", false],
    ["docs/a**", "docs/ab/c.md", true],
    ["docs/a**", "docs/abc.md", true],
    ["docs/a**", "docs/b/a.md", false],
    ["src/**test**/*.ts", "src/unit/test/deep/x.ts", true],
    ["[CB]at.txt", "Cat.txt", true],
    ["[CB]at.txt", "Bat.txt", true],
    ["[CB]at.txt", "cat.txt", false],
    ["[1-2]00.txt", "100.txt", true],
    ["[1-2]00.txt", "300.txt", false],
    ["v[0-9]+.txt", "v10.txt", true],
    ["v[0-9]+.txt", "v.txt", false],
    ["colou?r.md", "color.md", true],
    ["colou?r.md", "colour.md", true],
    ["\\*.md", "*.md", true],
    ["\\*.md", "a.md", false],
    ["c\\+\\+/main.cc", "c++/main.cc", true],
    ["notes(1).md", "notes(1).md", true],
    ["{a,b}.md", "{a,b}.md", true],
    ["{a,b}.md", "a.md", false],
    ["#notes.md", "#notes.md", true],
    ["a!b.md", "a!b.md", true],
    ["Docs/**", "docs/a.md", false],
  ])("%s against %s: %s", (pattern, file, expected) => {
    expect(matcher(pattern).matches(file)).toBe(expected);
  });

  it("reads a leading ! as an exclusion, matching what follows it", () => {
    const pattern = matcher("!docs/**");

    expect(pattern).toMatchObject({ source: "!docs/**", negated: true });
    expect(pattern.matches("docs/a.md")).toBe(true);
  });

  it.each([
    ["", "is empty"],
    ["!", "excludes nothing"],
    ["/docs/**", "write `docs/**`"],
    ["./docs/**", "write `docs/**`"],
    ["docs/", "write `docs/**`"],
    ["docs//a.md", "empty name"],
    ["a\\", "escapes nothing"],
    ["a[b", "without a closing `]`"],
    ["a[]b", "empty brackets"],
    ["[!a].md", "brackets may list only letters, digits and ranges"],
    ["[a.].md", "brackets may list only"],
    ["[z-a].md", "the range `z-a`"],
    ["[a-Z].md", "the range `a-Z`"],
    ["?.md", "with no letter, digit or `[…]` before it"],
    ["*+.md", "with no letter, digit or `[…]` before it"],
    ["docs/+", "with no letter, digit or `[…]` before it"],
    ["c++/main.cc", "escape it as `\\+`"],
    ["a\\/b", "escapes `/`"],
    ["a**b**c**d**e", `more than ${MAX_INNER_GLOBSTARS} \`**\``],
  ])("refuses %j: it %s", (pattern, reason) => {
    const compiled = compilePathPattern(pattern);

    expect(compiled.ok).toBe(false);
    expect(!compiled.ok && compiled.reason).toContain(reason);
  });
});
