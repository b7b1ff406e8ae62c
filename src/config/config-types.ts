// THIS FILE IS GENERATED - DO NOT EDIT. Run npm run generate.
// Source: src/config/schema.ts, the JSON Schema of .github/deploy.yml.

/**
 * Deliverybot configuration (.github/deploy.yml)
 *
 * Which targets Deliverybot deploys, when, and with which GitHub deployment settings. Write
 * `version: 2` and list the targets under `targets:`; a file without `version` is read in the
 * original Deliverybot (v1) format, where every top-level key is a target.
 */
export type DeployFile = DeployFileV2 | DeployFileV1;

/** The current format (v2). */
export interface DeployFileV2 {
  /** Format version: `2`. Omit `version` only for the original Deliverybot (v1) format. */
  readonly version: 2;
  /** The deployment targets, by name (letters, digits, `-`, `_`, `.`). */
  readonly targets: {
    readonly [key: string]: TargetV2;
  };
  /**
   * The target a deploy command without a target name (`/deploy`) deploys. It must be one of the
   * targets under `targets:`. Without it, `/deploy` must name a target and the reply lists them.
   */
  readonly default_target?: string;
  /**
   * What starts a command in a pull request comment: `/` reads `/deploy`; `deliverybot ` (ending in
   * one space) reads `deliverybot deploy`. 1 to 20 characters without spaces, except one space at
   * the end.
   *
   * @default "/"
   */
  readonly command_prefix?: string;
  /**
   * Where Deliverybot announces what happens to this repository's deployments (any deployment,
   * whoever created it): each entry names a registered channel and may narrow the events and
   * environments. Inherited through `_extends` like any key, so an organisation can notify once for
   * all its repositories.
   *
   * @default []
   */
  readonly notifications?: readonly NotificationRoute[];
  /**
   * Freeze windows (weekly or dated). At the top level they hold every target; under a target, that
   * target too. Inherited through `_extends` like any key: an organisation can freeze all its
   * repositories at once.
   */
  readonly freezes?: readonly FreezeWindow[];
  /**
   * Inherit settings from another repository's file, e.g. `my-org/.github` or
   * `my-org/.github:deploy/base.yml`. Resolved by Probot before validation; this file's values win,
   * lists replace inherited lists.
   */
  readonly _extends?: string;
}

/** The original Deliverybot format (v1): every top-level key except `_extends` is a target. */
export interface DeployFileV1 {
  /**
   * Inherit settings from another repository's file, e.g. `my-org/.github` or
   * `my-org/.github:deploy/base.yml`. Resolved by Probot before validation; this file's values win,
   * lists replace inherited lists.
   */
  readonly _extends?: string;
  readonly [key: string]: TargetV1 | string | undefined;
}

/** One deployment target. */
export interface TargetV2 {
  /**
   * Deploy on its own when this happens: one pattern or a list of them. A full ref pattern such as
   * `refs/heads/main`, `refs/heads/release-*` or `refs/tags/v*` (`*` matches any run of characters,
   * `/` included), or `pr` for every pull request's head commit. Omit it for a target that never
   * deploys on its own.
   */
  readonly auto_deploy_on?: string | readonly string[];
  /**
   * Name of the GitHub environment to deploy to. May use the templates `${{ ref }}`, `${{ sha }}`,
   * `${{ short_sha }}`, `${{ pr }}`, `${{ target }}`, `${{ owner }}` and `${{ repo }}`.
   *
   * @default "production"
   */
  readonly environment?: string;
  /**
   * Deployment task passed to GitHub, read by the workflow that ships, e.g. `deploy` or
   * `deploy:migrations`.
   *
   * @default "deploy"
   */
  readonly task?: string;
  /**
   * Short description shown on the deployment in GitHub. May use the templates `${{ ref }}`,
   * `${{ sha }}`, `${{ short_sha }}`, `${{ pr }}`, `${{ target }}`, `${{ owner }}` and
   * `${{ repo }}`.
   *
   * @default ""
   */
  readonly description?: string;
  /**
   * Extra JSON passed to the workflow that ships (the deployment's `payload`). Every string value,
   * at any depth, may use the templates `${{ ref }}`, `${{ sha }}`, `${{ short_sha }}`,
   * `${{ pr }}`, `${{ target }}`, `${{ owner }}` and `${{ repo }}`; keys are not templated.
   *
   * @default {}
   */
  readonly payload?: { readonly [key: string]: unknown };
  /**
   * Commit statuses or check runs that must succeed before deploying. Omitted: every check reported
   * on the commit must succeed (GitHub's own rule). `[]`: no gate at all.
   */
  readonly required_contexts?: readonly string[];
  /**
   * GitHub's `auto_merge`: merge the default branch into the ref first. Deliverybot deploys the
   * checked commit (a SHA), which GitHub cannot merge into, so leave it false; it is sent
   * explicitly either way.
   *
   * @default false
   */
  readonly auto_merge?: boolean;
  /**
   * The environment is temporary (e.g. one per pull request); it is marked inactive when the pull
   * request closes.
   *
   * @default false
   */
  readonly transient_environment?: boolean;
  /**
   * The environment is one your users interact with (GitHub's `production_environment`).
   *
   * @default false
   */
  readonly production_environment?: boolean;
  /**
   * Who may deploy this target with a command in a pull request comment: GitHub logins and teams
   * (`org/team-slug`). Omitted: anyone with write or admin permission on the repository. `[]`:
   * repository admins only (they always may).
   */
  readonly deployers?: readonly string[];
  /**
   * Who may `--force` a deploy of this target past its checks and break someone else's lock: GitHub
   * logins and teams (`org/team-slug`). Omitted: anyone with admin permission on the repository.
   * `[]`: repository admins only (they always may).
   */
  readonly admins?: readonly string[];
  /**
   * Pull requests from forks may deploy this target, by command or by a `pr` auto-deploy. Off by
   * default: a fork's commits come from someone without write access, and deploying them runs that
   * code in the target's environment.
   *
   * @default false
   */
  readonly allow_forks?: boolean;
  /**
   * Draft pull requests may deploy this target. Set it to `false` to wait until a pull request is
   * ready for review.
   *
   * @default true
   */
  readonly allow_drafts?: boolean;
  /**
   * With a merge queue: while merge groups for the target's branch are still in the queue, commits
   * that land on it wait (`waiting_for_merge_queue`); when the queue drains, only the newest green
   * one deploys and the others are `superseded`. `true`, or `{ group_timeout: 2h }` to set how long
   * one merge group holds them at most after it entered the queue (default `1h`, at most `24h`; set
   * it to the queue's status check timeout), so a group whose `destroyed` webhook never came stops
   * holding. Off by default: every landed commit deploys once its checks pass.
   *
   * @default false
   */
  readonly coalesce?: boolean | {
    /**
     * How long one merge group holds the landed commits at most, counted from when it entered the
     * queue: a group whose `destroyed` webhook never came stops holding then. Set it to the merge
     * queue's status check timeout (GitHub's default is an hour); at most `24h`.
     *
     * @default "1h"
     */
    readonly group_timeout?: string;
  };
  /**
   * Inbound deploy hooks (`POST /hooks/deploy/<hook-id>`) that may deploy this target, by the names
   * they were created with. Omitted or `[]`: no hook may deploy it. A hook's secret lives in
   * Deliverybot's store, never in this file.
   *
   * @default []
   */
  readonly hooks?: readonly string[];
  /**
   * A hook deploy must pass this target's `required_contexts` like any other deploy; while they are
   * not green the hook is refused (it does not wait). `false`: only GitHub's own verification of
   * `required_contexts` when the deployment is created.
   *
   * @default true
   */
  readonly hook_checks?: boolean;
  /**
   * How long a deployment Deliverybot created may wait for its first status of any kind (nobody
   * picked it up: did a workflow run `on: deployment`?) before the watchdog marks it `error` and
   * says so. A duration such as `90s`, `10m` or `1h`.
   *
   * @default "10m"
   */
  readonly stuck_after?: string;
  /**
   * How long a deployment Deliverybot created may stay unfinished after its newest status
   * (`in_progress`, or `queued` and `pending`) before the watchdog marks it `error` and says so. A
   * duration such as `30m`, `1h` or `1h30m`.
   *
   * @default "1h"
   */
  readonly timeout?: string;
  /**
   * Deploy on its own only when a file matching these patterns changed, like GitHub Actions'
   * `on.push.paths`: patterns apply in order and the last one matching a file decides, so `!`
   * excludes files that earlier patterns included. A push is compared with the ref's previous
   * commit, a pull request with its base; when the changed files cannot be known (a new branch
   * without new commits), it deploys. Tag pushes, commands and hooks are not filtered. Omitted:
   * every change deploys. Cannot be combined with `paths_ignore`.
   */
  readonly paths?: readonly string[];
  /**
   * Do not deploy on its own when every changed file matches one of these patterns, like GitHub
   * Actions' `on.push.paths-ignore` (no `!` here). Filtered like `paths`, which it cannot be
   * combined with. Omitted: every change deploys.
   */
  readonly paths_ignore?: readonly string[];
  /**
   * Freeze windows (weekly or dated). At the top level they hold every target; under a target, that
   * target too. Inherited through `_extends` like any key: an organisation can freeze all its
   * repositories at once.
   */
  readonly freezes?: readonly FreezeWindow[];
  /**
   * Promote commits from these targets (one name or a list): when a commit's deployment to each of
   * them succeeded and stayed the environment's newest for `soak`, it deploys here, once, through
   * this target's own gates (checks, locks, freezes). A failed or replaced upstream deployment
   * drops the promotion.
   */
  readonly promote_from?: string | readonly string[];
  /**
   * How long a commit must have succeeded in the `promote_from` targets before it is promoted here,
   * e.g. `30m` or `2h`. Omitted: as soon as it succeeded.
   */
  readonly soak?: string;
  /**
   * Deploys of this target wait until enough people approved the commit for it with `/approve`
   * (reason `waiting_for_approval`): auto-deploys, promotions, commands, hooks, the CLI and the
   * dashboard wait and go once approved (each request once, through every gate again), a deployment
   * protection rule request is held. Approvals belong to one commit and one target: a new commit
   * starts over. A `/reject` drops what waits.
   */
  readonly approvals?: {
    /** How many different people must approve. */
    readonly required: number;
    /**
     * Who may approve: GitHub logins and teams (`org/team-slug`). Omitted: anyone with write or
     * admin permission on the repository.
     */
    readonly from?: readonly string[];
    /**
     * Whether whoever asked for the deploy may approve it: the pull request's author, or the person
     * who started a workflow run a protection rule holds.
     *
     * @default false
     */
    readonly self_approval?: boolean;
    /** How long an approval counts, e.g. `24h`. Omitted: as long as the commit is not deployed. */
    readonly expires?: string;
  };
}

/** One deployment target in the original Deliverybot (v1) format. */
export interface TargetV1 {
  /**
   * Deploy on its own when this happens: one pattern (a list needs `version: 2`). A full ref
   * pattern such as `refs/heads/main`, `refs/heads/release-*` or `refs/tags/v*` (`*` matches any
   * run of characters, `/` included), or `pr` for every pull request's head commit. Omit it for a
   * target that never deploys on its own.
   */
  readonly auto_deploy_on?: string;
  /**
   * Name of the GitHub environment to deploy to. May use the templates `${{ ref }}`, `${{ sha }}`,
   * `${{ short_sha }}`, `${{ pr }}`, `${{ target }}`, `${{ owner }}` and `${{ repo }}`.
   *
   * @default "production"
   */
  readonly environment?: string;
  /**
   * Deployment task passed to GitHub, read by the workflow that ships, e.g. `deploy` or
   * `deploy:migrations`.
   *
   * @default "deploy"
   */
  readonly task?: string;
  /**
   * Short description shown on the deployment in GitHub. May use the templates `${{ ref }}`,
   * `${{ sha }}`, `${{ short_sha }}`, `${{ pr }}`, `${{ target }}`, `${{ owner }}` and
   * `${{ repo }}`.
   *
   * @default ""
   */
  readonly description?: string;
  /**
   * Extra JSON passed to the workflow that ships (the deployment's `payload`). Every string value,
   * at any depth, may use the templates `${{ ref }}`, `${{ sha }}`, `${{ short_sha }}`,
   * `${{ pr }}`, `${{ target }}`, `${{ owner }}` and `${{ repo }}`; keys are not templated.
   *
   * @default {}
   */
  readonly payload?: { readonly [key: string]: unknown };
  /**
   * Commit statuses or check runs that must succeed before deploying. In v1 an omitted list means
   * no gate (`[]`), as in the original Deliverybot.
   *
   * @default []
   */
  readonly required_contexts?: readonly string[];
  /**
   * GitHub's `auto_merge`: merge the default branch into the ref first. Deliverybot deploys the
   * checked commit (a SHA), which GitHub cannot merge into, so leave it false; it is sent
   * explicitly either way.
   *
   * @default false
   */
  readonly auto_merge?: boolean;
  /**
   * The environment is temporary (e.g. one per pull request); it is marked inactive when the pull
   * request closes.
   *
   * @default false
   */
  readonly transient_environment?: boolean;
  /**
   * The environment is one your users interact with (GitHub's `production_environment`).
   *
   * @default false
   */
  readonly production_environment?: boolean;
  /**
   * Who may deploy this target with a command in a pull request comment: GitHub logins and teams
   * (`org/team-slug`). Omitted: anyone with write or admin permission on the repository. `[]`:
   * repository admins only (they always may).
   */
  readonly deployers?: readonly string[];
  /**
   * Who may `--force` a deploy of this target past its checks and break someone else's lock: GitHub
   * logins and teams (`org/team-slug`). Omitted: anyone with admin permission on the repository.
   * `[]`: repository admins only (they always may).
   */
  readonly admins?: readonly string[];
  /**
   * Pull requests from forks may deploy this target, by command or by a `pr` auto-deploy. Off by
   * default: a fork's commits come from someone without write access, and deploying them runs that
   * code in the target's environment.
   *
   * @default false
   */
  readonly allow_forks?: boolean;
  /**
   * Draft pull requests may deploy this target. Set it to `false` to wait until a pull request is
   * ready for review.
   *
   * @default true
   */
  readonly allow_drafts?: boolean;
  /**
   * With a merge queue: while merge groups for the target's branch are still in the queue, commits
   * that land on it wait (`waiting_for_merge_queue`); when the queue drains, only the newest green
   * one deploys and the others are `superseded`. `true`, or `{ group_timeout: 2h }` to set how long
   * one merge group holds them at most after it entered the queue (default `1h`, at most `24h`; set
   * it to the queue's status check timeout), so a group whose `destroyed` webhook never came stops
   * holding. Off by default: every landed commit deploys once its checks pass.
   *
   * @default false
   */
  readonly coalesce?: boolean | {
    /**
     * How long one merge group holds the landed commits at most, counted from when it entered the
     * queue: a group whose `destroyed` webhook never came stops holding then. Set it to the merge
     * queue's status check timeout (GitHub's default is an hour); at most `24h`.
     *
     * @default "1h"
     */
    readonly group_timeout?: string;
  };
  /**
   * Inbound deploy hooks (`POST /hooks/deploy/<hook-id>`) that may deploy this target, by the names
   * they were created with. Omitted or `[]`: no hook may deploy it. A hook's secret lives in
   * Deliverybot's store, never in this file.
   *
   * @default []
   */
  readonly hooks?: readonly string[];
  /**
   * A hook deploy must pass this target's `required_contexts` like any other deploy; while they are
   * not green the hook is refused (it does not wait). `false`: only GitHub's own verification of
   * `required_contexts` when the deployment is created.
   *
   * @default true
   */
  readonly hook_checks?: boolean;
  /**
   * How long a deployment Deliverybot created may wait for its first status of any kind (nobody
   * picked it up: did a workflow run `on: deployment`?) before the watchdog marks it `error` and
   * says so. A duration such as `90s`, `10m` or `1h`.
   *
   * @default "10m"
   */
  readonly stuck_after?: string;
  /**
   * How long a deployment Deliverybot created may stay unfinished after its newest status
   * (`in_progress`, or `queued` and `pending`) before the watchdog marks it `error` and says so. A
   * duration such as `30m`, `1h` or `1h30m`.
   *
   * @default "1h"
   */
  readonly timeout?: string;
  /**
   * Deploy on its own only when a file matching these patterns changed, like GitHub Actions'
   * `on.push.paths`: patterns apply in order and the last one matching a file decides, so `!`
   * excludes files that earlier patterns included. A push is compared with the ref's previous
   * commit, a pull request with its base; when the changed files cannot be known (a new branch
   * without new commits), it deploys. Tag pushes, commands and hooks are not filtered. Omitted:
   * every change deploys. Cannot be combined with `paths_ignore`.
   */
  readonly paths?: readonly string[];
  /**
   * Do not deploy on its own when every changed file matches one of these patterns, like GitHub
   * Actions' `on.push.paths-ignore` (no `!` here). Filtered like `paths`, which it cannot be
   * combined with. Omitted: every change deploys.
   */
  readonly paths_ignore?: readonly string[];
  /**
   * Freeze windows (weekly or dated). At the top level they hold every target; under a target, that
   * target too. Inherited through `_extends` like any key: an organisation can freeze all its
   * repositories at once.
   */
  readonly freezes?: readonly FreezeWindow[];
  /**
   * Promote commits from these targets (one name or a list): when a commit's deployment to each of
   * them succeeded and stayed the environment's newest for `soak`, it deploys here, once, through
   * this target's own gates (checks, locks, freezes). A failed or replaced upstream deployment
   * drops the promotion.
   */
  readonly promote_from?: string | readonly string[];
  /**
   * How long a commit must have succeeded in the `promote_from` targets before it is promoted here,
   * e.g. `30m` or `2h`. Omitted: as soon as it succeeded.
   */
  readonly soak?: string;
  /**
   * Deploys of this target wait until enough people approved the commit for it with `/approve`
   * (reason `waiting_for_approval`): auto-deploys, promotions, commands, hooks, the CLI and the
   * dashboard wait and go once approved (each request once, through every gate again), a deployment
   * protection rule request is held. Approvals belong to one commit and one target: a new commit
   * starts over. A `/reject` drops what waits.
   */
  readonly approvals?: {
    /** How many different people must approve. */
    readonly required: number;
    /**
     * Who may approve: GitHub logins and teams (`org/team-slug`). Omitted: anyone with write or
     * admin permission on the repository.
     */
    readonly from?: readonly string[];
    /**
     * Whether whoever asked for the deploy may approve it: the pull request's author, or the person
     * who started a workflow run a protection rule holds.
     *
     * @default false
     */
    readonly self_approval?: boolean;
    /** How long an approval counts, e.g. `24h`. Omitted: as long as the commit is not deployed. */
    readonly expires?: string;
  };
  /**
   * Legacy list (v1 only): the first entry's fields fill the fields the target does not set; other
   * entries are ignored. Move its fields into the target instead.
   */
  readonly deployments?: readonly LegacyDeployment[];
}

/** One legacy `deployments` entry; only the first entry is used. */
export interface LegacyDeployment {
  /** Task to use when the target sets none. */
  readonly task?: string;
  /** `auto_merge` to use when the target sets none. */
  readonly auto_merge?: boolean;
  /** Payload to use when the target sets none. */
  readonly payload?: { readonly [key: string]: unknown };
  /** Environment to use when the target sets none. */
  readonly environment?: string;
  /** Description to use when the target sets none. */
  readonly description?: string;
}

/** One place deployment notifications go, and which of them. */
export interface NotificationRoute {
  /**
   * The name a channel was registered with on the app (`deliverybot notify add <owner> <name>`) for
   * this repository's owner. Its URL and secret live in Deliverybot, never in this file.
   */
  readonly channel: string;
  /**
   * Which events notify: `created`, `started`, `succeeded`, `failed`, `inactive`, `deleted`
   * (Deliverybot found the deployment gone) and `stuck` (the watchdog marked it `error`). Omitted:
   * all of them.
   */
  readonly states?: readonly ("created" | "started" | "succeeded" | "failed" | "inactive" | "deleted" | "stuck")[];
  /**
   * Which environments notify, by name (`*` matches any run of characters). Omitted: every
   * environment.
   */
  readonly environments?: readonly string[];
}

/**
 * A time during which nothing deploys on its own: weekly (`days`, with `from` and `to` times of
 * day) or dated (`from` and `to` dates). Auto-deploys wait and go out when it ends; commands, hooks
 * and the CLI are refused with the reason `frozen` and the end time, unless a target's admin
 * deploys with `--force`.
 */
export interface FreezeWindow {
  /**
   * Makes the window weekly: it starts on each of these days at `from` and ends at `to` (the next
   * day when `to` is not after `from`). Windows that meet or overlap count as one freeze.
   */
  readonly days?: readonly ("mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun")[];
  /**
   * Weekly: the time of day it starts, `HH:MM` (default `00:00`). Dated: when it starts, a date
   * (`2026-12-24`, its midnight) or a date-time (`2026-12-24T18:00`), in `time_zone` unless it
   * carries an offset.
   */
  readonly from?: string;
  /**
   * Weekly: the time of day it ends, `HH:MM` (default `24:00`, the end of the day). Dated: when it
   * ends, a date (its midnight, so `2027-01-04` ends as 3 January ends) or a date-time.
   */
  readonly to?: string;
  /**
   * The IANA time zone `from` and `to` are in, e.g. `Europe/Berlin` or `America/New_York`; daylight
   * saving time is followed.
   *
   * @default "UTC"
   */
  readonly time_zone?: string;
  /** Why, shown wherever the freeze stops a deploy. */
  readonly reason?: string;
}
