import type { JsonValue } from "../domain/json-value.js";
import type { NotificationEvent } from "../domain/notifications.js";

/**
 * The canonical configuration model: what every `.github/deploy.yml` (v1 or v2) becomes after
 * migration, validation and defaults. The engine only ever sees this shape.
 */

/** When a target deploys on its own. */
export type AutoDeployTrigger =
  /** A push whose full ref matches the pattern; `*` matches any run of characters. */
  | { readonly kind: "ref"; readonly pattern: string }
  /** A pull request opened, reopened or synchronized. */
  | { readonly kind: "pull_request" };

/** Who must approve a target's deploys (`approvals`), before any of them goes. */
export interface ApprovalRule {
  /** How many different people must approve. */
  readonly required: number;
  /** Who may approve: logins and `org/team` slugs; undefined: anyone with write or admin permission. */
  readonly from: readonly string[] | undefined;
  /** Whether whoever asked for the deploy may approve it. */
  readonly selfApproval: boolean;
  /** How long an approval counts; undefined: until the commit is deployed. */
  readonly expiresMs: number | undefined;
}

/** How a `coalesce` target waits for its branch's merge queue. */
export interface CoalesceRule {
  /** How long one merge group in the queue holds landed commits at most, from when it entered it; default an hour. */
  readonly groupTimeoutMs: number;
}

/** One deployment target, with every default applied. Strings may hold `${{ var }}` templates. */
export interface Target {
  readonly name: string;
  readonly autoDeployOn: readonly AutoDeployTrigger[];
  /** Environment name template; default "production". */
  readonly environment: string;
  /** Deployment task; default "deploy". */
  readonly task: string;
  /** Description template; default "". */
  readonly description: string;
  /** Payload template (string leaves are templated); default {}. */
  readonly payload: { readonly [key: string]: JsonValue };
  /**
   * Contexts (commit statuses or check runs) that must succeed. `undefined` means every check
   * reported on the commit must succeed (GitHub's own meaning); `[]` means no gate.
   */
  readonly requiredContexts: readonly string[] | undefined;
  readonly autoMerge: boolean;
  readonly transientEnvironment: boolean;
  readonly productionEnvironment: boolean;
  /**
   * Who may deploy this target with a command: GitHub logins and `org/team` slugs. `undefined`
   * means anyone with write or admin permission on the repository.
   */
  readonly deployers: readonly string[] | undefined;
  /**
   * Who may `--force` a deploy past its checks and break someone else's lock: logins and
   * `org/team` slugs. `undefined` means anyone with admin permission on the repository.
   */
  readonly admins: readonly string[] | undefined;
  /** Whether pull requests from forks may deploy this target (commands and `pr` auto-deploys); default false. */
  readonly allowForks: boolean;
  /** Whether draft pull requests may deploy this target; default true. */
  readonly allowDrafts: boolean;
  /** Commits landing on the branch wait for its merge queue to drain, then only the newest deploys; undefined: off (the default). */
  readonly coalesce: CoalesceRule | undefined;
  /** Names of the inbound deploy hooks that may deploy this target; default [] (none). */
  readonly hooks: readonly string[];
  /** Whether a hook deploy must pass `requiredContexts` first (else only GitHub verifies them); default true. */
  readonly hookChecks: boolean;
  /** How long a deployment Deliverybot created may wait for its first status before the watchdog fires; default 10 minutes. */
  readonly stuckAfterMs: number;
  /** How long such a deployment may stay unfinished after its newest status before the watchdog fires; default an hour. */
  readonly timeoutMs: number;
  /** The freeze windows that hold this target: the repository-wide ones first, then its own. */
  readonly freezes: readonly FreezeWindow[];
  /** The targets whose successful deployments this one promotes (every one of them must have succeeded); [] for none. */
  readonly promoteFrom: readonly string[];
  /** How long a commit must have succeeded upstream before it is promoted; 0 for at once. */
  readonly soakMs: number;
  /** Which changed files make a push or pull request auto-deploy it; undefined: any change does. */
  readonly pathFilter: PathFilter | undefined;
  /** Who must approve its deploys; undefined: nobody. */
  readonly approvals: ApprovalRule | undefined;
}

/**
 * A target's `paths` or `paths_ignore` (never both): patterns in GitHub Actions' filter syntax, in
 * the order written, `!` kept on the patterns that exclude.
 */
export interface PathFilter {
  /** `paths`: some changed file must match. `paths_ignore`: some changed file must match none. */
  readonly kind: "paths" | "paths_ignore";
  readonly patterns: readonly string[];
}

/** A day of the week as ISO 8601 numbers it: 1 is Monday, 7 is Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A freeze window with its defaults applied. */
export type FreezeWindow =
  | {
      /** On each of `days`, from `fromMinute` to `toMinute` (minutes after midnight in `timeZone`); it runs into the next day when `toMinute` is not after `fromMinute`. */
      readonly kind: "weekly";
      readonly days: readonly IsoWeekday[];
      readonly fromMinute: number;
      /** 1 to 1440 (the end of the day). */
      readonly toMinute: number;
      /** An IANA time zone. */
      readonly timeZone: string;
      readonly reason: string | null;
    }
  | {
      /** From `startMs` to `endMs` (epoch milliseconds). */
      readonly kind: "dated";
      readonly startMs: number;
      readonly endMs: number;
      /** The zone its times were written in: where they are shown. */
      readonly timeZone: string;
      readonly reason: string | null;
    };

/** A loaded, valid configuration. */
export interface DeployConfig {
  /** The format the repository wrote; v1 files are migrated to the v2 model on load. */
  readonly sourceVersion: 1 | 2;
  readonly targets: readonly Target[];
  /** The target `/deploy` without a target name deploys; v2 `default_target`. */
  readonly defaultTarget: string | undefined;
  /** What starts a command in a comment; v2 `command_prefix`, default "/". */
  readonly commandPrefix: string;
  /** Where deployment notifications go; v2 `notifications`, default none. */
  readonly notifications: readonly NotificationRoute[];
}

/** One `notifications` entry: a registered channel, and which events of which environments it gets. */
export interface NotificationRoute {
  readonly channel: string;
  /** Undefined: every event. */
  readonly states: readonly NotificationEvent[] | undefined;
  /** Environment name patterns (`*` matches any run of characters); undefined: every environment. */
  readonly environments: readonly string[] | undefined;
}

/** The variables `${{ … }}` templates may use. */
export const TEMPLATE_VARIABLES = ["ref", "sha", "short_sha", "pr", "target", "owner", "repo"] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = { readonly [K in TemplateVariable]: string };

/** One problem found in a configuration file, precise enough to fix without guessing. */
export interface ConfigProblem {
  /** Repository-relative file, e.g. `.github/deploy.yml` or `acme/.github:.github/deploy.yml`. */
  readonly file: string;
  /** 1-based line, when the problem can be located in the file. */
  readonly line?: number;
  /** Dotted key path, e.g. `production.required_contexts[1]`; "" for the whole document. */
  readonly key: string;
  /** What is wrong and how to fix it, one or two sentences. */
  readonly message: string;
}
