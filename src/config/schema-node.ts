/**
 * The subset of draft-07 JSON Schema our schema uses, typed so the generators and the error
 * explainer can walk it without `any` (ajv's own `SchemaObject` is an `any` index).
 */
export interface SchemaNode {
  readonly $schema?: string;
  readonly $ref?: string;
  readonly title?: string;
  readonly description?: string;
  readonly type?: string | readonly string[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
  readonly items?: SchemaNode;
  readonly properties?: { readonly [key: string]: SchemaNode };
  readonly additionalProperties?: boolean | SchemaNode;
  readonly propertyNames?: SchemaNode;
  readonly required?: readonly string[];
  readonly minProperties?: number;
  readonly pattern?: string;
  readonly not?: SchemaNode;
  readonly if?: SchemaNode;
  readonly then?: SchemaNode;
  readonly else?: SchemaNode;
  readonly definitions?: { readonly [key: string]: SchemaNode };
}

/** The definition a `$ref` such as `#/definitions/TargetV2` points to, by name. */
export function refName(ref: string): string {
  return ref.replace("#/definitions/", "");
}
