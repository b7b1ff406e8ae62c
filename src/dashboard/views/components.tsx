import type { Lifecycle } from "../../domain/lifecycle.js";
import { shortSha } from "../../domain/short-sha.js";

/** Primer's label colour for each lifecycle state. */
const STATE_CLASS: Readonly<Record<Lifecycle, string>> = {
  created: "Label--attention",
  started: "Label--accent",
  succeeded: "Label--success",
  failed: "Label--danger",
  inactive: "Label--secondary",
};

/** A deployment's lifecycle state as a coloured label, with GitHub's own state beside it when it differs. */
export function StateLabel(props: { readonly lifecycle: Lifecycle; readonly state: string | null }) {
  const title = props.state === null ? "no status yet" : `GitHub: ${props.state}`;
  return (
    <span class={`Label ${STATE_CLASS[props.lifecycle]}`} title={title}>
      {props.lifecycle}
    </span>
  );
}

/** A commit by its short SHA, linked to it on GitHub. */
export function CommitLink(props: { readonly repoUrl: string; readonly sha: string }) {
  return (
    <a class="text-mono" href={`${props.repoUrl}/commit/${encodeURIComponent(props.sha)}`}>
      {shortSha(props.sha)}
    </a>
  );
}

/** A time as "3h ago", the exact time in its tooltip and a machine-readable attribute. */
export function TimeAgo(props: { readonly at: Date; readonly now: Date }) {
  return (
    <time dateTime={props.at.toISOString()} title={props.at.toISOString()}>
      {ago(props.now.getTime() - props.at.getTime())}
    </time>
  );
}

/** How long ago, in the largest whole unit: "just now", "5m ago", "3h ago", "2d ago". */
export function ago(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes}m ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ago`;
  return `${Math.floor(hours / 24)}d ago`;
}
