/** One schema change. Ids only grow; an applied migration is never edited, a new one is added. */
export interface Migration {
  readonly id: number;
  readonly name: string;
  /** Plain PostgreSQL (15+), shared by PGlite and a PostgreSQL server. */
  readonly sql: string;
}

const initialSchema = `
CREATE TABLE deliveries (
  id          text PRIMARY KEY,
  event       text NOT NULL,
  action      text,
  status      text NOT NULL CHECK (status IN ('processing', 'done', 'failed')),
  error       text,
  received_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

CREATE TABLE checks (
  repo_id     bigint NOT NULL,
  sha         text NOT NULL,
  context     text NOT NULL,
  source      text NOT NULL CHECK (source IN ('status', 'check_run')),
  outcome     text NOT NULL CHECK (outcome IN ('pending', 'success', 'failure')),
  external_id bigint NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (repo_id, sha, context)
);

CREATE TABLE pending_deploys (
  repo_id         bigint NOT NULL,
  target          text NOT NULL,
  ref             text NOT NULL,
  sha             text NOT NULL,
  pr              bigint,
  trigger         text NOT NULL CHECK (trigger IN ('push', 'pull_request')),
  owner           text NOT NULL,
  repo            text NOT NULL,
  installation_id bigint NOT NULL,
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_error      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (repo_id, target, ref)
);
CREATE INDEX pending_deploys_repo_sha ON pending_deploys (repo_id, sha);
CREATE INDEX pending_deploys_next_attempt ON pending_deploys (next_attempt_at)
  WHERE next_attempt_at IS NOT NULL;

CREATE TABLE decisions (
  id          bigserial PRIMARY KEY,
  repo_id     bigint NOT NULL,
  target      text,
  ref         text NOT NULL,
  sha         text NOT NULL,
  pr          bigint,
  reason      text NOT NULL,
  message     text NOT NULL,
  delivery_id text,
  created_at  timestamptz NOT NULL
);
CREATE INDEX decisions_repo_created ON decisions (repo_id, created_at DESC);
CREATE INDEX decisions_repo_sha ON decisions (repo_id, sha);
CREATE INDEX decisions_repo_target_created ON decisions (repo_id, target, created_at DESC);

CREATE TABLE deploy_claims (
  repo_id     bigint NOT NULL,
  environment text NOT NULL,
  sha         text NOT NULL,
  target      text NOT NULL,
  ref         text NOT NULL,
  pr          bigint,
  transient   boolean NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  -- sha before environment: also serves "which environments have this commit?"
  PRIMARY KEY (repo_id, sha, environment)
);

CREATE TABLE deployments (
  id          bigint PRIMARY KEY,
  repo_id     bigint NOT NULL,
  environment text NOT NULL,
  sha         text NOT NULL,
  ref         text NOT NULL,
  task        text NOT NULL,
  target      text,
  pr          bigint,
  transient   boolean NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX deployments_repo_env_created ON deployments (repo_id, environment, created_at DESC);
CREATE INDEX deployments_repo_sha_env ON deployments (repo_id, sha, environment);
CREATE INDEX deployments_repo_pr ON deployments (repo_id, pr) WHERE pr IS NOT NULL;

-- No foreign key to deployments: a status webhook may arrive before (or without) its deployment.
CREATE TABLE deployment_statuses (
  id              bigint PRIMARY KEY,
  deployment_id   bigint NOT NULL,
  state           text NOT NULL,
  description     text,
  environment_url text,
  log_url         text,
  created_at      timestamptz NOT NULL
);
CREATE INDEX deployment_statuses_deployment_created
  ON deployment_statuses (deployment_id, created_at DESC, id DESC);
`;

// Issue 3: commands and locks.
// A claim now says what it dedupes (`via`): existing claims were all auto-deploys. The default
// only fills existing rows; it is dropped so every new claim must say what it is. The key keeps
// sha before environment so it still serves "which environments have this commit?".
const commandsAndLocks = `
ALTER TABLE deploy_claims ADD COLUMN via text NOT NULL DEFAULT 'auto'
  CONSTRAINT deploy_claims_via_check CHECK (via = 'auto' OR via ~ '^comment:[0-9]+$');
ALTER TABLE deploy_claims ALTER COLUMN via DROP DEFAULT;
ALTER TABLE deploy_claims DROP CONSTRAINT deploy_claims_pkey;
ALTER TABLE deploy_claims ADD CONSTRAINT deploy_claims_pkey PRIMARY KEY (repo_id, sha, environment, via);

-- environment '*' is a lock on every environment of the repository.
CREATE TABLE locks (
  repo_id     bigint NOT NULL,
  environment text NOT NULL,
  target      text,
  owner       text NOT NULL,
  pr          bigint,
  reason      text,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz,
  PRIMARY KEY (repo_id, environment)
);
CREATE INDEX locks_repo_pr ON locks (repo_id, pr) WHERE pr IS NOT NULL;
CREATE INDEX locks_expires ON locks (expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE command_replies (
  repo_id    bigint NOT NULL,
  comment_id bigint NOT NULL,
  reply_id   bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (repo_id, comment_id)
);

CREATE TABLE pull_request_heads (
  repo_id    bigint NOT NULL,
  pr         bigint NOT NULL,
  sha        text NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (repo_id, pr)
);
`;

// Issue 4: inbound deploy hooks. A hook belongs to one repository; only its token's SHA-256 is
// kept. Names need not be unique: several hooks may share one (a target lists the name), which
// lets a token be rotated without a window where the hook is refused.
// A hook claim dedupes one request of one hook, whatever commit it resolved to: the partial unique
// index makes a repeated request id a conflict even after its ref moved on.
const deployHooks = `
CREATE TABLE hooks (
  id              text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{22,64}$'),
  repo_id         bigint NOT NULL,
  owner           text NOT NULL,
  repo            text NOT NULL,
  installation_id bigint NOT NULL,
  name            text NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  token_hash      text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at      timestamptz NOT NULL,
  revoked_at      timestamptz
);
CREATE INDEX hooks_repo ON hooks (repo_id, created_at);

ALTER TABLE deploy_claims DROP CONSTRAINT deploy_claims_via_check;
ALTER TABLE deploy_claims ADD CONSTRAINT deploy_claims_via_check CHECK (
  via = 'auto'
  OR via ~ '^comment:[0-9]+$'
  OR via ~ '^hook:[A-Za-z0-9_-]{22,64}:[A-Za-z0-9._-]{1,100}$'
);
CREATE UNIQUE INDEX deploy_claims_hook_request ON deploy_claims (repo_id, via) WHERE via LIKE 'hook:%';
`;

// Issue 4: `deliverybot deploy` through the admin API. An admin claim (`admin:<request-id>`) dedupes
// one request, whatever commit it resolved to, exactly like a hook claim: its own partial unique index.
const adminDeploys = `
ALTER TABLE deploy_claims DROP CONSTRAINT deploy_claims_via_check;
ALTER TABLE deploy_claims ADD CONSTRAINT deploy_claims_via_check CHECK (
  via = 'auto'
  OR via ~ '^comment:[0-9]+$'
  OR via ~ '^hook:[A-Za-z0-9_-]{22,64}:[A-Za-z0-9._-]{1,100}$'
  OR via ~ '^admin:[A-Za-z0-9._-]{1,100}$'
);
CREATE UNIQUE INDEX deploy_claims_admin_request ON deploy_claims (repo_id, via) WHERE via LIKE 'admin:%';
`;

// Issue 5: the durable queue. A delivery row now carries the verified webhook until a worker
// processed it (the payload is dropped then; the row stays to recognise redeliveries). `seq` orders
// the queue; a `running` row belongs to whoever holds `claim_token` until `lease_until`, after which
// any worker may take it again (its process died). Rows from before the queue have no payload:
// processed ones are done, the others are parked (GitHub can redeliver them).
const durableQueue = `
ALTER TABLE deliveries DROP CONSTRAINT deliveries_status_check;
UPDATE deliveries SET status = 'parked',
  error = coalesce(error, 'received before the durable queue; redeliver it from GitHub to process it')
  WHERE status <> 'done';
ALTER TABLE deliveries
  ADD CONSTRAINT deliveries_status_check CHECK (status IN ('queued', 'running', 'done', 'parked')),
  ADD COLUMN seq             bigserial,
  ADD COLUMN repo_id         bigint,
  ADD COLUMN installation_id bigint,
  ADD COLUMN payload         text,
  ADD COLUMN attempts        integer NOT NULL DEFAULT 0,
  ADD COLUMN run_at          timestamptz,
  ADD COLUMN lease_until     timestamptz,
  ADD COLUMN claim_token     text;
CREATE INDEX deliveries_open ON deliveries (seq) WHERE status IN ('queued', 'running');
CREATE INDEX deliveries_running_repo ON deliveries (repo_id) WHERE status = 'running';
CREATE INDEX deliveries_parked ON deliveries (received_at) WHERE status = 'parked';
`;

// Issue 5: exactly once across crashes. A claim is an intent until the deployment it led to is
// recorded (`settled_at`); an intent older than its lease belonged to a process that died between
// claiming and recording, and is reconciled with GitHub's list before anything is created again.
// Existing claims all predate this and count as settled.
const claimIntents = `
ALTER TABLE deploy_claims ADD COLUMN settled_at timestamptz, ADD COLUMN deployment_id bigint;
UPDATE deploy_claims SET settled_at = created_at;
`;

// Processed deliveries are kept a week to recognise GitHub's redeliveries, then pruned in batches.
const pruneDone = `
CREATE INDEX deliveries_done_finished ON deliveries (finished_at) WHERE status = 'done';
`;

// A queued payload is read once and dropped when processed: it is stored out of line without
// compression, which took about a quarter of the write an acknowledgement waits for.
const uncompressedPayloads = `
ALTER TABLE deliveries ALTER COLUMN payload SET STORAGE EXTERNAL;
`;

// Issue 11: deployment history. Who asked for a deployment and what started it, its description;
// the newest status is the one with the highest GitHub id (webhooks arrive out of order), and old
// deployments are pruned by creation time.
const deploymentHistory = `
ALTER TABLE deployments
  ADD COLUMN creator     text,
  ADD COLUMN trigger     text CHECK (trigger IN ('auto', 'command', 'hook', 'cli', 'external')),
  ADD COLUMN description text;
DROP INDEX deployment_statuses_deployment_created;
CREATE INDEX deployment_statuses_deployment_id ON deployment_statuses (deployment_id, id DESC);
CREATE INDEX deployments_created ON deployments (created_at);
`;

// Issue 11: the watchdog. Each deployment Deliverybot creates is watched (from when it was created,
// by the app's clock) until it gets a status that ends it or the watchdog fires; a watchdog claims
// a due watch under a lease, so one instance fires it, and another takes over if that one dies
// before it is done.
const deploymentWatches = `
CREATE TABLE deployment_watches (
  deployment_id   bigint PRIMARY KEY,
  repo_id         bigint NOT NULL,
  owner           text NOT NULL,
  repo            text NOT NULL,
  installation_id bigint NOT NULL,
  stuck_after_ms  bigint NOT NULL,
  timeout_ms      bigint NOT NULL,
  watched_at      timestamptz NOT NULL,
  claimed_at      timestamptz
);
`;

// Issue 11: notifications. Channels are registered per account with their URL and secret sealed by
// the app (the store never sees them in clear). Each notification is queued once per channel,
// deployment and event, and sent by leased senders like the webhook queue; `seq` keeps one
// deployment's notifications in order.
const notifications = `
CREATE TABLE notification_channels (
  owner         text NOT NULL,
  name          text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('webhook', 'slack')),
  sealed        text NOT NULL,
  key_id        text NOT NULL,
  url_hint      text NOT NULL,
  allow_private boolean NOT NULL,
  created_at    timestamptz NOT NULL,
  PRIMARY KEY (owner, name)
);

CREATE TABLE notifications (
  seq           bigserial NOT NULL,
  id            text PRIMARY KEY,
  owner         text NOT NULL,
  channel       text NOT NULL,
  repo_id       bigint NOT NULL,
  deployment_id bigint NOT NULL,
  event         text NOT NULL,
  facts         text NOT NULL,
  status        text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'parked')),
  attempts      integer NOT NULL DEFAULT 0,
  run_at        timestamptz,
  lease_until   timestamptz,
  claim_token   text,
  error         text,
  created_at    timestamptz NOT NULL,
  finished_at   timestamptz,
  UNIQUE (owner, channel, deployment_id, event)
);
CREATE INDEX notifications_due ON notifications (run_at) WHERE status = 'queued';
CREATE INDEX notifications_leased ON notifications (lease_until) WHERE status = 'running';
CREATE INDEX notifications_done_finished ON notifications (finished_at) WHERE status = 'done';
`;

// Issue 12: the dashboard. A signed-in user's GitHub token stays on the server, sealed, keyed by
// the session id the cookie carries; the history is listed per repository, newest first.
const dashboard = `
CREATE TABLE dashboard_sessions (
  id           text PRIMARY KEY,
  login        text NOT NULL,
  user_id      bigint NOT NULL,
  token_sealed text NOT NULL,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL
);
CREATE INDEX dashboard_sessions_expires ON dashboard_sessions (expires_at);
CREATE INDEX deployments_repo_created ON deployments (repo_id, created_at DESC, id DESC);
`;

// Issue 12: DORA metrics. A deployment's lead time starts when its commit was made, which only the
// push that brought the commit says; kept per repository and commit, pruned by when it was recorded.
const commitTimes = `
CREATE TABLE commit_times (
  repo_id      bigint NOT NULL,
  sha          text NOT NULL,
  committed_at timestamptz NOT NULL,
  recorded_at  timestamptz NOT NULL,
  PRIMARY KEY (repo_id, sha)
);
CREATE INDEX commit_times_recorded ON commit_times (recorded_at);
`;

// Issue 12: deploys from the dashboard. Each form carries a request id: its claim makes the form
// deploy once, however often it is sent; such deployments are marked as started from the dashboard.
const dashboardDeploys = `
ALTER TABLE deploy_claims DROP CONSTRAINT deploy_claims_via_check;
ALTER TABLE deploy_claims ADD CONSTRAINT deploy_claims_via_check CHECK (
  via = 'auto'
  OR via ~ '^comment:[0-9]+$'
  OR via ~ '^hook:[A-Za-z0-9_-]{22,64}:[A-Za-z0-9._-]{1,100}$'
  OR via ~ '^admin:[A-Za-z0-9._-]{1,100}$'
  OR via ~ '^dashboard:[A-Za-z0-9_-]{16,64}$'
);
CREATE UNIQUE INDEX deploy_claims_dashboard_request ON deploy_claims (repo_id, via) WHERE via LIKE 'dashboard:%';
ALTER TABLE deployments DROP CONSTRAINT deployments_trigger_check;
ALTER TABLE deployments ADD CONSTRAINT deployments_trigger_check
  CHECK (trigger IN ('auto', 'command', 'hook', 'cli', 'dashboard', 'external'));
`;

// Issue 11, measured: a sender's claim took the oldest unfinished notification by scanning every
// notification kept (a week of delivered ones). Like the webhook queue's, it now reads an index of
// the unfinished ones only, and checks a deployment's earlier notifications through another.
const openNotifications = `
CREATE INDEX notifications_open ON notifications (seq) WHERE status IN ('queued', 'running');
CREATE INDEX notifications_open_by_deployment ON notifications (owner, channel, deployment_id, seq)
  WHERE status IN ('queued', 'running');
`;

// Issue 12, measured with 10,000 deployments: a page's version took the newest status of the
// repository by visiting every status of every deployment of it. Each status now carries its
// repository (from its deployment, or set when the deployment is recorded after it), indexed.
const statusRepository = `
ALTER TABLE deployment_statuses ADD COLUMN repo_id bigint;
UPDATE deployment_statuses s SET repo_id = d.repo_id FROM deployments d WHERE d.id = s.deployment_id;
CREATE INDEX deployment_statuses_repo_id ON deployment_statuses (repo_id, id DESC);
`;

// Issue 13: promotions. A deploy promoted from another target waits in pending_deploys like an
// auto-deploy, and its deployments are marked as promotions.
const promotions = `
ALTER TABLE pending_deploys DROP CONSTRAINT pending_deploys_trigger_check;
ALTER TABLE pending_deploys ADD CONSTRAINT pending_deploys_trigger_check
  CHECK (trigger IN ('push', 'pull_request', 'promotion'));
ALTER TABLE deployments DROP CONSTRAINT deployments_trigger_check;
ALTER TABLE deployments ADD CONSTRAINT deployments_trigger_check
  CHECK (trigger IN ('auto', 'promotion', 'command', 'hook', 'cli', 'dashboard', 'external'));
`;

// Issue 12: pages learn that a repository changed from the store itself. Whatever changes its
// version (a deployment, a status, a decision, a lock) notifies the repository's id on a channel
// named after the schema, so every instance can keep versions in memory until told otherwise.
const repositoryChanges = `
CREATE FUNCTION deliverybot_repository_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  repo bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN repo := OLD.repo_id; ELSE repo := NEW.repo_id; END IF;
  IF repo IS NOT NULL THEN
    PERFORM pg_notify(left('deliverybot_' || current_schema(), 63), repo::text);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER deployments_changed AFTER INSERT OR UPDATE ON deployments
  FOR EACH ROW EXECUTE FUNCTION deliverybot_repository_changed();
CREATE TRIGGER deployment_statuses_changed AFTER INSERT OR UPDATE OF repo_id ON deployment_statuses
  FOR EACH ROW EXECUTE FUNCTION deliverybot_repository_changed();
CREATE TRIGGER decisions_changed AFTER INSERT ON decisions
  FOR EACH ROW EXECUTE FUNCTION deliverybot_repository_changed();
CREATE TRIGGER locks_changed AFTER INSERT OR UPDATE OR DELETE ON locks
  FOR EACH ROW EXECUTE FUNCTION deliverybot_repository_changed();
`;

// Issue 13: deployment protection rule requests a lock, a freeze or checks hold, until answered
// (GitHub waits 30 days). A run asks once per environment.
const protectionRequests = `
CREATE TABLE protection_requests (
  repo_id         bigint NOT NULL,
  run_id          bigint NOT NULL,
  environment     text NOT NULL,
  owner           text NOT NULL,
  repo            text NOT NULL,
  installation_id bigint NOT NULL,
  sha             text NOT NULL,
  ref             text NOT NULL,
  pr              bigint,
  requester       text NOT NULL,
  event           text,
  requested_at    timestamptz NOT NULL,
  reason          text,
  message         text,
  wake_at         timestamptz,
  PRIMARY KEY (repo_id, run_id, environment)
);
CREATE INDEX protection_requests_sha ON protection_requests (repo_id, sha);
CREATE INDEX protection_requests_wake_at ON protection_requests (wake_at) WHERE wake_at IS NOT NULL;
CREATE INDEX protection_requests_requested_at ON protection_requests (requested_at);
`;

// Issue 14: who approved or rejected which commit for which target, and when. A person's latest
// word counts; logins are kept lower-cased (GitHub compares them without case).
const approvals = `
CREATE TABLE approvals (
  repo_id    bigint NOT NULL,
  sha        text NOT NULL,
  target     text NOT NULL,
  login      text NOT NULL,
  verdict    text NOT NULL CHECK (verdict IN ('approved', 'rejected')),
  reason     text,
  pr         bigint,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (repo_id, sha, target, login)
);
`;

// Issue 14: the merge queue's groups, from `merge_group` checks_requested until destroyed (kept a
// day): which are in flight for a branch (a `coalesce` target waits for them), and which checks
// reported on their commits (a required check that never does is named). Id 21: 20 is taken.
const mergeGroups = `
CREATE TABLE merge_groups (
  repo_id      bigint NOT NULL,
  head_sha     text NOT NULL,
  base_ref     text NOT NULL,
  pr           bigint,
  requested_at timestamptz NOT NULL,
  destroyed_at timestamptz,
  reason       text,
  PRIMARY KEY (repo_id, head_sha)
);
CREATE INDEX merge_groups_requested_at ON merge_groups (repo_id, requested_at);
CREATE INDEX merge_groups_pr ON merge_groups (repo_id, pr) WHERE pr IS NOT NULL;
CREATE INDEX merge_groups_prune ON merge_groups (requested_at);
`;

/** Every migration, in the order it applies. */
// Issue 14: a deploy a command, a hook, the admin API or the dashboard asked for, waiting for the
// approvals of its target: one per request, with what the request said (the asker, as JSON text),
// to be decided again once approved. Forgotten once decided, or after a week.
const askedDeploys = `
CREATE TABLE asked_deploys (
  repo_id         bigint NOT NULL,
  owner           text NOT NULL,
  repo            text NOT NULL,
  installation_id bigint NOT NULL,
  via             text NOT NULL,
  target          text NOT NULL,
  ref             text NOT NULL,
  sha             text NOT NULL,
  pr              bigint,
  asker           text NOT NULL,
  deployed_before bigint,
  asked_at        timestamptz NOT NULL,
  PRIMARY KEY (repo_id, via)
);
CREATE INDEX asked_deploys_sha ON asked_deploys (repo_id, sha);
CREATE INDEX asked_deploys_asked_at ON asked_deploys (asked_at);
`;

export const MIGRATIONS: readonly Migration[] = [
  { id: 1, name: "initial schema", sql: initialSchema },
  { id: 2, name: "claims by kind, locks, command replies, pull request heads", sql: commandsAndLocks },
  { id: 3, name: "inbound deploy hooks, hook claims", sql: deployHooks },
  { id: 4, name: "admin deploy claims", sql: adminDeploys },
  { id: 5, name: "durable webhook queue", sql: durableQueue },
  { id: 6, name: "claims are intents until settled", sql: claimIntents },
  { id: 7, name: "index to prune processed deliveries", sql: pruneDone },
  { id: 8, name: "uncompressed queued payloads", sql: uncompressedPayloads },
  { id: 9, name: "deployment history", sql: deploymentHistory },
  { id: 10, name: "deployment watchdog", sql: deploymentWatches },
  { id: 11, name: "notification channels and queue", sql: notifications },
  { id: 12, name: "dashboard sessions, history by repository", sql: dashboard },
  { id: 13, name: "commit times, for lead times", sql: commitTimes },
  { id: 14, name: "deploys from the dashboard", sql: dashboardDeploys },
  { id: 15, name: "unfinished notifications by sequence", sql: openNotifications },
  { id: 16, name: "statuses by repository", sql: statusRepository },
  { id: 17, name: "promotions", sql: promotions },
  { id: 18, name: "repository change notifications", sql: repositoryChanges },
  { id: 19, name: "deployment protection rule requests", sql: protectionRequests },
  { id: 20, name: "approvals", sql: approvals },
  { id: 21, name: "merge queue groups", sql: mergeGroups },
  { id: 22, name: "asked deploys waiting for approvals", sql: askedDeploys },
];
