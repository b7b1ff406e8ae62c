import type { Goal } from "./goals.js";
import { num, table, verdict } from "./markdown.js";
import type { BackendOutcome } from "./run-backend.js";

/** A backend that was measured. */
export type Measured = Extract<BackendOutcome, { kind: "measured" }>;

/** How the report names each backend. */
export const BACKEND_LABELS = { pglite: "PGlite", postgres: "PostgreSQL" } as const;

/** One row per goal, one column per backend: the figure and PASS or FAIL. */
export function goalTable(goals: readonly Goal[], measured: readonly Measured[]): string {
  return table(
    ["goal", ...measured.map((o) => BACKEND_LABELS[o.backend])],
    goals.map((goal) => [
      goal.label,
      ...measured.map((o) => {
        const value = goal.value(o.figures);
        return `${num(value, goal.digits)}${goal.unit} ${verdict(goal.pass(value))}`;
      }),
    ]),
  );
}
