import type { ActionResult } from "../actions/action-result.js";
import { Layout, type Viewer } from "./layout.js";

/** What an action did, what it waits for, or why it was refused (its reason code and sentence), with the way back. */
export function ActionResultPage(props: {
  readonly viewer: Viewer;
  readonly title: string;
  readonly back: string;
  readonly result: ActionResult;
}) {
  return (
    <Layout title={props.title} viewer={props.viewer}>
      <ResultFlash result={props.result} />
      <a class="btn" href={props.back}>
        Back to the repository
      </a>
    </Layout>
  );
}

function ResultFlash(props: { readonly result: ActionResult }) {
  const { result } = props;
  if (result.kind === "done") {
    return (
      <div class="flash flash-success mb-3" role="status" data-testid="result">
        {result.message}
      </div>
    );
  }
  const waiting = result.kind === "waiting";
  return (
    <div class={`flash ${waiting ? "flash-warn" : "flash-error"} mb-3`} role={waiting ? "status" : "alert"} data-testid="result">
      <code class="mr-2">{result.reason}</code>
      {result.message}
    </div>
  );
}
