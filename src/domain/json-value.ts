/** A JSON value as it can appear in a deployment payload or an HTTP answer. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
