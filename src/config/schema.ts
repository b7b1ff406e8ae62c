/**
 * The JSON Schema (draft-07) of `.github/deploy.yml`: the single source of truth. ajv validates
 * with it, `config-types.ts` and `docs/config-reference.md` are generated from it, the canonical
 * model takes its defaults from it, and editors can load `docs/deploy.schema.json`.
 *
 * Shared property schemas are spread into the v1 and v2 targets (rather than combined with
 * `allOf`) because `additionalProperties: false` only sees the properties declared next to it.
 */

import { NOTIFICATION_EVENTS } from "../domain/notifications.js";

/** Letters, digits, `-`, `_` and `.`: safe in messages, environment names and URLs. */
export const TARGET_NAME_PATTERN = "^[A-Za-z0-9_.-]+$";

/** A GitHub login: a letter or digit, then up to 38 letters, digits and `-`. */
export const GITHUB_LOGIN_PATTERN = "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$";

/** A GitHub team as `org/team-slug`. */
export const GITHUB_TEAM_PATTERN = "^[A-Za-z0-9-]+/[A-Za-z0-9_.-]+$";

/** A `deployers` or `admins` entry: a login or a team, the two patterns above joined. */
export const GITHUB_ACTOR_PATTERN = `^(?:${GITHUB_LOGIN_PATTERN.slice(1, -1)}|${GITHUB_TEAM_PATTERN.slice(1, -1)})$`;

/** An inbound deploy hook's name: lower-case letters, digits and `-`, starting with a letter or digit, at most 40 characters. */
export const HOOK_NAME_PATTERN = "^[a-z0-9][a-z0-9-]{0,39}$";

/**
 * A duration longer than zero in whole days, hours, minutes and seconds, largest unit first:
 * `90s`, `10m`, `1h`, `1h30m`, `1d` (what `parseDuration` reads).
 */
export const DURATION_PATTERN = "^(?=[0-9]*[1-9])(?=[0-9])(?:[0-9]+[dD])?(?:[0-9]+[hH])?(?:[0-9]+[mM])?(?:[0-9]+[sS])?$";

/** 1 to 20 characters without whitespace, except that the last may be one space (`deliverybot `). */
export const COMMAND_PREFIX_PATTERN = "^\\S{1,19}[\\S ]?$";

/** A notification channel's name, as `deliverybot notify add` registers it. */
export const CHANNEL_NAME_PATTERN = HOOK_NAME_PATTERN;

const TEMPLATES =
  "`${{ ref }}`, `${{ sha }}`, `${{ short_sha }}`, `${{ pr }}`, `${{ target }}`, `${{ owner }}` and `${{ repo }}`";

const extendsKey = {
  type: "string",
  description:
    "Inherit settings from another repository's file, e.g. `my-org/.github` or `my-org/.github:deploy/base.yml`. Resolved by Probot before validation; this file's values win, lists replace inherited lists.",
  examples: [".github", "my-org/.github:.github/deploy.yml"],
} as const;

const environment = {
  type: "string",
  description: `Name of the GitHub environment to deploy to. May use the templates ${TEMPLATES}.`,
  default: "production",
  examples: ["production", "staging", "pr${{ pr }}"],
} as const;

const task = {
  type: "string",
  description: "Deployment task passed to GitHub, read by the workflow that ships, e.g. `deploy` or `deploy:migrations`.",
  default: "deploy",
  examples: ["deploy", "deploy:migrations"],
} as const;

const description = {
  type: "string",
  description: `Short description shown on the deployment in GitHub. May use the templates ${TEMPLATES}.`,
  default: "",
  examples: ["Deploy ${{ ref }} (${{ short_sha }})"],
} as const;

const payload = {
  type: "object",
  description: `Extra JSON passed to the workflow that ships (the deployment's \`payload\`). Every string value, at any depth, may use the templates ${TEMPLATES}; keys are not templated.`,
  default: {},
  examples: [{ port: 8080, url: "https://pr${{ pr }}.example.com" }],
} as const;

const autoMerge = {
  type: "boolean",
  description:
    "GitHub's `auto_merge`: merge the default branch into the ref first. Deliverybot deploys the checked commit (a SHA), which GitHub cannot merge into, so leave it false; it is sent explicitly either way.",
  default: false,
} as const;

const transientEnvironment = {
  type: "boolean",
  description: "The environment is temporary (e.g. one per pull request); it is marked inactive when the pull request closes.",
  default: false,
} as const;

const productionEnvironment = {
  type: "boolean",
  description: "The environment is one your users interact with (GitHub's `production_environment`).",
  default: false,
} as const;

const contextName = {
  type: "string",
  description: "Name of a commit status context or check run.",
  examples: ["ci/build"],
} as const;

const refPattern = {
  type: "string",
  description:
    "A full ref pattern such as `refs/heads/main`, `refs/heads/release-*` or `refs/tags/v*` (`*` matches any run of characters, `/` included), or `pr` for every pull request's head commit.",
  examples: ["refs/heads/main", "refs/tags/v*", "pr"],
} as const;

const actor = {
  type: "string",
  pattern: GITHUB_ACTOR_PATTERN,
  description: "A GitHub login such as `octocat`, or a team as `org/team-slug` such as `my-org/release-managers` (without `@`).",
  examples: ["octocat", "my-org/release-managers"],
} as const;

const deployers = {
  type: "array",
  items: actor,
  description:
    "Who may deploy this target with a command in a pull request comment: GitHub logins and teams (`org/team-slug`). Omitted: anyone with write or admin permission on the repository. `[]`: repository admins only (they always may).",
  examples: [["octocat", "my-org/release-managers"]],
} as const;

const admins = {
  type: "array",
  items: actor,
  description:
    "Who may `--force` a deploy of this target past its checks and break someone else's lock: GitHub logins and teams (`org/team-slug`). Omitted: anyone with admin permission on the repository. `[]`: repository admins only (they always may).",
  examples: [["my-org/sre"]],
} as const;

const allowForks = {
  type: "boolean",
  description:
    "Pull requests from forks may deploy this target, by command or by a `pr` auto-deploy. Off by default: a fork's commits come from someone without write access, and deploying them runs that code in the target's environment.",
  default: false,
} as const;

const allowDrafts = {
  type: "boolean",
  description: "Draft pull requests may deploy this target. Set it to `false` to wait until a pull request is ready for review.",
  default: true,
} as const;

/** The longest `coalesce.group_timeout`: merge groups are remembered (and read back) for a day. */
export const MAX_GROUP_TIMEOUT = "24h";

const coalesce = {
  type: ["boolean", "object"],
  additionalProperties: false,
  properties: {
    group_timeout: {
      type: "string",
      pattern: DURATION_PATTERN,
      description: `How long one merge group holds the landed commits at most, counted from when it entered the queue: a group whose \`destroyed\` webhook never came stops holding then. Set it to the merge queue's status check timeout (GitHub's default is an hour); at most \`${MAX_GROUP_TIMEOUT}\`.`,
      default: "1h",
      examples: ["1h", "2h30m"],
    },
  },
  description: `With a merge queue: while merge groups for the target's branch are still in the queue, commits that land on it wait (\`waiting_for_merge_queue\`); when the queue drains, only the newest green one deploys and the others are \`superseded\`. \`true\`, or \`{ group_timeout: 2h }\` to set how long one merge group holds them at most after it entered the queue (default \`1h\`, at most \`${MAX_GROUP_TIMEOUT}\`; set it to the queue's status check timeout), so a group whose \`destroyed\` webhook never came stops holding. Off by default: every landed commit deploys once its checks pass.`,
  default: false,
  examples: [true, { group_timeout: "2h" }],
} as const;

const hooks = {
  type: "array",
  items: {
    type: "string",
    pattern: HOOK_NAME_PATTERN,
    description: "The name an inbound deploy hook was created with: lower-case letters, digits and `-`, at most 40 characters.",
    examples: ["dockerhub"],
  },
  description:
    "Inbound deploy hooks (`POST /hooks/deploy/<hook-id>`) that may deploy this target, by the names they were created with. Omitted or `[]`: no hook may deploy it. A hook's secret lives in Deliverybot's store, never in this file.",
  default: [],
  examples: [["dockerhub", "jenkins"]],
} as const;

const hookChecks = {
  type: "boolean",
  description:
    "A hook deploy must pass this target's `required_contexts` like any other deploy; while they are not green the hook is refused (it does not wait). `false`: only GitHub's own verification of `required_contexts` when the deployment is created.",
  default: true,
} as const;

const stuckAfter = {
  type: "string",
  pattern: DURATION_PATTERN,
  description:
    "How long a deployment Deliverybot created may wait for its first status of any kind (nobody picked it up: did a workflow run `on: deployment`?) before the watchdog marks it `error` and says so. A duration such as `90s`, `10m` or `1h`.",
  default: "10m",
  examples: ["10m", "30m"],
} as const;

const timeout = {
  type: "string",
  pattern: DURATION_PATTERN,
  description:
    "How long a deployment Deliverybot created may stay unfinished after its newest status (`in_progress`, or `queued` and `pending`) before the watchdog marks it `error` and says so. A duration such as `30m`, `1h` or `1h30m`.",
  default: "1h",
  examples: ["1h", "2h30m"],
} as const;

const pathPattern = {
  type: "string",
  description:
    "A file path pattern in GitHub Actions' filter syntax, relative to the repository's root: `*` matches any run of characters except `/`, `**` any run including `/`, `x?` zero or one and `x+` one or more of the character before, `[a-z0-9]` one listed letter or digit, `\\` escapes; a leading `!` (in `paths` only) excludes again what earlier patterns included.",
  examples: ["services/api/**", "**.md", "!docs/**"],
} as const;

const paths = {
  type: "array",
  items: pathPattern,
  description:
    "Deploy on its own only when a file matching these patterns changed, like GitHub Actions' `on.push.paths`: patterns apply in order and the last one matching a file decides, so `!` excludes files that earlier patterns included. A push is compared with the ref's previous commit, a pull request with its base; when the changed files cannot be known (a new branch without new commits), it deploys. Tag pushes, commands and hooks are not filtered. Omitted: every change deploys. Cannot be combined with `paths_ignore`.",
  examples: [["services/api/**", "libs/shared/**", "!**.md"]],
} as const;

const pathsIgnore = {
  type: "array",
  items: pathPattern,
  description:
    "Do not deploy on its own when every changed file matches one of these patterns, like GitHub Actions' `on.push.paths-ignore` (no `!` here). Filtered like `paths`, which it cannot be combined with. Omitted: every change deploys.",
  examples: [["docs/**", "**.md"]],
} as const;

const notificationRoute = {
  type: "object",
  description: "One place deployment notifications go, and which of them.",
  additionalProperties: false,
  required: ["channel"],
  properties: {
    channel: {
      type: "string",
      pattern: CHANNEL_NAME_PATTERN,
      description:
        "The name a channel was registered with on the app (`deliverybot notify add <owner> <name>`) for this repository's owner. Its URL and secret live in Deliverybot, never in this file.",
      examples: ["deploys", "ops-slack"],
    },
    states: {
      type: "array",
      items: { enum: NOTIFICATION_EVENTS, description: "A deployment event, sent as `deployment.<state>`." },
      description:
        "Which events notify: `created`, `started`, `succeeded`, `failed`, `inactive`, `deleted` (Deliverybot found the deployment gone) and `stuck` (the watchdog marked it `error`). Omitted: all of them.",
      examples: [["succeeded", "failed", "stuck"]],
    },
    environments: {
      type: "array",
      items: {
        type: "string",
        description: "An environment name; `*` matches any run of characters.",
        examples: ["production", "pr-*"],
      },
      description: "Which environments notify, by name (`*` matches any run of characters). Omitted: every environment.",
      examples: [["production", "staging"]],
    },
  },
} as const;

const promoteFrom = {
  type: ["string", "array"],
  items: { type: "string", pattern: TARGET_NAME_PATTERN, description: "Another target's name." },
  description:
    "Promote commits from these targets (one name or a list): when a commit's deployment to each of them succeeded and stayed the environment's newest for `soak`, it deploys here, once, through this target's own gates (checks, locks, freezes). A failed or replaced upstream deployment drops the promotion.",
  examples: ["staging", ["staging-eu", "staging-us"]],
} as const;

const soak = {
  type: "string",
  pattern: DURATION_PATTERN,
  description:
    "How long a commit must have succeeded in the `promote_from` targets before it is promoted here, e.g. `30m` or `2h`. Omitted: as soon as it succeeded.",
  examples: ["30m", "2h"],
} as const;

const approvals = {
  type: "object",
  additionalProperties: false,
  required: ["required"],
  description:
    "Deploys of this target wait until enough people approved the commit for it with `/approve` (reason `waiting_for_approval`): auto-deploys, promotions, commands, hooks, the CLI and the dashboard wait and go once approved (each request once, through every gate again), a deployment protection rule request is held. Approvals belong to one commit and one target: a new commit starts over. A `/reject` drops what waits.",
  properties: {
    required: {
      type: "integer",
      minimum: 1,
      maximum: 10,
      description: "How many different people must approve.",
      examples: [1, 2],
    },
    from: {
      type: "array",
      items: actor,
      description:
        "Who may approve: GitHub logins and teams (`org/team-slug`). Omitted: anyone with write or admin permission on the repository.",
      examples: [["alice", "my-org/sre"]],
    },
    self_approval: {
      type: "boolean",
      default: false,
      description:
        "Whether whoever asked for the deploy may approve it: the pull request's author, or the person who started a workflow run a protection rule holds.",
    },
    expires: {
      type: "string",
      pattern: DURATION_PATTERN,
      description: "How long an approval counts, e.g. `24h`. Omitted: as long as the commit is not deployed.",
      examples: ["24h"],
    },
  },
  examples: [{ required: 2, from: ["alice", "my-org/sre"], self_approval: false, expires: "24h" }],
} as const;

/** The days a weekly freeze window may name, Monday first. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** `HH:MM` (24-hour, `24:00` the end of the day) or an ISO 8601 date (`2026-12-24`) or date-time (`2026-12-24T18:00`, an offset allowed). */
export const FREEZE_TIME_PATTERN =
  "^(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]|24:00|[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?(?:Z|[+-][0-9]{2}:[0-9]{2})?)?)$";

const freezeWindow = {
  type: "object",
  description:
    "A time during which nothing deploys on its own: weekly (`days`, with `from` and `to` times of day) or dated (`from` and `to` dates). Auto-deploys wait and go out when it ends; commands, hooks and the CLI are refused with the reason `frozen` and the end time, unless a target's admin deploys with `--force`.",
  additionalProperties: false,
  properties: {
    days: {
      type: "array",
      minItems: 1,
      items: { enum: WEEKDAYS, description: "A day of the week: `mon` … `sun`." },
      description:
        "Makes the window weekly: it starts on each of these days at `from` and ends at `to` (the next day when `to` is not after `from`). Windows that meet or overlap count as one freeze.",
      examples: [["sat", "sun"], ["fri"]],
    },
    from: {
      type: "string",
      pattern: FREEZE_TIME_PATTERN,
      description:
        "Weekly: the time of day it starts, `HH:MM` (default `00:00`). Dated: when it starts, a date (`2026-12-24`, its midnight) or a date-time (`2026-12-24T18:00`), in `time_zone` unless it carries an offset.",
      examples: ["16:00", "2026-12-24", "2026-12-24T18:00"],
    },
    to: {
      type: "string",
      pattern: FREEZE_TIME_PATTERN,
      description:
        "Weekly: the time of day it ends, `HH:MM` (default `24:00`, the end of the day). Dated: when it ends, a date (its midnight, so `2027-01-04` ends as 3 January ends) or a date-time.",
      examples: ["09:00", "24:00", "2027-01-04T09:00"],
    },
    time_zone: {
      type: "string",
      description:
        "The IANA time zone `from` and `to` are in, e.g. `Europe/Berlin` or `America/New_York`; daylight saving time is followed.",
      default: "UTC",
      examples: ["Europe/Berlin", "America/New_York"],
    },
    reason: {
      type: "string",
      description: "Why, shown wherever the freeze stops a deploy.",
      examples: ["Weekend freeze", "Holiday release freeze"],
    },
  },
} as const;

const freezes = {
  type: "array",
  items: { $ref: "#/definitions/FreezeWindow" },
  description:
    "Freeze windows (weekly or dated). At the top level they hold every target; under a target, that target too. Inherited through `_extends` like any key: an organisation can freeze all its repositories at once.",
  examples: [
    [
      { days: ["fri"], from: "16:00", time_zone: "Europe/Berlin", reason: "Weekend freeze" },
      { days: ["sat", "sun"], time_zone: "Europe/Berlin", reason: "Weekend freeze" },
      { from: "2026-12-24", to: "2027-01-04", time_zone: "Europe/Berlin", reason: "Holidays" },
    ],
  ],
} as const;

/** The legacy list's entries carry no defaults: a field only fills the target when set. */
const legacyDeployment = {
  type: "object",
  description: "One legacy `deployments` entry; only the first entry is used.",
  additionalProperties: false,
  properties: {
    task: { type: "string", description: "Task to use when the target sets none." },
    auto_merge: { type: "boolean", description: "`auto_merge` to use when the target sets none." },
    payload: { type: "object", description: "Payload to use when the target sets none." },
    environment: { type: "string", description: "Environment to use when the target sets none." },
    description: { type: "string", description: "Description to use when the target sets none." },
  },
} as const;

/** What a deployment of a target says (v1 and v2 alike). */
const deploymentFields = { environment, task, description, payload } as const;

/** How a target deploys and who may deploy it (v1 and v2 alike). */
const targetSettings = {
  auto_merge: autoMerge,
  transient_environment: transientEnvironment,
  production_environment: productionEnvironment,
  deployers,
  admins,
  allow_forks: allowForks,
  allow_drafts: allowDrafts,
  coalesce,
  hooks,
  hook_checks: hookChecks,
  stuck_after: stuckAfter,
  timeout,
  paths,
  paths_ignore: pathsIgnore,
  freezes,
  promote_from: promoteFrom,
  soak,
  approvals,
} as const;

const targetV1 = {
  type: "object",
  description: "One deployment target in the original Deliverybot (v1) format.",
  additionalProperties: false,
  properties: {
    auto_deploy_on: {
      ...refPattern,
      description: `Deploy on its own when this happens: one pattern (a list needs \`version: 2\`). ${refPattern.description} Omit it for a target that never deploys on its own.`,
    },
    ...deploymentFields,
    required_contexts: {
      type: "array",
      items: contextName,
      description:
        "Commit statuses or check runs that must succeed before deploying. In v1 an omitted list means no gate (`[]`), as in the original Deliverybot.",
      default: [],
      examples: [["ci/build", "ci/test"]],
    },
    ...targetSettings,
    deployments: {
      type: "array",
      items: { $ref: "#/definitions/LegacyDeployment" },
      description:
        "Legacy list (v1 only): the first entry's fields fill the fields the target does not set; other entries are ignored. Move its fields into the target instead.",
    },
  },
} as const;

const targetV2 = {
  type: "object",
  description: "One deployment target.",
  additionalProperties: false,
  properties: {
    auto_deploy_on: {
      type: ["string", "array"],
      items: refPattern,
      description: `Deploy on its own when this happens: one pattern or a list of them. ${refPattern.description} Omit it for a target that never deploys on its own.`,
      examples: ["refs/heads/main", ["refs/heads/main", "refs/tags/v*"], "pr"],
    },
    ...deploymentFields,
    required_contexts: {
      type: "array",
      items: contextName,
      description:
        "Commit statuses or check runs that must succeed before deploying. Omitted: every check reported on the commit must succeed (GitHub's own rule). `[]`: no gate at all.",
      examples: [["ci/build", "ci/test"], []],
    },
    ...targetSettings,
  },
} as const;

/** The schema of `.github/deploy.yml`, both formats; `version: 2` selects the current one. */
export const deployConfigSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "Deliverybot configuration (.github/deploy.yml)",
  description:
    "Which targets Deliverybot deploys, when, and with which GitHub deployment settings. Write `version: 2` and list the targets under `targets:`; a file without `version` is read in the original Deliverybot (v1) format, where every top-level key is a target.",
  type: "object",
  // if/then/else rather than oneOf: ajv then reports the errors of the one format the file uses.
  if: { type: "object", properties: { version: { const: 2 } }, required: ["version"] },
  then: { $ref: "#/definitions/DeployFileV2" },
  else: { $ref: "#/definitions/DeployFileV1" },
  definitions: {
    DeployFileV2: {
      type: "object",
      description: "The current format (v2).",
      additionalProperties: false,
      required: ["version", "targets"],
      properties: {
        version: { const: 2, description: "Format version: `2`. Omit `version` only for the original Deliverybot (v1) format." },
        targets: {
          type: "object",
          description: "The deployment targets, by name (letters, digits, `-`, `_`, `.`).",
          minProperties: 1,
          propertyNames: { pattern: TARGET_NAME_PATTERN },
          additionalProperties: { $ref: "#/definitions/TargetV2" },
        },
        default_target: {
          type: "string",
          description:
            "The target a deploy command without a target name (`/deploy`) deploys. It must be one of the targets under `targets:`. Without it, `/deploy` must name a target and the reply lists them.",
          examples: ["production"],
        },
        command_prefix: {
          type: "string",
          pattern: COMMAND_PREFIX_PATTERN,
          description:
            "What starts a command in a pull request comment: `/` reads `/deploy`; `deliverybot ` (ending in one space) reads `deliverybot deploy`. 1 to 20 characters without spaces, except one space at the end.",
          default: "/",
          examples: ["/", "!", "deliverybot "],
        },
        notifications: {
          type: "array",
          items: { $ref: "#/definitions/NotificationRoute" },
          description:
            "Where Deliverybot announces what happens to this repository's deployments (any deployment, whoever created it): each entry names a registered channel and may narrow the events and environments. Inherited through `_extends` like any key, so an organisation can notify once for all its repositories.",
          default: [],
          examples: [[{ channel: "ops-slack", states: ["succeeded", "failed", "stuck"], environments: ["production"] }]],
        },
        freezes,
        _extends: extendsKey,
      },
    },
    DeployFileV1: {
      type: "object",
      description: "The original Deliverybot format (v1): every top-level key except `_extends` is a target.",
      propertyNames: { pattern: TARGET_NAME_PATTERN, not: { enum: ["version", "targets"] } },
      properties: { _extends: extendsKey },
      additionalProperties: { $ref: "#/definitions/TargetV1" },
    },
    TargetV2: targetV2,
    TargetV1: targetV1,
    LegacyDeployment: legacyDeployment,
    NotificationRoute: notificationRoute,
    FreezeWindow: freezeWindow,
  },
} as const;

/** The schema's type, for code that reads defaults or property lists from it. */
export type DeployConfigSchema = typeof deployConfigSchema;
