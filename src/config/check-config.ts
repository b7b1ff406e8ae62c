import { buildDeployConfig } from "./build-deploy-config.js";
import { checkCoalesce } from "./check-coalesce.js";
import { checkDefaultTarget } from "./check-default-target.js";
import { checkFreezes } from "./check-freezes.js";
import { checkPromotions } from "./check-promotions.js";
import { checkLegacyDeployments } from "./check-legacy-deployments.js";
import { checkPathPatterns } from "./check-path-patterns.js";
import { checkRefPatterns } from "./check-ref-patterns.js";
import { checkTemplates } from "./check-templates.js";
import type { DeployFileV1 } from "./config-types.js";
import { detectConfigVersion } from "./detect-config-version.js";
import { isPlainObject } from "./is-plain-object.js";
import { isDeployFileV2, listFileTargets } from "./list-file-targets.js";
import { migrateV1 } from "./migrate-v1.js";
import type { DeployConfig } from "./model.js";
import type { PathProblem } from "./path-problem.js";
import { validateConfig } from "./validate-config.js";

/** The outcome of checking a document, before problems are tied to files and lines. */
export type ConfigCheck =
  | { readonly ok: true; readonly config: DeployConfig; readonly warnings: PathProblem[] }
  | { readonly ok: false; readonly problems: PathProblem[] };

const EXAMPLE = "`version: 2` and `targets: { production: { auto_deploy_on: refs/heads/main } }`";

/**
 * The pipeline from a parsed document to the canonical model: detect the version, validate with
 * the schema, check templates, ref patterns, path patterns, `default_target`, `freezes`,
 * `promote_from` and `coalesce`, migrate v1, build. Schema errors stop it before
 * the later checks, which rely on the document's shape.
 */
export function checkConfig(doc: unknown): ConfigCheck {
  const shape = checkShape(doc);
  if (shape !== undefined) return { ok: false, problems: [shape] };
  const detected = detectConfigVersion(doc as { readonly [key: string]: unknown });
  if ("problem" in detected) return { ok: false, problems: [detected.problem] };
  const validated = validateConfig(doc);
  if (!validated.ok) return { ok: false, problems: validated.problems };

  const targets = listFileTargets(validated.doc);
  const refs = checkRefPatterns(targets, detected.version);
  const problems = [
    ...checkTemplates(targets),
    ...refs.errors,
    ...checkPathPatterns(targets),
    ...checkDefaultTarget(validated.doc),
    ...checkFreezes(validated.doc, targets),
    ...checkPromotions(targets),
    ...checkCoalesce(targets),
  ];
  if (problems.length > 0) return { ok: false, problems };

  const v2 = isDeployFileV2(validated.doc) ? validated.doc : migrateV1(validated.doc as DeployFileV1);
  const config = buildDeployConfig(v2, detected.version);
  return { ok: true, config, warnings: [...refs.warnings, ...checkLegacyDeployments(targets)] };
}

/** An empty file, a file that is not a mapping, or a mapping without targets. */
function checkShape(doc: unknown): PathProblem | undefined {
  if (doc === null || doc === undefined) return { path: [], message: `no targets: the file is empty. Start with ${EXAMPLE}.` };
  if (!isPlainObject(doc)) return { path: [], message: `the file must be a mapping, e.g. ${EXAMPLE}.` };
  if (Object.keys(doc).every((key) => key === "_extends")) {
    return { path: [], message: `no targets: add at least one, e.g. ${EXAMPLE}.` };
  }
  return undefined;
}
