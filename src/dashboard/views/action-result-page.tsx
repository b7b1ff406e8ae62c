import type { ActionResult } from "../actions/action-result.js";
import { Layout, type Viewer } from "./layout.js";

/** What an action did, or why it was refused (its reason code and sentence), with the way back. */
export function ActionResultPage(props: {
  readonly viewer: Viewer;
  readonly title: string;
  readonly back: string;
  readonly result: ActionResult;
}) {
  const { result } = props;
  return (
    <Layout title={props.title} viewer={props.viewer}>
      {result.kind === "done" ? (
        <div class="flash flash-success mb-3" role="status" data-testid="result">
          {result.message}
        </div>
      ) : (
        <div class="flash flash-error mb-3" role="alert" data-testid="result">
          <code class="mr-2">{result.reason}</code>
          {result.message}
        </div>
      )}
      <a class="btn" href={props.back}>
        Back to the repository
      </a>
    </Layout>
  );
}
