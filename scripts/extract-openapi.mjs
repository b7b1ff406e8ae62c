#!/usr/bin/env node
// Prints the subset of GitHub's REST OpenAPI description that Deliverybot calls, for
// test/helpers/openapi-validator.ts. Run through `npm run openapi:subset`, which installs
// @octokit/openapi without saving it (the package is 385 MB) and writes the output to
// test/fixtures/github-openapi.subset.json. Remove the package again with `npm prune`.
//
// Every `$ref` an operation reaches is inlined (none of these operations reaches a recursive
// schema; the script fails if one ever does), so the result needs no `components` and each
// request-body schema compiles on its own. Responses keep only their status codes and
// descriptions: the tests validate what the app sends, not what GitHub answers.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** Operations the app uses: [method, path template]. Keep sorted by path. */
const OPERATIONS = [
  ["post", "/app/installations/{installation_id}/access_tokens"],
  ["get", "/orgs/{org}/teams/{team_slug}/memberships/{username}"],
  ["get", "/repos/{owner}/{repo}"],
  ["post", "/repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule"],
  ["post", "/repos/{owner}/{repo}/check-runs"],
  ["patch", "/repos/{owner}/{repo}/check-runs/{check_run_id}"],
  ["get", "/repos/{owner}/{repo}/collaborators/{username}/permission"],
  ["get", "/repos/{owner}/{repo}/commits"],
  ["get", "/repos/{owner}/{repo}/commits/{ref}"],
  ["get", "/repos/{owner}/{repo}/commits/{ref}/check-runs"],
  ["get", "/repos/{owner}/{repo}/commits/{ref}/status"],
  ["get", "/repos/{owner}/{repo}/compare/{basehead}"],
  ["get", "/repos/{owner}/{repo}/contents/{path}"],
  ["get", "/repos/{owner}/{repo}/deployments"],
  ["post", "/repos/{owner}/{repo}/deployments"],
  ["post", "/repos/{owner}/{repo}/deployments/{deployment_id}/statuses"],
  ["get", "/repos/{owner}/{repo}/git/ref/{ref}"],
  ["get", "/repos/{owner}/{repo}/installation"],
  ["patch", "/repos/{owner}/{repo}/issues/comments/{comment_id}"],
  ["post", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"],
  ["post", "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
  ["get", "/repos/{owner}/{repo}/pulls/{pull_number}"],
  ["get", "/repos/{owner}/{repo}/pulls/{pull_number}/files"],
  ["get", "/user"],
  ["get", "/user/installations"],
  ["get", "/user/installations/{installation_id}/repositories"],
];

/**
 * Webhooks the app receives that `@octokit/webhooks-examples` has no example of: their payload
 * schemas are kept (under `x-webhooks`) so the tests' hand-written payloads are checked against them.
 */
const WEBHOOKS = ["deployment-protection-rule-requested"];

/** Documentation-only keys dropped everywhere to keep the file small. */
const DROPPED_KEYS = new Set(["example", "examples", "externalDocs", "x-github", "x-githubEnterpriseOverlays"]);

const SPEC_FILE = "@octokit/openapi/generated/api.github.com.json";

function loadSpec() {
  const require = createRequire(import.meta.url);
  const file = require.resolve(SPEC_FILE);
  const packageJson = JSON.parse(readFileSync(require.resolve("@octokit/openapi/package.json"), "utf8"));
  return { spec: JSON.parse(readFileSync(file, "utf8")), version: packageJson.version };
}

/** Follows a local JSON pointer such as `#/components/schemas/app-permissions`. */
function lookup(spec, ref) {
  if (!ref.startsWith("#/")) throw new Error(`Only local $refs are supported, got ${ref}`);
  let node = spec;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (node === null || typeof node !== "object" || !(key in node)) throw new Error(`Unresolvable $ref ${ref}`);
    node = node[key];
  }
  return node;
}

/** Deep-copies `node`, replacing every `$ref` with its target and dropping documentation-only keys. */
function inline(spec, node, seen = []) {
  if (Array.isArray(node)) return node.map((item) => inline(spec, item, seen));
  if (node === null || typeof node !== "object") return node;
  if (typeof node.$ref === "string") {
    if (seen.includes(node.$ref)) throw new Error(`Recursive $ref ${[...seen, node.$ref].join(" -> ")}`);
    return inline(spec, lookup(spec, node.$ref), [...seen, node.$ref]);
  }
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED_KEYS.has(key)) continue;
    copy[key] = inline(spec, value, seen);
  }
  return copy;
}

function extractOperation(spec, method, path) {
  const operation = spec.paths[path]?.[method];
  if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in ${SPEC_FILE}`);
  const subset = {
    operationId: operation.operationId,
    summary: operation.summary,
    parameters: inline(spec, operation.parameters ?? []),
  };
  const bodySchema = operation.requestBody?.content?.["application/json"]?.schema;
  if (bodySchema) {
    subset.requestBody = {
      required: operation.requestBody.required ?? false,
      content: { "application/json": { schema: inline(spec, bodySchema) } },
    };
  }
  subset.responses = {};
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    const resolved = response.$ref ? lookup(spec, response.$ref) : response;
    subset.responses[status] = { description: resolved.description ?? "" };
  }
  return subset;
}

function extractWebhook(spec, name) {
  const schema = spec["x-webhooks"]?.[name]?.post?.requestBody?.content?.["application/json"]?.schema;
  if (!schema) throw new Error(`Webhook ${name} is not in ${SPEC_FILE}`);
  return { post: { requestBody: { content: { "application/json": { schema: inline(spec, schema) } } } } };
}

function main() {
  const { spec, version } = loadSpec();
  const paths = {};
  for (const [method, path] of OPERATIONS) {
    paths[path] ??= {};
    paths[path][method] = extractOperation(spec, method, path);
  }
  const subset = {
    openapi: spec.openapi,
    info: {
      title: `${spec.info.title} (subset used by Deliverybot)`,
      version: spec.info.version,
      description: `THIS FILE IS GENERATED - DO NOT EDIT. Source: @octokit/openapi@${version} generated/api.github.com.json; regenerate with \`npm run openapi:subset\`.`,
    },
    servers: spec.servers,
    paths,
    "x-webhooks": Object.fromEntries(WEBHOOKS.map((name) => [name, extractWebhook(spec, name)])),
  };
  process.stdout.write(`${JSON.stringify(subset, null, 2)}\n`);
}

main();
