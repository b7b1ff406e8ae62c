import { findNearestKey } from "./find-nearest-key.js";
import type { FileTarget } from "./list-file-targets.js";
import type { KeyPath, PathProblem } from "./path-problem.js";

/**
 * `promote_from` must name other targets of the file whose environment is fixed (one that depends
 * on a pull request cannot be promoted from), without a cycle (a target promoting, through others,
 * from itself would never start).
 */
export function checkPromotions(targets: readonly FileTarget[]): PathProblem[] {
  const names = targets.map((target) => target.name);
  const upstreams = new Map(targets.map((target) => [target.name, listUpstreams(target)]));
  const problems: PathProblem[] = [];
  for (const target of targets) {
    for (const { name, path } of upstreams.get(target.name) ?? []) {
      const upstream = targets.find((candidate) => candidate.name === name);
      if (name === target.name) {
        problems.push({ path, message: `${target.name} cannot promote from itself; name another target.` });
      } else if (upstream === undefined) {
        const nearest = findNearestKey(name, names);
        const hint = nearest === undefined ? "" : ` Did you mean \`${nearest}\`?`;
        problems.push({
          path,
          message: `\`${name}\` is not a target; write one of ${names.map((n) => `\`${n}\``).join(", ")}.${hint}`,
        });
      } else if ((upstream.target.environment ?? "").includes("${{")) {
        problems.push({
          path,
          message: `${name}'s environment (\`${upstream.target.environment ?? ""}\`) depends on the commit or pull request; promote from a target with a fixed environment.`,
        });
      }
    }
  }
  const cycle = findCycle(names, (name) => (upstreams.get(name) ?? []).map((upstream) => upstream.name));
  const first = cycle?.[0];
  if (cycle !== undefined && first !== undefined && problems.length === 0) {
    const at = targets.find((target) => target.name === first);
    problems.push({
      path: [...(at?.path ?? []), "promote_from"],
      message: `promote_from goes round in a circle (${[...cycle, first].join(" ← ")}); a promotion must start from a target that deploys on its own.`,
    });
  }
  return problems;
}

function listUpstreams({ path, target }: FileTarget): { readonly name: string; readonly path: KeyPath }[] {
  const value = "promote_from" in target ? target.promote_from : undefined;
  if (value === undefined) return [];
  if (typeof value === "string") return [{ name: value, path: [...path, "promote_from"] }];
  return value.map((name, index) => ({ name, path: [...path, "promote_from", index] }));
}

/** A cycle through `next`, as the names along it, or undefined. */
function findCycle(names: readonly string[], next: (name: string) => readonly string[]): string[] | undefined {
  const done = new Set<string>();
  const visit = (name: string, trail: string[]): string[] | undefined => {
    const at = trail.indexOf(name);
    if (at >= 0) return trail.slice(at);
    if (done.has(name)) return undefined;
    for (const upstream of next(name)) {
      const found = visit(upstream, [...trail, name]);
      if (found !== undefined) return found;
    }
    done.add(name);
    return undefined;
  };
  for (const name of names) {
    const found = visit(name, []);
    if (found !== undefined) return found;
  }
  return undefined;
}
