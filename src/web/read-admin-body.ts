import { isRequestId } from "../hooks/hook-request-id.js";

const REPOSITORY = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;
const TARGET = /^[A-Za-z0-9_.-]{1,100}$/;

/** An admin request's fields, or what is wrong with its body. */
export type AdminBody =
  { readonly ok: true; readonly fields: Readonly<Record<string, unknown>> } | { readonly ok: false; readonly error: string };

/**
 * Reads an admin request's body as a JSON object. Each error ends with `expected` (the body's
 * shape) so the sender sees how to fix it; with `allowed`, a key not in it is refused too.
 */
export function readAdminBody(text: string, expected: string, allowed?: readonly string[]): AdminBody {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: `the body is not valid JSON; ${expected}` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { ok: false, error: expected };
  const fields = value as Record<string, unknown>;
  const unknown = allowed === undefined ? undefined : Object.keys(fields).find((key) => !allowed.includes(key));
  if (unknown !== undefined) return { ok: false, error: `unknown key ${JSON.stringify(unknown.slice(0, 40))}; ${expected}` };
  return { ok: true, fields };
}

/** The `repository` field every admin body names, `owner/name`; or what is wrong with it. */
export function readRepositoryField(
  fields: Readonly<Record<string, unknown>>,
  expected: string,
): { readonly owner: string; readonly repo: string } | { readonly error: string } {
  const { repository } = fields;
  if (typeof repository !== "string") return { error: `"repository" is missing; ${expected}` };
  const match = REPOSITORY.exec(repository);
  if (match === null) return { error: `"repository" must be owner/name, got ${JSON.stringify(repository)}` };
  return { owner: match[1] ?? "", repo: match[2] ?? "" };
}

/** A field that names a target (required), e.g. `target`, `from`; or what is wrong with it. */
export function readTargetField(
  fields: Readonly<Record<string, unknown>>,
  key: string,
  expected: string,
): { readonly target: string } | { readonly error: string } {
  const value = fields[key];
  if (value === undefined) return { error: `"${key}" is missing; ${expected}` };
  if (typeof value !== "string") return { error: `"${key}" must be a string; ${expected}` };
  if (!TARGET.test(value)) return { error: `"${key}" must be a target's name, got ${JSON.stringify(value.slice(0, 100))}` };
  return { target: value };
}

/** The optional `requestId` field of a deploy (1 to 100 letters, digits, ".", "_", "-"); or what is wrong with it. */
export function readRequestIdField(
  fields: Readonly<Record<string, unknown>>,
  expected: string,
): { readonly requestId: string | undefined } | { readonly error: string } {
  const { requestId } = fields;
  if (requestId === undefined) return { requestId };
  if (typeof requestId !== "string") return { error: `"requestId" must be a string; ${expected}` };
  if (!isRequestId(requestId)) {
    return {
      error: `"requestId" must be 1 to 100 letters, digits, ".", "_" or "-", got ${JSON.stringify(requestId.slice(0, 100))}`,
    };
  }
  return { requestId };
}

/** Whether `text` names a repository as `owner/name`. */
export function isRepositoryName(text: string): boolean {
  return REPOSITORY.test(text);
}

/** A path segment decoded; undefined when it is not valid percent-encoding. */
export function decodePathSegment(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
