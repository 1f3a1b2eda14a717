import type { OperationKey } from "./client";
import { operations, schemasOf } from "./client/operations";

type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** An example value for a compact schema: "string", 0, true, one array item; enums take their first value. */
export const exampleFromSchema = (schema: Schema | undefined, defs: Record<string, Schema>, depth = 0): unknown => {
  if (!schema || depth > 8) return {};
  if (schema.$ref) return exampleFromSchema(defs[String(schema.$ref).replace("#/$defs/", "")], defs, depth + 1);
  const variants: Schema[] | undefined = schema.oneOf ?? schema.anyOf ?? schema.allOf;
  if (variants && !schema.properties) {
    const [first] = variants.filter((v) => v.type !== "null");
    return exampleFromSchema(first, defs, depth + 1);
  }
  if (schema.enum) return schema.enum.find((v: unknown) => v !== null);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== "null") : schema.type;
  if (type === "array") return [exampleFromSchema(schema.items, defs, depth + 1)];
  if (type === "object" || schema.properties) {
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([k, v]) => [k, exampleFromSchema(v as Schema, defs, depth + 1)]),
    );
  }
  if (type === "integer" || type === "number") return 0;
  if (type === "boolean") return true;
  if (type === "string") return schema.format === "date-time" ? "2025-01-01T00:00:00Z" : "string";
  return {};
};

/**
 * An action's example payload: `{ data: <the operation's success response> }`, built from the spec's response
 * schema, so it has exactly the shape ServiceTitan returns.
 */
export const exampleOf = (operation: OperationKey): { data: unknown } => {
  let data: unknown;
  // Built on first read (docs, publishing): defining an action costs nothing, and most flow steps never read it.
  return {
    get data() {
      if (data === undefined) {
        const { defs, responses } = schemasOf(operations[operation].module);
        const schema = responses[operation] as Schema | undefined;
        data = schema ? exampleFromSchema(schema, defs as Record<string, Schema>) : {};
      }
      return data;
    },
  };
};

/** `values` laid over a schema example: only fields the example has; an array of values each take the item's shape. */
const overlay = (base: unknown, values: unknown): unknown => {
  if (values === undefined) return base;
  if (Array.isArray(base)) {
    return Array.isArray(values) ? values.map((value) => overlay(base[0], value)) : base.map((item) => overlay(item, values));
  }
  if (base && typeof base === "object" && values && typeof values === "object" && !Array.isArray(values)) {
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [key, value] of Object.entries(values)) if (key in out) out[key] = overlay(out[key], value);
    return out;
  }
  return values;
};

/**
 * An action's example payload with realistic values: the operation's example (exampleOf) with `values` laid over it.
 * Fields the operation does not answer are ignored, so the example keeps exactly the operation's shape.
 */
export const exampleWith = (operation: OperationKey, values: unknown): { data: unknown } => {
  let data: unknown;
  // Built on first read, like exampleOf's.
  return {
    get data() {
      return (data ??= overlay(exampleOf(operation).data, values));
    },
  };
};
