/** Keywords OpenAPI 3.0 adds to its schema objects that JSON Schema (and so ajv) does not know. */
const OPENAPI_ONLY_KEYWORDS = new Set(["example", "examples", "discriminator", "xml", "externalDocs", "deprecated", "nullable"]);

/** Keywords whose value is a map of names to sub-schemas. */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "definitions"]);

/** Keywords whose value is one sub-schema or a list of them. */
const SCHEMA_VALUES = new Set(["items", "additionalProperties", "not", "allOf", "anyOf", "oneOf"]);

/** How {@link toJsonSchema} treats objects. */
export interface ToJsonSchemaOptions {
  /**
   * Give every object schema that lists `properties` but says nothing about
   * `additionalProperties` an `additionalProperties: false`. GitHub silently ignores unknown
   * request fields, so a typo such as `auto_merg` would otherwise pass both GitHub and the tests.
   */
  closeObjects: boolean;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Converts an OpenAPI 3.0 schema object into a JSON Schema that ajv compiles: `nullable: true`
 * becomes a `"null"` type (or enum value), and OpenAPI-only keywords and `x-*` extensions are
 * dropped. Returns a new object; the input is not modified.
 */
export function toJsonSchema(schema: unknown, options: ToJsonSchemaOptions): unknown {
  if (Array.isArray(schema)) return schema.map((item) => toJsonSchema(item, options));
  if (!isObject(schema)) return schema;

  const result: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (OPENAPI_ONLY_KEYWORDS.has(key) || key.startsWith("x-")) continue;
    if (SCHEMA_VALUES.has(key)) {
      result[key] = toJsonSchema(value, options);
    } else if (SCHEMA_MAPS.has(key) && isObject(value)) {
      result[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, toJsonSchema(sub, options)]));
    } else {
      result[key] = value;
    }
  }

  if (options.closeObjects && result["type"] === "object" && "properties" in result && !("additionalProperties" in result)) {
    result["additionalProperties"] = false;
  }
  return schema["nullable"] === true ? allowNull(result) : result;
}

function allowNull(schema: JsonObject): JsonObject {
  const { type, enum: values } = schema;
  if (type === undefined) return { anyOf: [schema, { type: "null" }] };
  const types = Array.isArray(type) ? type : [type];
  const nullable: JsonObject = { ...schema, type: types.includes("null") ? types : [...types, "null"] };
  if (Array.isArray(values) && !values.includes(null)) nullable["enum"] = [...values, null];
  return nullable;
}
