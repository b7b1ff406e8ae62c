import type { DeploymentWithState } from "../../store/deployment-store.js";
import { CommitLink, StateLabel, TimeAgo } from "./components.js";

/** Deployments as a table: id, environment, commit and ref, state, what started it, who, when, the log. */
export function DeploymentTable(props: {
  readonly deployments: readonly DeploymentWithState[];
  readonly repoUrl: string;
  readonly now: Date;
}) {
  if (props.deployments.length === 0) return <p class="color-fg-muted">No deployments.</p>;
  return (
    <table class="width-full deployments" data-testid="deployments">
      <thead>
        <tr>
          <th>Deployment</th>
          <th>Environment</th>
          <th>Commit</th>
          <th>State</th>
          <th>Started by</th>
          <th>When</th>
          <th>Log</th>
        </tr>
      </thead>
      <tbody>
        {props.deployments.map((deployment) => (
          <tr key={deployment.id} data-deployment={deployment.id}>
            <td class="text-mono">{deployment.id}</td>
            <td>{deployment.environment}</td>
            <td>
              <CommitLink repoUrl={props.repoUrl} sha={deployment.sha} /> <span class="color-fg-muted">{deployment.ref}</span>
            </td>
            <td>
              <StateLabel lifecycle={deployment.lifecycle} state={deployment.state} />
              {deployment.statusDescription === null ? null : (
                <div class="color-fg-muted text-small">{deployment.statusDescription}</div>
              )}
            </td>
            <td>
              {deployment.creator ?? "unknown"}
              {deployment.trigger === null ? null : <span class="color-fg-muted"> ({deployment.trigger})</span>}
            </td>
            <td>
              <TimeAgo at={deployment.createdAt} now={props.now} />
            </td>
            <td>{isWebUrl(deployment.logUrl) ? <a href={deployment.logUrl}>log</a> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Only http(s) links are rendered: a `javascript:` URL in a status must not become a link. */
export function isWebUrl(url: string | null): url is string {
  return url !== null && /^https?:\/\//i.test(url);
}
