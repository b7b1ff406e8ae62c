import { parseDocument } from "yaml";
import { isPlainObject } from "../config/is-plain-object.js";

/** A file's `_extends` key, as written. */
export interface ExtendsKey {
  readonly value: unknown;
  /** True when `_extends` is the file's only key: every target would come from the inherited file. */
  readonly onlyKey: boolean;
}

/**
 * The `_extends` key of a deploy.yml, or undefined when it has none (or is not a readable mapping,
 * which `parseConfigText` reports). Parsed with the same `yaml` defaults as `parseConfigText`.
 */
export function findExtends(text: string): ExtendsKey | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  let content: unknown;
  try {
    content = doc.toJS();
  } catch {
    return undefined;
  }
  if (!isPlainObject(content) || !Object.hasOwn(content, "_extends")) return undefined;
  return { value: content["_extends"], onlyKey: Object.keys(content).every((key) => key === "_extends") };
}
