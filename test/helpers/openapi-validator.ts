import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule, { type FormatsPlugin } from "ajv-formats";
import { toJsonSchema } from "./openapi-schema.js";

// ajv-formats is CommonJS: under NodeNext its default import is typed as the module object,
// while at runtime it is the plugin function itself.
const addFormats = addFormatsModule as unknown as FormatsPlugin;

const SUBSET_FILE = new URL("../fixtures/github-openapi.subset.json", import.meta.url);

/** Printed for requests that match no operation of the subset. */
export const NO_SUCH_OPERATION = "no such operation in GitHub's OpenAPI description";

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: unknown;
  "x-multi-segment"?: boolean;
}

interface Operation {
  operationId: string;
  parameters: Parameter[];
  requestBody?: { required: boolean; content: { "application/json": { schema: unknown } } };
}

interface Subset {
  paths: Record<string, Record<string, Operation>>;
  /** Payload schemas of the webhooks `@octokit/webhooks-examples` has no example of, by GitHub's name. */
  "x-webhooks": Record<string, { post: { requestBody: { content: { "application/json": { schema: unknown } } } } }>;
}

/** An operation of GitHub's REST API that a concrete request path was matched to. */
export interface MatchedOperation {
  /** Upper-case HTTP method, e.g. `POST`. */
  method: string;
  /** The path template, e.g. `/repos/{owner}/{repo}/deployments`. */
  template: string;
  /** GitHub's operation id, e.g. `repos/create-deployment`. */
  operationId: string;
  /** Path parameters, URL-decoded: `{ path: ".github/deploy.yml" }` for `contents/.github%2Fdeploy.yml`. */
  pathParams: Record<string, string>;
  /** Query parameters (the last value wins when one repeats). */
  query: Record<string, string>;
}

interface CompiledOperation {
  method: string;
  template: string;
  operation: Operation;
  pattern: RegExp;
  /** Number of literal characters in the template: more specific templates are tried first. */
  specificity: number;
  validateParams: ValidateFunction;
  validateBody: ValidateFunction | undefined;
}

function compileOperations(): CompiledOperation[] {
  const subset = JSON.parse(readFileSync(SUBSET_FILE, "utf8")) as Subset;
  const bodyAjv = new Ajv({ allErrors: true, strictTypes: false, strictTuples: false });
  const paramAjv = new Ajv({ allErrors: true, strictTypes: false, strictTuples: false, coerceTypes: true });
  addFormats(bodyAjv);
  addFormats(paramAjv);

  const compiled: CompiledOperation[] = [];
  for (const [template, methods] of Object.entries(subset.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const bodySchema = operation.requestBody?.content["application/json"].schema;
      compiled.push({
        method: method.toUpperCase(),
        template,
        operation,
        pattern: templatePattern(template, operation.parameters),
        specificity: template.replace(/\{[^}]+\}/g, "").length,
        validateParams: paramAjv.compile(paramsSchema(operation.parameters)),
        validateBody:
          bodySchema === undefined ? undefined : bodyAjv.compile(toJsonSchema(bodySchema, { closeObjects: true }) as object),
      });
    }
  }
  return compiled.sort((a, b) => b.specificity - a.specificity);
}

/** `{path}` in `/repos/{owner}/{repo}/contents/{path}` may span segments (`x-multi-segment`); others may not. */
function templatePattern(template: string, parameters: Parameter[]): RegExp {
  const multiSegment = new Set(parameters.filter((p) => p["x-multi-segment"] === true).map((p) => p.name));
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
      return multiSegment.has(name) ? `(?<${name}>.+)` : `(?<${name}>[^/]+)`;
    })
    .join("");
  return new RegExp(`^${source}$`);
}

/** One object schema for path and query parameters; unknown query parameters are errors. */
function paramsSchema(parameters: Parameter[]): object {
  const relevant = parameters.filter((p) => p.in === "path" || p.in === "query");
  return {
    type: "object",
    properties: Object.fromEntries(relevant.map((p) => [p.name, toJsonSchema(p.schema ?? {}, { closeObjects: false })])),
    required: relevant.filter((p) => p.required === true).map((p) => p.name),
    additionalProperties: false,
  };
}

/** Compiled once per test file, at import (~16 schemas, a few milliseconds each). */
const OPERATIONS: readonly CompiledOperation[] = compileOperations();

function match(method: string, urlPath: string): { compiled: CompiledOperation; found: MatchedOperation } | undefined {
  const url = new URL(urlPath, "https://api.github.com");
  const upper = method.toUpperCase();
  for (const compiled of OPERATIONS) {
    if (compiled.method !== upper) continue;
    const matched = compiled.pattern.exec(url.pathname);
    if (matched === null) continue;
    // A template without parameters (`/user`) matches without any groups.
    const groups = matched.groups ?? {};
    const pathParams = Object.fromEntries(Object.entries(groups).map(([name, value]) => [name, decodeURIComponent(value)]));
    const query = Object.fromEntries(url.searchParams);
    return {
      compiled,
      found: { method: upper, template: compiled.template, operationId: compiled.operation.operationId, pathParams, query },
    };
  }
  return undefined;
}

/**
 * Finds the GitHub REST operation a concrete request path belongs to, e.g.
 * `findOperation("GET", "/repos/o/r/contents/.github%2Fdeploy.yml?ref=main")` →
 * `GET /repos/{owner}/{repo}/contents/{path}` with `pathParams.path === ".github/deploy.yml"`.
 * Octokit URL-encodes path parameters (`/` becomes `%2F`); both forms are accepted.
 * Returns `undefined` when the subset has no such operation.
 */
export function findOperation(method: string, urlPath: string): MatchedOperation | undefined {
  return match(method, urlPath)?.found;
}

/**
 * Checks one request against GitHub's OpenAPI description: that the operation exists, that
 * path and query parameters fit their schemas, and that the JSON body (`undefined` for none)
 * fits the request-body schema, with unknown body fields reported as errors.
 * Returns human-readable errors, empty when the request is valid.
 */
export function validateRequest(method: string, urlPath: string, body: unknown): string[] {
  const matched = match(method, urlPath);
  const label = `${method.toUpperCase()} ${urlPath}`;
  if (matched === undefined) return [`${label}: ${NO_SUCH_OPERATION}`];

  const { compiled, found } = matched;
  const where = `${label} (${found.operationId})`;
  const errors: string[] = [];
  if (!compiled.validateParams({ ...found.query, ...found.pathParams })) {
    errors.push(...formatErrors(where, "parameters", compiled.validateParams.errors));
  }
  if (compiled.validateBody === undefined) {
    if (body !== undefined) errors.push(`${where}: takes no request body, but one was sent: ${JSON.stringify(body)}`);
  } else if (body === undefined) {
    if (compiled.operation.requestBody?.required === true) errors.push(`${where}: request body is required`);
  } else if (!compiled.validateBody(body)) {
    errors.push(...formatErrors(where, "body", compiled.validateBody.errors));
  }
  return errors;
}

function formatErrors(where: string, root: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (error) => `${where}: ${root}${error.instancePath} ${error.message ?? "is invalid"}${details(error)}`,
  );
}

function details(error: ErrorObject): string {
  const params: Record<string, unknown> = error.params;
  if (typeof params["additionalProperty"] === "string") return ` (${JSON.stringify(params["additionalProperty"])})`;
  if (Array.isArray(params["allowedValues"])) return ` (${params["allowedValues"].map((v) => JSON.stringify(v)).join(", ")})`;
  return "";
}

/**
 * Checks a webhook payload the tests compose (for an event `@octokit/webhooks-examples` lacks)
 * against GitHub's schema of it, e.g. `deployment-protection-rule-requested`; returns ajv's errors
 * as `path: message` lines, none when it conforms. Unknown properties are allowed, as GitHub adds them.
 */
export function validateWebhookPayload(webhook: string, payload: unknown): string[] {
  const subset = JSON.parse(readFileSync(SUBSET_FILE, "utf8")) as Subset;
  const schema = subset["x-webhooks"][webhook]?.post.requestBody.content["application/json"].schema;
  if (schema === undefined) return [`no webhook ${webhook} in ${SUBSET_FILE.pathname}`];
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strictTuples: false });
  addFormats(ajv);
  const validate = ajv.compile(toJsonSchema(schema, { closeObjects: false }) as object);
  if (validate(payload)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || "/"}: ${error.message ?? "invalid"}`);
}
