import type { ConfigProblem } from "../../config/model.js";

/** What the repository's configuration came to when the page was made. */
export type ConfigStatus =
  | { readonly kind: "ok"; readonly targets: readonly string[]; readonly defaultTarget: string | undefined }
  | { readonly kind: "invalid"; readonly problems: readonly ConfigProblem[] }
  | { readonly kind: "missing" }
  | { readonly kind: "unavailable" };

/** The default branch's `.github/deploy.yml` as the gates use it: its targets, or its problems with their lines. */
export function ConfigBox(props: { readonly status: ConfigStatus }) {
  const { status } = props;
  if (status.kind === "missing") return <p class="color-fg-muted">No .github/deploy.yml on the default branch.</p>;
  if (status.kind === "unavailable") return <p class="color-fg-muted">GitHub did not answer; the configuration is not shown.</p>;
  if (status.kind === "ok") {
    return (
      <p data-testid="config">
        <span class="Label Label--success mr-2">valid</span>
        Targets: {status.targets.join(", ")}
      </p>
    );
  }
  return (
    <div class="flash flash-error" data-testid="config">
      .github/deploy.yml is invalid:
      <ul class="ml-3">
        {status.problems.map((problem, index) => (
          <li key={index}>
            {problem.file}
            {problem.line === undefined ? "" : `:${problem.line}`} {problem.key === "" ? "" : `${problem.key}: `}
            {problem.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Deploys a branch, tag or commit to a target: a plain form (no JavaScript), with the session's CSRF token and a one-time request id. */
export function DeployForm(props: {
  readonly action: string;
  readonly csrf: string;
  readonly requestId: string;
  readonly targets: readonly string[];
  readonly defaultTarget: string | undefined;
}) {
  return (
    <form method="post" action={props.action} class="d-flex flex-wrap flex-items-center gap-2" data-testid="deploy-form">
      <input type="hidden" name="csrf" value={props.csrf} />
      <input type="hidden" name="request" value={props.requestId} />
      <label class="d-flex flex-items-center gap-1">
        Target
        <select class="form-select input-sm" name="target">
          {props.targets.map((target) => (
            <option value={target} selected={target === props.defaultTarget} key={target}>
              {target}
            </option>
          ))}
        </select>
      </label>
      <label class="d-flex flex-items-center gap-1">
        Branch, tag or commit
        <input class="form-control input-sm" type="text" name="ref" required maxLength={255} placeholder="main" />
      </label>
      <label class="d-flex flex-items-center gap-1">
        <input type="checkbox" name="force" value="1" /> --force (admins)
      </label>
      <button class="btn btn-sm btn-primary" type="submit">
        Deploy
      </button>
    </form>
  );
}

/** The hidden fields every action form carries: the session's CSRF token, and a one-time request id when the action deploys. */
function FormGuard(props: { readonly csrf: string; readonly requestId?: string }) {
  return (
    <>
      <input type="hidden" name="csrf" value={props.csrf} />
      {props.requestId === undefined ? null : <input type="hidden" name="request" value={props.requestId} />}
    </>
  );
}

/** Rolls an environment back to its previous successful commit, as `/rollback`. */
export function RollbackForm(props: {
  readonly action: string;
  readonly csrf: string;
  readonly requestId: string;
  readonly environment: string;
}) {
  return (
    <form method="post" action={props.action} class="d-inline" data-testid="rollback-form">
      <FormGuard csrf={props.csrf} requestId={props.requestId} />
      <input type="hidden" name="environment" value={props.environment} />
      <button class="btn btn-sm btn-danger mt-2" type="submit">
        Roll back
      </button>
    </form>
  );
}

/** Locks a target's environment, or every environment, with a reason and a duration, as `/lock`. */
export function LockForm(props: { readonly action: string; readonly csrf: string; readonly targets: readonly string[] }) {
  return (
    <form method="post" action={props.action} class="d-flex flex-wrap flex-items-center gap-2 mt-2" data-testid="lock-form">
      <FormGuard csrf={props.csrf} />
      <select class="form-select input-sm" name="target" aria-label="What to lock">
        {props.targets.map((target) => (
          <option value={target} key={target}>
            {target}
          </option>
        ))}
        <option value="">every environment</option>
      </select>
      <input class="form-control input-sm" type="text" name="reason" maxLength={200} placeholder="reason" aria-label="Reason" />
      <input
        class="form-control input-sm"
        type="text"
        name="for"
        maxLength={20}
        placeholder="for (e.g. 2h)"
        aria-label="For how long"
      />
      <button class="btn btn-sm" type="submit">
        Lock
      </button>
    </form>
  );
}

/** Releases one lock, as `/unlock` (`target` empty for the lock on every environment). */
export function UnlockForm(props: { readonly action: string; readonly csrf: string; readonly target: string | null }) {
  return (
    <form method="post" action={props.action} class="d-inline ml-2" data-testid="unlock-form">
      <FormGuard csrf={props.csrf} />
      <input type="hidden" name="target" value={props.target ?? ""} />
      <button class="btn btn-sm btn-invisible" type="submit">
        Unlock
      </button>
    </form>
  );
}

/** What an approval form is about: a commit, a target, and the pull request the row names. */
interface VerdictSubject {
  readonly action: string;
  readonly csrf: string;
  readonly target: string;
  readonly sha: string;
  readonly pr: number | null;
}

/** The hidden fields of the Approve and Reject forms. */
function VerdictFields(props: VerdictSubject & { readonly verdict: "approve" | "reject" }) {
  return (
    <>
      <FormGuard csrf={props.csrf} />
      <input type="hidden" name="verdict" value={props.verdict} />
      <input type="hidden" name="target" value={props.target} />
      <input type="hidden" name="sha" value={props.sha} />
      {props.pr === null ? null : <input type="hidden" name="pr" value={String(props.pr)} />}
    </>
  );
}

/** Approves a commit for a target as the signed-in user, as `/approve`. */
export function ApproveForm(props: VerdictSubject) {
  return (
    <form method="post" action={props.action} class="d-inline" data-testid="approve-form">
      <VerdictFields {...props} verdict="approve" />
      <button class="btn btn-sm btn-primary" type="submit">
        Approve
      </button>
    </form>
  );
}

/** Rejects a commit for a target as the signed-in user, with an optional reason, as `/reject`: what waits on it is dropped. */
export function RejectForm(props: VerdictSubject) {
  return (
    <form method="post" action={props.action} class="d-flex flex-items-center gap-1" data-testid="reject-form">
      <VerdictFields {...props} verdict="reject" />
      <input
        class="form-control input-sm"
        type="text"
        name="reason"
        maxLength={200}
        placeholder="reason (optional)"
        aria-label="Why reject"
      />
      <button class="btn btn-sm btn-danger" type="submit">
        Reject
      </button>
    </form>
  );
}
