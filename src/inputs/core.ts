import type { InputFieldDefinition } from "@prismatic-io/spectral";
import { input } from "@prismatic-io/spectral";
import { isValid, parseISO } from "date-fns";
import { InputError } from "../client/errors";
import { GUID } from "../client/validate";

/**
 * The basic input vocabulary. spectral runs `clean` for every declared input, set or not, so each cleaner maps
 * "nothing entered" to `undefined` (never 0 or "") and a wrong value to an InputError that names the input.
 */
type Cleaner<T> = (value: unknown) => T | undefined;

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** Wraps a cleaner: blank → undefined (or an error when required). */
const cleaned =
  <T>(label: string, required: boolean, convert: (value: unknown) => T): Cleaner<T> =>
  (value) => {
    if (isBlank(value)) {
      if (required) throw new InputError(label, "is required but was empty.");
      return undefined;
    }
    return convert(value);
  };

export const toInteger = (label: string, value: unknown, expected = "a numeric ServiceTitan id or count such as 12345"): number => {
  const text = String(value).trim();
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new InputError(label, `"${text}" is not a whole number; expected ${expected}.`);
  }
  return Number(text);
};

/** A record id: a whole number above zero (ServiceTitan's ids are int64 counters). */
export const toId = (label: string, value: unknown): number => {
  const id = toInteger(label, value);
  if (id < 1) throw new InputError(label, `${id} is not a ServiceTitan id; ids are whole numbers from 1 up, such as 12345.`);
  return id;
};

/** "001234.5600" → "1234.56", "-0.50" → "-0.5": a decimal's digits without the zeros that carry no value. */
const canonicalDecimal = (text: string): string | undefined => {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (!match[2] && !match[3])) return undefined;
  const whole = match[2].replace(/^0+(?=\d)/, "") || "0";
  const fraction = (match[3] ?? "").replace(/0+$/, "");
  const digits = fraction ? `${whole}.${fraction}` : whole;
  return digits === "0" ? "0" : `${match[1] === "-" ? "-" : ""}${digits}`;
};

/**
 * An amount or quantity as a number. ServiceTitan's long-scale decimals ("1234.5600000000000000000") are accepted:
 * trailing zeros carry no value. A value with more significant digits than a JSON number keeps is refused rather
 * than silently rounded (money is never rounded through floating point).
 */
export const toDecimal = (label: string, value: unknown): number => {
  const text = typeof value === "number" ? String(value) : String(value).trim();
  const number = typeof value === "number" ? value : Number(text);
  if (!Number.isFinite(number) || text === "") throw new InputError(label, `"${String(value)}" is not a number; expected e.g. 125.50.`);
  const given = canonicalDecimal(text);
  const kept = canonicalDecimal(number.toFixed(20).replace(/\.?0+$/, ""));
  const exact = !given || given === canonicalDecimal(String(number)) || given === kept;
  if (!exact) {
    throw new InputError(
      label,
      `"${text}" has more digits than ServiceTitan's number fields keep (about 15 significant digits): it would be rounded to ${number}. Enter it with fewer digits.`,
    );
  }
  return number;
};

export const toBoolean = (label: string, value: unknown): boolean => {
  if (typeof value === "boolean") return value;
  const text = String(value).trim().toLowerCase();
  if (text === "true") return true;
  if (text === "false") return false;
  throw new InputError(label, `"${String(value)}" is not true or false.`);
};

/** ISO 8601 in, RFC 3339 UTC out (what ServiceTitan's date filters and fields expect). */
export const toDateTime = (label: string, value: unknown): string => {
  const text = String(value).trim();
  // A bare date means that day in UTC, whatever the server's time zone.
  const date = value instanceof Date ? value : parseISO(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (!isValid(date)) {
    throw new InputError(label, `"${String(value)}" is not a date; expected ISO 8601 such as 2025-03-01 or 2025-03-01T14:30:00Z.`);
  }
  return date.toISOString();
};

export const toJson = (label: string, value: unknown, shape?: "object" | "array"): unknown => {
  let parsed = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      throw new InputError(label, `is not valid JSON (${(error as Error).message}).`);
    }
  }
  if (shape === "object" && (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))) {
    throw new InputError(label, 'must be a JSON object such as {"key": "value"}.');
  }
  if (shape === "array" && !Array.isArray(parsed)) {
    // The usual slip is one object where a list of them is expected: say so rather than just "invalid".
    const got = parsed !== null && typeof parsed === "object" ? "a single JSON object; wrap it in [ ] for a one-item list" : "not a list";
    throw new InputError(label, `must be a JSON array such as [1, 2] or [{ … }], got ${got}.`);
  }
  return parsed;
};

/** "1, 2,3" or ["1", 2] → [1, 2, 3]. */
export const toIntegerList = (label: string, value: unknown, convert = toInteger): number[] => {
  if (value !== null && typeof value === "object" && !Array.isArray(value))
    throw new InputError(label, "must be an array of ids such as [12345, 12346], got a JSON object.");
  const items = Array.isArray(value) ? value : String(value).split(",");
  return items
    .map((item) => String(item).trim())
    .filter((item) => item !== "")
    .map((item) => convert(label, item));
};

interface BaseOptions {
  label: string;
  required?: boolean;
  comments?: string;
  example?: string;
  placeholder?: string;
}

export const idInput = (options: BaseOptions & { dataSource?: string }) =>
  input({
    type: "string",
    ...options,
    required: options.required ?? false,
    example: options.example ?? "12345",
    clean: cleaned(options.label, options.required ?? false, (v) => toId(options.label, v)),
  });

/** "1 to 5000", "1 or more", "at most 100", or undefined without bounds. */
const rangeText = (min?: number, max?: number) =>
  min !== undefined && max !== undefined
    ? `${min} to ${max}`
    : min !== undefined
      ? `${min} or more`
      : max !== undefined
        ? `at most ${max}`
        : undefined;

/** A count (page, page size, a limit): a whole number within the bounds, each mistake named in plain words. */
export const integerInput = (options: BaseOptions & { default?: string; min?: number; max?: number }) => {
  const { min, max, ...rest } = options;
  const range = rangeText(min, max);
  const sample = options.example ?? String(min ?? 1);
  return input({
    type: "string",
    ...rest,
    required: options.required ?? false,
    clean: cleaned(options.label, options.required ?? false, (v) => {
      const n = toInteger(options.label, v, `a whole number${range ? ` (${range})` : ""} such as ${sample}`);
      if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
        throw new InputError(options.label, `${n} is out of range; expected ${range}.`);
      }
      return n;
    }),
  });
};

export const idListInput = (options: BaseOptions & { dataSource?: string; max?: number }) => {
  const { max, ...rest } = options;
  return input({
    type: "string",
    collection: "valuelist",
    ...rest,
    required: options.required ?? false,
    comments: options.comments ?? "One id per entry (or a comma-separated list).",
    clean: (value: unknown) => {
      const list = isBlank(value) || (Array.isArray(value) && value.length === 0) ? [] : toIntegerList(options.label, value, toId);
      if (!list.length) {
        if (options.required) throw new InputError(options.label, "needs at least one id.");
        return undefined;
      }
      if (max !== undefined && list.length > max)
        throw new InputError(options.label, `has ${list.length} ids; ServiceTitan accepts at most ${max}.`);
      return list;
    },
  });
};

/** Several texts, one per entry (or comma-separated). */
export const stringListInput = (options: BaseOptions) =>
  input({
    type: "string",
    collection: "valuelist",
    ...options,
    required: options.required ?? false,
    clean: (value: unknown) => {
      const list = (Array.isArray(value) ? value : isBlank(value) ? [] : String(value).split(","))
        .map((item) => String(item).trim())
        .filter(Boolean);
      if (!list.length) {
        if (options.required) throw new InputError(options.label, "needs at least one value.");
        return undefined;
      }
      return list;
    },
  });

export const stringInput = (
  options: BaseOptions & { default?: string; model?: Array<{ label: string; value: string }>; multiline?: boolean },
) => {
  const { multiline, ...rest } = options;
  return input({
    type: (multiline ? "text" : "string") as "string",
    ...rest,
    required: options.required ?? false,
    clean: cleaned(options.label, options.required ?? false, (v) => {
      const text = String(v);
      const allowed = options.model?.map((m) => m.value);
      if (allowed && !allowed.includes(text)) throw new InputError(options.label, `"${text}" is not one of ${allowed.join(", ")}.`);
      return text;
    }),
  });
};

/**
 * An input whose cleaned value is then checked further (or normalised) by `refine` (given the value as entered too,
 * for its message), which names the input on failure; an empty optional value stays empty. For rules one input type cannot state (an e-mail address, a time of day).
 */
export const refinedInput = <T>(base: InputFieldDefinition, refine: (value: T, entered: unknown) => unknown): InputFieldDefinition =>
  ({
    ...base,
    clean: (value: unknown) => {
      const cleanedValue = (base as { clean: (value: unknown) => T | undefined }).clean(value);
      return cleanedValue === undefined ? undefined : refine(cleanedValue, value);
    },
  }) as InputFieldDefinition;

/** A dropdown of the spec's enum values. */
export const enumInput = (options: BaseOptions & { values: readonly unknown[]; default?: string }) =>
  stringInput({ ...options, model: options.values.map((v) => ({ label: String(v), value: String(v) })) });

/** A GUID as ServiceTitan writes them (the request core checks GUID ids the same way). */
export { GUID };

/** A GUID such as an application's (Developer Portal); anything else is refused before ServiceTitan answers 400. */
export const guidInput = (options: BaseOptions & { dataSource?: string }) =>
  input({
    type: "string",
    example: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    ...options,
    required: options.required ?? false,
    clean: cleaned(options.label, options.required ?? false, (v) => {
      const text = String(v).trim();
      if (!GUID.test(text)) throw new InputError(options.label, `"${text}" is not a GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6.`);
      return text;
    }),
  });

export const decimalInput = (options: BaseOptions) =>
  input({
    type: "string",
    ...options,
    required: options.required ?? false,
    clean: cleaned(options.label, options.required ?? false, (v) => toDecimal(options.label, v)),
  });

/**
 * true / false / not set (a checkbox cannot say "leave as is", so optional booleans are a three-way dropdown). A
 * required one offers only True and False: "(not set)" would just fail.
 */
export const booleanInput = (options: BaseOptions & { default?: string }) =>
  input({
    type: "string",
    model: [
      ...(options.required ? [] : [{ label: "(not set)", value: "" }]),
      { label: "True", value: "true" },
      { label: "False", value: "false" },
    ],
    ...options,
    required: options.required ?? false,
    clean: cleaned(options.label, options.required ?? false, (v) => toBoolean(options.label, v)),
  });

/** A plain checkbox for switches that are always on or off (Fetch All, Include Total …). */
export const switchInput = (options: BaseOptions & { default?: "true" | "false" }) =>
  input({
    type: "boolean",
    ...options,
    default: options.default ?? "false",
    required: false,
    clean: (v: unknown) => (isBlank(v) ? false : toBoolean(options.label, v)),
  });

export const dateTimeInput = (options: BaseOptions) =>
  input({
    type: "string",
    example: "2025-01-31T00:00:00Z",
    ...options,
    required: options.required ?? false,
    comments: options.comments ?? "ISO 8601 date or date-time (e.g. 2025-01-31 or 2025-01-31T14:00:00Z); sent as UTC.",
    clean: cleaned(options.label, options.required ?? false, (v) => toDateTime(options.label, v)),
  });

/** A calendar date for fields the spec types as `date`: 2025-03-01 is sent as written, a date-time as its UTC date. */
export const toDate = (label: string, value: unknown): string => {
  const text = String(value).trim();
  const plain = /^(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (plain && isValid(parseISO(text))) return plain[1];
  return toDateTime(label, value).slice(0, 10);
};

export const dateInput = (options: BaseOptions) =>
  input({
    type: "string",
    example: "2025-01-31",
    ...options,
    required: options.required ?? false,
    comments: options.comments ?? "A date such as 2025-01-31 (a date-time counts as its UTC date).",
    clean: cleaned(options.label, options.required ?? false, (v) => toDate(options.label, v)),
  });

/** A JSON object/array; the template is shown as `example`, never `default`, so nothing is sent unless entered. */
export const jsonInput = (options: BaseOptions & { shape?: "object" | "array" }) => {
  const { shape, ...rest } = options;
  return input({
    type: "code",
    language: "json",
    ...rest,
    required: options.required ?? false,
    clean: cleaned(options.label, options.required ?? false, (v) => toJson(options.label, v, shape)),
  });
};

export const keyValueInput = (options: BaseOptions) =>
  input({
    type: "string",
    collection: "keyvaluelist",
    ...options,
    required: options.required ?? false,
    clean: (value: unknown) => {
      if (isBlank(value) || (Array.isArray(value) && value.length === 0)) return undefined;
      if (!Array.isArray(value)) {
        if (typeof value === "object") return value as Record<string, unknown>;
        return toJson(options.label, value, "object") as Record<string, unknown>;
      }
      return Object.fromEntries((value as Array<{ key: string; value: unknown }>).map(({ key, value: v }) => [key, v]));
    },
  });

export const connectionInput = input({ label: "Connection", type: "connection", required: true });
