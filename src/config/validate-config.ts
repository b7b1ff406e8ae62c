import { Ajv } from "ajv";
import type { DeployFile } from "./config-types.js";
import { explainSchemaError } from "./explain-schema-error.js";
import type { PathProblem } from "./path-problem.js";
import { deployConfigSchema } from "./schema.js";

// Compiled once at module load (compiling is the slow part; the schema never changes).
// verbose: errors carry the failing schema node and data, which the messages need.
const validateDeployFile = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true }).compile<DeployFile>(
  deployConfigSchema,
);

/** The result of checking a document against the schema. */
export type SchemaCheck =
  { readonly ok: true; readonly doc: DeployFile } | { readonly ok: false; readonly problems: PathProblem[] };

/** Validates a parsed document against the schema; every error is turned into a fix-it message. */
export function validateConfig(doc: unknown): SchemaCheck {
  if (validateDeployFile(doc)) return { ok: true, doc };
  // ajv leaves the errors on the function; read them before anything else can validate.
  const problems: PathProblem[] = [];
  for (const error of validateDeployFile.errors ?? []) {
    const problem = explainSchemaError(error, doc);
    if (problem !== undefined) problems.push(problem);
  }
  return { ok: false, problems };
}
