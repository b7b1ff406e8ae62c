import { describe, expect, it } from "@jest/globals";
import { parseDocument } from "yaml";
import { mergeConfigs } from "./merge-config.js";
import type { ConfigProblem } from "./model.js";
import { parseConfig, parseConfigText, type ParseConfigResult } from "./parse-config.js";

const FILE = ".github/deploy.yml";

/** The problems of a result that must have failed. */
function problemsOf(result: ParseConfigResult): readonly ConfigProblem[] {
  if (result.ok) throw new Error(`expected problems, got a valid config: ${JSON.stringify(result.config)}`);
  return result.problems;
}

/** The config of a result that must have loaded. */
function configOf(result: ParseConfigResult) {
  if (!result.ok) throw new Error(`expected a valid config, got: ${JSON.stringify(result.problems)}`);
  return result.config;
}

// The example from the original Deliverybot documentation, byte for byte in spirit.
const DELIVERYBOT_V1 = `production:
  auto_deploy_on: refs/heads/master
  environment: production
  required_contexts: []
  payload:
    port: 8080
staging:
  auto_deploy_on: pr
  environment: pr\${{ pr }}
  transient_environment: true
  description: "Deploy \${{ ref }} (\${{ short_sha }})"
`;

describe("parseConfigText: the original Deliverybot format (v1)", () => {
  it("loads the documented example unchanged", () => {
    const result = parseConfigText(DELIVERYBOT_V1, FILE);

    expect(result).toEqual({
      ok: true,
      warnings: [],
      config: {
        sourceVersion: 1,
        targets: [
          {
            name: "production",
            autoDeployOn: [{ kind: "ref", pattern: "refs/heads/master" }],
            environment: "production",
            task: "deploy",
            description: "",
            payload: { port: 8080 },
            requiredContexts: [],
            autoMerge: false,
            transientEnvironment: false,
            productionEnvironment: false,
            deployers: undefined,
            admins: undefined,
            allowForks: false,
            allowDrafts: true,
            coalesce: undefined,
            hooks: [],
            hookChecks: true,
            stuckAfterMs: 600_000,
            timeoutMs: 3_600_000,
            freezes: [],
            promoteFrom: [],
            soakMs: 0,
          },
          {
            name: "staging",
            autoDeployOn: [{ kind: "pull_request" }],
            environment: "pr${{ pr }}",
            task: "deploy",
            description: "Deploy ${{ ref }} (${{ short_sha }})",
            payload: {},
            requiredContexts: [],
            autoMerge: false,
            transientEnvironment: true,
            productionEnvironment: false,
            deployers: undefined,
            admins: undefined,
            allowForks: false,
            allowDrafts: true,
            coalesce: undefined,
            hooks: [],
            hookChecks: true,
            stuckAfterMs: 600_000,
            timeoutMs: 3_600_000,
            freezes: [],
            promoteFrom: [],
            soakMs: 0,
          },
        ],
        defaultTarget: undefined,
        commandPrefix: "/",
        notifications: [],
      },
    });
  });

  it("reads an omitted required_contexts as [] (no gate), as the original did", () => {
    const config = configOf(parseConfigText("production:\n  auto_deploy_on: refs/heads/main\n", FILE));

    expect(config.targets[0]?.requiredContexts).toEqual([]);
  });

  it("folds the legacy deployments list, warning when entries are ignored", () => {
    const text =
      "production:\n  environment: prod\n  deployments:\n    - task: deploy:app\n      environment: ignored\n    - task: never\n";

    const result = parseConfigText(text, FILE);

    expect(configOf(result).targets[0]).toMatchObject({ environment: "prod", task: "deploy:app" });
    expect(result).toMatchObject({
      warnings: [
        { file: FILE, line: 6, key: "production.deployments[1]", message: expect.stringContaining("only the first entry") },
      ],
    });
  });

  it("keeps a pattern without refs/ but warns that it never matches", () => {
    const result = parseConfigText("production:\n  auto_deploy_on: master\n", FILE);

    expect(configOf(result).targets[0]?.autoDeployOn).toEqual([{ kind: "ref", pattern: "master" }]);
    expect(result).toMatchObject({
      warnings: [{ line: 2, key: "production.auto_deploy_on", message: expect.stringContaining("write `refs/heads/master`") }],
    });
  });

  it("accepts _extends next to the targets", () => {
    const config = configOf(parseConfigText("_extends: acme/.github\nproduction: {}\n", FILE));

    expect(config.targets.map((target) => target.name)).toEqual(["production"]);
  });

  it("names keys as written, without targets.", () => {
    const problems = problemsOf(parseConfigText("production:\n  environment: 1\n", FILE));

    expect(problems).toEqual([
      {
        file: FILE,
        line: 2,
        key: "production.environment",
        message: "`production.environment` must be a string, e.g. `production`; found the number `1`.",
      },
    ]);
  });
});

describe("parseConfigText: the current format (v2)", () => {
  it("accepts a list of auto_deploy_on patterns", () => {
    const text = "version: 2\ntargets:\n  production:\n    auto_deploy_on: [refs/heads/main, refs/tags/v*, pr]\n";

    const config = configOf(parseConfigText(text, FILE));

    expect(config.sourceVersion).toBe(2);
    expect(config.targets[0]?.autoDeployOn).toEqual([
      { kind: "ref", pattern: "refs/heads/main" },
      { kind: "ref", pattern: "refs/tags/v*" },
      { kind: "pull_request" },
    ]);
  });

  it("reads an omitted required_contexts as undefined (every check must pass) and [] as no gate", () => {
    const text = "version: 2\ntargets:\n  gated: {}\n  ungated:\n    required_contexts: []\n";

    const config = configOf(parseConfigText(text, FILE));

    expect(config.targets.map((target) => target.requiredContexts)).toEqual([undefined, []]);
  });

  it("rejects a pattern that is not a full ref, with the fix", () => {
    const text = "version: 2\ntargets:\n  production:\n    auto_deploy_on: [refs/heads/main, main, tags/v1]\n";

    const problems = problemsOf(parseConfigText(text, FILE));

    expect(problems).toEqual([
      {
        file: FILE,
        line: 4,
        key: "targets.production.auto_deploy_on[1]",
        message: expect.stringContaining("write `refs/heads/main`"),
      },
      {
        file: FILE,
        line: 4,
        key: "targets.production.auto_deploy_on[2]",
        message: expect.stringContaining("write `refs/tags/v1`"),
      },
    ]);
  });

  it("rejects the legacy deployments list, saying where its fields go", () => {
    const problems = problemsOf(parseConfigText("version: 2\ntargets:\n  production:\n    deployments: []\n", FILE));

    expect(problems).toEqual([
      { file: FILE, line: 4, key: "targets.production.deployments", message: expect.stringContaining("in the target itself") },
    ]);
  });

  it("points a target written at the top level to targets:", () => {
    const problems = problemsOf(parseConfigText("version: 2\ntargets:\n  a: {}\nproduction:\n  task: x\n", FILE));

    expect(problems).toEqual([
      { file: FILE, line: 4, key: "production", message: expect.stringContaining("move `production` there") },
    ]);
  });

  it("asks for targets: when they are missing or empty", () => {
    expect(problemsOf(parseConfigText("version: 2\n", FILE))).toEqual([
      { file: FILE, line: 1, key: "", message: expect.stringContaining("lists its targets under `targets:`") },
    ]);
    expect(problemsOf(parseConfigText("version: 2\ntargets: {}\n", FILE))).toEqual([
      { file: FILE, line: 2, key: "targets", message: expect.stringContaining("no targets") },
    ]);
  });

  it("asks for version: 2 when targets: is written without it", () => {
    expect(problemsOf(parseConfigText("targets:\n  production: {}\n", FILE))).toEqual([
      {
        file: FILE,
        line: 1,
        key: "targets",
        message: "`targets:` is only read in a v2 file: add `version: 2` at the top of the file.",
      },
    ]);
  });
});

describe("parseConfigText: problems", () => {
  it("reports a YAML syntax error with its line", () => {
    const problems = problemsOf(parseConfigText("production:\n  environment: prod\n  payload: {port: 8080\n", FILE));

    expect(problems).toEqual([{ file: FILE, line: 4, key: "", message: expect.stringMatching(/^YAML syntax error: /) }]);
  });

  it("reports a duplicate key as YAML rejects it", () => {
    const problems = problemsOf(parseConfigText("production: {}\nstaging: {}\nproduction: {}\n", FILE));

    expect(problems).toEqual([{ file: FILE, line: 3, key: "", message: expect.stringContaining("Map keys must be unique") }]);
  });

  it("refuses exponential alias expansion", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      ...Array.from({ length: 6 }, (_, i) => `${"bcdefg"[i]}: &${"bcdefg"[i]} [${Array(9).fill(`*${"abcdef"[i]}`).join(", ")}]`),
    ].join("\n");

    const problems = problemsOf(parseConfigText(bomb, FILE));

    expect(problems).toEqual([{ file: FILE, key: "", message: expect.stringContaining("alias") }]);
  });

  it.each([
    ["an empty file", ""],
    ["a file with only comments", "# nothing yet\n"],
    ["only _extends", "_extends: acme/.github\n"],
  ])("says there are no targets in %s", (_name, text) => {
    expect(problemsOf(parseConfigText(text, FILE))).toEqual([
      expect.objectContaining({ key: "", message: expect.stringMatching(/^no targets/) }),
    ]);
  });

  it("rejects a file that is not a mapping", () => {
    expect(problemsOf(parseConfigText("- production\n", FILE))).toEqual([
      { file: FILE, line: 1, key: "", message: expect.stringContaining("must be a mapping") },
    ]);
  });

  it.each([
    ["3", "version: 3\nproduction: {}\n", "unsupported `version: 3`"],
    ["1", "version: 1\nproduction: {}\n", "unsupported `version: 1`"],
    ["a quoted 2", 'version: "2"\ntargets: {a: {}}\n', "as a number, without quotes"],
  ])("rejects version %s, naming the versions that exist", (_name, text, message) => {
    const problems = problemsOf(parseConfigText(text, FILE));

    expect(problems).toEqual([{ file: FILE, line: 1, key: "version", message: expect.stringContaining(message) }]);
    if (!message.includes("quotes")) expect(problems[0]?.message).toContain("`version: 2`");
  });

  it("reports every wrong type at once, with what is expected and an example", () => {
    const text = [
      "production:",
      "  auto_deploy_on: [refs/heads/main]",
      "  required_contexts: ci/build",
      "  payload: 8080",
      '  auto_merge: "yes"',
      "  transient_environment: 1",
      "staging: 3",
    ].join("\n");

    const problems = problemsOf(parseConfigText(text, FILE));

    expect(problems).toEqual([
      {
        file: FILE,
        line: 2,
        key: "production.auto_deploy_on",
        message: "`production.auto_deploy_on` must be a string, e.g. `refs/heads/main`; found a list.",
      },
      {
        file: FILE,
        line: 3,
        key: "production.required_contexts",
        message:
          "`production.required_contexts` must be a list of strings, e.g. `[ ci/build, ci/test ]`; found the string `ci/build`.",
      },
      {
        file: FILE,
        line: 4,
        key: "production.payload",
        message: expect.stringMatching(/^`production.payload` must be a mapping, e\.g\. `\{ port: 8080/),
      },
      {
        file: FILE,
        line: 5,
        key: "production.auto_merge",
        message: expect.stringContaining("found the string `yes` (write `true` or `false`)"),
      },
      {
        file: FILE,
        line: 6,
        key: "production.transient_environment",
        message: expect.stringContaining("must be `true` or `false`"),
      },
      {
        file: FILE,
        line: 7,
        key: "staging",
        message: "target `staging` must be a mapping of settings, e.g. `environment: production`; found the number `3`.",
      },
    ]);
  });

  it("reports an unknown key with the nearest allowed key and the full list", () => {
    const problems = problemsOf(parseConfigText("version: 2\ntargets:\n  production:\n    enviroment: prod\n", FILE));

    expect(problems).toEqual([
      {
        file: FILE,
        line: 4,
        key: "targets.production.enviroment",
        message:
          "unknown key `enviroment` in target `production`; did you mean `environment`? Allowed keys are `auto_deploy_on`, `environment`, `task`, `description`, `payload`, `required_contexts`, `auto_merge`, `transient_environment`, `production_environment`, `deployers`, `admins`, `allow_forks`, `allow_drafts`, `coalesce`, `hooks`, `hook_checks`, `stuck_after`, `timeout`, `paths`, `paths_ignore`, `freezes`, `promote_from`, `soak`, `approvals`.",
      },
    ]);
  });

  it.each([
    ["v2", "version: 2\ntargets:\n  production:\n    hooks: [dockerhub, jenkins]\n    hook_checks: false\n"],
    ["v1", "production:\n  hooks: [dockerhub, jenkins]\n  hook_checks: false\n"],
  ])("reads hooks and hook_checks in %s", (_version, text) => {
    const config = configOf(parseConfigText(text, FILE));

    expect(config.targets[0]).toMatchObject({ hooks: ["dockerhub", "jenkins"], hookChecks: false });
  });

  it.each([
    ["v2", "version: 2\ntargets:\n  production:\n    stuck_after: 90s\n    timeout: 1h30m\n"],
    ["v1", "production:\n  stuck_after: 90s\n  timeout: 1h30m\n"],
  ])("reads the watchdog's stuck_after and timeout in %s", (_version, text) => {
    const config = configOf(parseConfigText(text, FILE));

    expect(config.targets[0]).toMatchObject({ stuckAfterMs: 90_000, timeoutMs: 5_400_000 });
  });

  it.each(["0m", "10 minutes", "1m1h", "-5m", "1.5h"])(
    "refuses the duration %j on its line, saying what a duration is",
    (value) => {
      const problems = problemsOf(parseConfigText(`version: 2\ntargets:\n  production:\n    stuck_after: ${value}\n`, FILE));

      expect(problems).toEqual([
        {
          file: FILE,
          line: 4,
          key: "targets.production.stuck_after",
          message: `\`targets.production.stuck_after\` must be a duration longer than zero in whole days, hours, minutes and seconds, largest first, such as \`90s\`, \`10m\`, \`1h30m\` or \`1d\`; found ${JSON.stringify(value)}.`,
        },
      ]);
    },
  );

  it("reports an unknown top-level key of a v2 file with the allowed keys", () => {
    const problems = problemsOf(parseConfigText("version: 2\ntargets:\n  a: {}\nfoo: 1\n", FILE));

    expect(problems).toEqual([
      {
        file: FILE,
        line: 4,
        key: "foo",
        message:
          "unknown key `foo` at the top level; allowed keys are `version`, `targets`, `default_target`, `command_prefix`, `notifications`, `freezes`, `_extends`.",
      },
    ]);
  });

  it("reports bad notifications entries: a misspelt state with the list, a missing channel, an unknown key", () => {
    const text =
      "version: 2\ntargets:\n  a: {}\nnotifications:\n  - channel: deploys\n    states: [succeeded, stuk]\n  - states: [failed]\n  - channel: ops\n    env: [production]\n";

    const problems = problemsOf(parseConfigText(text, FILE));

    expect(problems).toEqual([
      {
        file: FILE,
        line: 6,
        key: "notifications[0].states[1]",
        message:
          '`notifications[0].states[1]` must be one of `created`, `started`, `succeeded`, `failed`, `inactive`, `deleted`, `stuck`; found "stuk". Did you mean `stuck`?',
      },
      { file: FILE, line: 7, key: "notifications[1]", message: "missing required key `channel` in `notifications[1]`." },
      {
        file: FILE,
        line: 9,
        key: "notifications[2].env",
        message: "unknown key `env` in `notifications[2]`; allowed keys are `channel`, `states`, `environments`.",
      },
    ]);
  });

  it("rejects target names with other characters, suggesting one", () => {
    const problems = problemsOf(parseConfigText("version: 2\ntargets:\n  my target!: {}\n", FILE));

    expect(problems).toEqual([
      { file: FILE, line: 3, key: 'targets["my target!"]', message: expect.stringContaining("e.g. `my-target`") },
    ]);
  });

  it("reports unknown template variables in environment, description and payload, naming the allowed ones", () => {
    const text = [
      "production:",
      "  environment: pr-${{ branch }}",
      "  description: ${{ refs }}",
      "  payload:",
      "    nested:",
      '      - "${{ commit }}"',
      "  deployments:",
      "    - description: ${{ sha }} ${{ nope }}",
    ].join("\n");

    const problems = problemsOf(parseConfigText(text, FILE));

    expect(problems.map(({ line, key }) => [line, key])).toEqual([
      [2, "production.environment"],
      [3, "production.description"],
      [6, "production.payload.nested[0]"],
      [8, "production.deployments[0].description"],
    ]);
    expect(problems[0]?.message).toBe(
      "unknown template variable `${{ branch }}` in `production.environment`; the variables are `ref`, `sha`, `short_sha`, `pr`, `target`, `owner`, `repo`.",
    );
    expect(problems[1]?.message).toContain("Did you mean `${{ ref }}`?");
  });
});

describe("parseConfigText: commands and who may deploy", () => {
  const V2 = [
    "version: 2",
    "default_target: staging",
    'command_prefix: "deliverybot "',
    "targets:",
    "  production:",
    "    deployers: [octocat, my-org/release-managers]",
    "    admins: [my-org/sre]",
    "    allow_forks: false",
    "    allow_drafts: false",
    "  staging:",
    "    allow_forks: true",
    "",
  ].join("\n");

  it("loads the command settings and each target's permissions", () => {
    const config = configOf(parseConfigText(V2, FILE));

    expect(config).toMatchObject({ defaultTarget: "staging", commandPrefix: "deliverybot " });
    expect(config.targets).toMatchObject([
      {
        name: "production",
        deployers: ["octocat", "my-org/release-managers"],
        admins: ["my-org/sre"],
        allowForks: false,
        allowDrafts: false,
      },
      { name: "staging", deployers: undefined, admins: undefined, allowForks: true, allowDrafts: true },
    ]);
  });

  it("accepts the permission keys in a v1 file, with the same meaning", () => {
    const text = "production:\n  deployers: [octocat]\n  admins: []\n  allow_forks: true\n  allow_drafts: false\n";

    const config = configOf(parseConfigText(text, FILE));

    expect(config).toMatchObject({ sourceVersion: 1, defaultTarget: undefined, commandPrefix: "/" });
    expect(config.targets[0]).toMatchObject({ deployers: ["octocat"], admins: [], allowForks: true, allowDrafts: false });
  });

  it.each([
    [
      "an @-mention in deployers",
      "    deployers: [octocat, '@hubot']",
      "targets.production.deployers[1]",
      'found "@hubot". Write `hubot`, without the `@`.',
    ],
    [
      "a team path in admins",
      "    admins: [my-org/eng/sre]",
      "targets.production.admins[0]",
      "must be a GitHub login such as `octocat`, or a team as `org/team-slug`",
    ],
    [
      "one login instead of a list",
      "    deployers: octocat",
      "targets.production.deployers",
      "must be a list of strings, e.g. `[ octocat, my-org/release-managers ]`; found the string `octocat`.",
    ],
    ["a quoted boolean", '    allow_forks: "no"', "targets.production.allow_forks", "must be `true` or `false`"],
    ["a number", "    allow_drafts: 1", "targets.production.allow_drafts", "must be `true` or `false`"],
  ])("rejects %s on its line", (_name, line, key, message) => {
    const text = `version: 2\ntargets:\n  production:\n${line}\n`;

    expect(problemsOf(parseConfigText(text, FILE))).toEqual([
      { file: FILE, line: 4, key, message: expect.stringContaining(message) },
    ]);
  });

  it.each([
    ["two spaces at the end", '"deliverybot  "', "(more than one space at the end)"],
    ["a space inside", '"deliver bot"', 'found "deliver bot".'],
    ["an empty string", '""', 'found "".'],
    ["more than 20 characters", "a-very-long-command-prefix", "(26 characters)"],
    ["a list", "[/]", "`command_prefix` must be a string, e.g. `/`; found a list."],
  ])("rejects a command_prefix with %s", (_name, value, message) => {
    const text = `version: 2\ncommand_prefix: ${value}\ntargets:\n  production: {}\n`;

    expect(problemsOf(parseConfigText(text, FILE))).toEqual([
      { file: FILE, line: 2, key: "command_prefix", message: expect.stringContaining(message) },
    ]);
  });

  it("rejects a default_target that is not a target, on its line, with the other problems", () => {
    const text = "version: 2\ntargets:\n  production:\n    environment: ${{ nope }}\n  staging: {}\ndefault_target: prodution\n";

    expect(problemsOf(parseConfigText(text, FILE))).toEqual([
      {
        file: FILE,
        line: 4,
        key: "targets.production.environment",
        message: expect.stringContaining("unknown template variable"),
      },
      {
        file: FILE,
        line: 6,
        key: "default_target",
        message: "`default_target: prodution` is not a target; write one of `production`, `staging`. Did you mean `production`?",
      },
    ]);
  });

  it("checks default_target against the merged targets, reporting it in the file that sets it", () => {
    const org = {
      file: "acme/.github:.github/deploy.yml",
      text: "version: 2\ndefault_target: production\ntargets:\n  production: {}\n",
    };
    const repo = { file: FILE, text: "version: 2\ndefault_target: review\ntargets:\n  staging: {}\n" };
    const merged = mergeConfigs([parseDocument(org.text).toJS(), parseDocument(repo.text).toJS()]);

    expect(problemsOf(parseConfig({ config: merged, files: [repo, org] }))).toEqual([
      { file: FILE, line: 2, key: "default_target", message: expect.stringContaining("write one of `production`, `staging`.") },
    ]);
  });

  it.each(["default_target: production", 'command_prefix: "!"'])("asks for version: 2 when a v1 file sets %s", (line) => {
    const key = line.split(":")[0] ?? "";

    expect(problemsOf(parseConfigText(`production: {}\n${line}\n`, FILE))).toEqual([
      {
        file: FILE,
        line: 2,
        key,
        message: `\`${key}\` is only read in a \`version: 2\` file: add \`version: 2\` at the top and move the targets under \`targets:\`.`,
      },
    ]);
  });
});

describe("parseConfig: a merged configuration from several files", () => {
  const org = {
    file: "acme/.github:.github/deploy.yml",
    text: "production:\n  required_contexts: [ci/org]\n  payload:\n    port: http\n",
  };
  const repo = { file: FILE, text: "production:\n  auto_deploy_on: refs/heads/main\n  required_contexts: []\n" };
  const config = mergeConfigs([parseDocument(org.text).toJS(), parseDocument(repo.text).toJS()]);

  it("loads the merge, the repository's lists replacing the org's", () => {
    const loaded = configOf(parseConfig({ config, files: [repo, org] }));

    expect(loaded.targets[0]).toMatchObject({ requiredContexts: [], payload: { port: "http" } });
  });

  it("reports a problem in the file that holds the key", () => {
    const bad = { file: "acme/.github:.github/deploy.yml", text: "production:\n  payload: nope\n" };
    const merged = mergeConfigs([parseDocument(bad.text).toJS(), parseDocument(repo.text).toJS()]);

    const problems = problemsOf(parseConfig({ config: merged, files: [repo, bad] }));

    expect(problems).toEqual([
      { file: bad.file, line: 2, key: "production.payload", message: expect.stringContaining("must be a mapping") },
    ]);
  });

  it("treats a missing document as empty", () => {
    expect(problemsOf(parseConfig({ config: null, files: [] }))).toEqual([
      { file: FILE, key: "", message: expect.stringMatching(/^no targets/) },
    ]);
  });
});
