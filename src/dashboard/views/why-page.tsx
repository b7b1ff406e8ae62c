import type { DecisionRecord } from "../../store/decision-store.js";
import { CommitLink, TimeAgo } from "./components.js";
import { Layout, type Viewer } from "./layout.js";

/** What `/why` shows in the browser: the decisions about one commit (of one target, when named). */
export interface WhyView {
  readonly owner: string;
  readonly name: string;
  readonly repoUrl: string;
  readonly sha: string;
  readonly target: string | undefined;
  readonly decisions: readonly DecisionRecord[];
}

/** Every decision about a commit, newest first, with its reason code and sentence: why it deployed, waits or did not. */
export function WhyPage(props: { readonly viewer: Viewer; readonly now: Date; readonly view: WhyView }) {
  const { view } = props;
  const base = `/dashboard/${encodeURIComponent(view.owner)}/${encodeURIComponent(view.name)}`;
  return (
    <Layout title={`Why · ${view.owner}/${view.name}`} viewer={props.viewer}>
      <nav class="mb-3 color-fg-muted">
        <a href="/dashboard">Repositories</a> / {view.owner} / <a href={base}>{view.name}</a> / <strong>why</strong>
      </nav>
      <h1 class="h3 mb-3">
        Decisions about <CommitLink repoUrl={view.repoUrl} sha={view.sha} />
        {view.target === undefined ? null : <span> for {view.target}</span>}
      </h1>
      {view.decisions.length === 0 ? (
        <p class="color-fg-muted">Nothing was decided about this commit{view.target === undefined ? "" : " for this target"}.</p>
      ) : (
        <table class="width-full deployments" data-testid="decisions">
          <thead>
            <tr>
              <th>When</th>
              <th>Target</th>
              <th>Reason</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {view.decisions.map((decision, index) => (
              <tr key={index}>
                <td>
                  <TimeAgo at={decision.createdAt} now={props.now} />
                </td>
                <td>{decision.target ?? "configuration"}</td>
                <td>
                  <code>{decision.reason}</code>
                </td>
                <td>{decision.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
