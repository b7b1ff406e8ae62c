import { TEMPLATE_VARIABLES, type TemplateValues, type TemplateVariable } from "./model.js";
import type { JsonValue } from "../domain/json-value.js";

// `${{ name }}` with optional whitespace inside the braces; the name is whatever sits between them,
// so a typo like `${{ branch }}` is found (and reported) rather than left as text silently.
const TEMPLATE = /\$\{\{\s*([^{}]*?)\s*\}\}/g;

function isTemplateVariable(name: string): name is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(name);
}

/**
 * Replaces every `${{ var }}` in `text` with its value. No HTML escaping: the result goes to the
 * GitHub API as data, not into a page (the original Deliverybot used Mustache and escaped, a bug).
 * Unknown variables are left as written; validation reports them before anything renders.
 */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(TEMPLATE, (match, name: string) => (isTemplateVariable(name) ? values[name] : match));
}

/**
 * Renders every string value in a payload, at any depth; keys and non-string values are kept.
 * A string that is exactly one template stays a string (`"${{ pr }}"` → `"42"`, never `42`).
 */
export function renderPayload(json: { readonly [key: string]: JsonValue }, values: TemplateValues): { [key: string]: JsonValue };
export function renderPayload(json: JsonValue, values: TemplateValues): JsonValue;
export function renderPayload(json: JsonValue, values: TemplateValues): JsonValue {
  if (typeof json === "string") return renderTemplate(json, values);
  if (Array.isArray(json)) return json.map((item) => renderPayload(item, values));
  if (json === null || typeof json !== "object") return json;
  // fromEntries defines own properties, so a `__proto__` key stays data and cannot reach a prototype.
  return Object.fromEntries(Object.entries(json).map(([key, value]) => [key, renderPayload(value, values)]));
}

/** The variable names `text` uses that are not template variables, in order of appearance, once each. */
export function findUnknownVariables(text: string): string[] {
  const unknown = new Set<string>();
  for (const match of text.matchAll(TEMPLATE)) {
    const name = match[1] ?? "";
    if (!isTemplateVariable(name)) unknown.add(name);
  }
  return [...unknown];
}
