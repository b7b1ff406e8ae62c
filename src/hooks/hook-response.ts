import type { JsonValue } from "../domain/json-value.js";

/** What the hook endpoint answers: a status, a JSON body, and any extra headers. */
export interface HookResponse {
  readonly status: number;
  readonly body: { readonly [key: string]: JsonValue };
  readonly headers?: { readonly [name: string]: string };
}

/** A JSON answer. */
export function hookResponse(status: number, body: HookResponse["body"], headers?: HookResponse["headers"]): HookResponse {
  return headers === undefined ? { status, body } : { status, body, headers };
}
