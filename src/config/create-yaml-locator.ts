import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from "yaml";
import type { KeyPath } from "./path-problem.js";

/** Where a key path points in a YAML file. */
export interface YamlLocation {
  /** 1-based line of the node, or of its nearest existing parent when the node is missing. */
  readonly line: number;
  /** How many leading segments of the path exist; equal to the path's length when all do. */
  readonly depth: number;
}

/** Finds key paths in one YAML source. */
export type YamlLocator = (path: KeyPath) => YamlLocation | undefined;

type YamlNode = Document["contents"];

/**
 * Parses YAML source once and returns a function that finds the line of a key path in it, so a
 * file with many problems is not parsed once per problem. For a mapping entry the line is the
 * key's (a block value starts on the next line). Undefined when the file has no content.
 */
export function createYamlLocator(text: string): YamlLocator {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  // An alias (`*name`) stands for the node it refers to; the line is still the alias's own.
  const resolve = (node: unknown): YamlNode => {
    const target: unknown = isAlias(node) ? node.resolve(doc) : node;
    return (target as YamlNode | undefined) ?? null;
  };
  return (path) => {
    let node = resolve(doc.contents);
    if (node === null || node.range == null) return undefined;
    let line = lineCounter.linePos(node.range[0]).line;
    let depth = 0;
    for (const segment of path) {
      const next = findChild(node, segment);
      if (next === undefined) break;
      line = lineCounter.linePos(next.start).line;
      depth += 1;
      node = resolve(next.node);
      if (node === null) break;
    }
    return { line, depth };
  };
}

function findChild(node: YamlNode, segment: string | number): { start: number; node: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    if (pair === undefined || !isScalar(pair.key) || pair.key.range == null) return undefined;
    return { start: pair.key.range[0], node: pair.value };
  }
  if (isSeq(node) && typeof segment === "number") {
    const item: unknown = node.items[segment];
    if (!isScalar(item) && !isMap(item) && !isSeq(item) && !isAlias(item)) return undefined;
    if (item.range == null) return undefined;
    return { start: item.range[0], node: item };
  }
  return undefined;
}
