import { input } from "@prismatic-io/spectral";
import { InputError } from "../client/errors";

/**
 * The values of a spec enum for a dropdown. Compiles only when every member of the generated union `T` is listed,
 * so a regenerated spec with a new value fails the build instead of silently hiding the value.
 */
export const specEnum =
  <T extends string>() =>
  <const V extends readonly T[]>(...values: V & ([T] extends [V[number]] ? unknown : never)): readonly string[] =>
    values;

/** Several values of one enum (e.g. a technician's positions): one per entry, each checked against `values`. */
export const enumListInput = (options: { label: string; values: readonly string[]; required?: boolean; comments: string }) =>
  input({
    label: options.label,
    type: "string",
    collection: "valuelist",
    model: options.values.map((value) => ({ label: value, value })),
    required: options.required ?? false,
    comments: options.comments,
    clean: (value: unknown) => {
      const list = (Array.isArray(value) ? value : value === undefined || value === null ? [] : String(value).split(","))
        .map((item) => String(item).trim())
        .filter(Boolean);
      if (!list.length) {
        if (options.required) throw new InputError(options.label, "needs at least one value.");
        return undefined;
      }
      const unknown = list.filter((item) => !options.values.includes(item));
      if (unknown.length)
        throw new InputError(options.label, `${unknown.map((u) => `"${u}"`).join(", ")} is not one of ${options.values.join(", ")}.`);
      return list;
    },
  });

/**
 * The field names of a generated request schema `T`, for a JSON input's `fields` rule. Compiles only when every
 * field of `T` is listed and nothing else, so the list cannot drift from the spec.
 */
export const specFields =
  <T extends object>() =>
  <const V extends readonly (keyof T & string)[]>(
    ...names: V & ([keyof T & string] extends [V[number]] ? unknown : never)
  ): readonly string[] =>
    names;
