import { stringify } from "yaml";

const MAX_LENGTH = 60;

/** A value as one line of YAML (flow style), shortened, for "e.g. …" and "found …" in messages. */
export function formatYamlValue(value: unknown): string {
  const text = stringify(value, { collectionStyle: "flow", lineWidth: 0 }).trim();
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}…` : text;
}
