import type { KeyPath } from "./path-problem.js";

/**
 * Turns an ajv `instancePath` (a JSON Pointer such as `/production/required_contexts/1`) into a key
 * path. The document decides whether a digit segment is a list index or a mapping key (a target
 * may be called `1`), so it is walked alongside.
 */
export function pointerToPath(doc: unknown, pointer: string): KeyPath {
  if (pointer === "") return [];
  const path: (string | number)[] = [];
  let node = doc;
  for (const raw of pointer.slice(1).split("/")) {
    const segment = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (Array.isArray(node)) {
      const index = Number(segment);
      path.push(index);
      node = node[index] as unknown;
    } else {
      path.push(segment);
      node = node !== null && typeof node === "object" ? (node as { readonly [key: string]: unknown })[segment] : undefined;
    }
  }
  return path;
}
