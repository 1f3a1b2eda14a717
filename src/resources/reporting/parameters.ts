/**
 * A report's parameters, checked against the report's own description before it runs: ServiceTitan answers 400
 * "parameter not found" for a name the report does not have, so a typo is refused here, naming the input, with the
 * report's real parameters and the closest match. Required parameters must be given; values are converted to the
 * parameter's data type (Number, Boolean, Date, Time, String; lists for array parameters) and checked against the
 * values it accepts when the description lists them.
 */
import { InputError } from "../../client/errors";
import { isDateTime } from "../../client/validate";

export const PARAMETERS_LABEL = "Parameters";

export interface ReportParameter {
  name: string;
  label?: string;
  dataType?: "String" | "Number" | "Boolean" | "Date" | "Time" | string;
  isArray?: boolean;
  isRequired?: boolean;
  acceptValues?: { fields?: Array<{ name: string; label?: string }>; dynamicSetId?: string | null; values?: unknown[][] | null } | null;
}

export interface ReportDescription {
  id: number;
  name: string;
  parameters?: ReportParameter[];
  fields?: Array<{ name: string; label?: string; dataType?: string }>;
}

/** What a parameter looks like in a message: "From (Date, required)". */
export const describeParameter = (p: ReportParameter): string => {
  const notes = [`${p.dataType ?? "String"}${p.isArray ? " list" : ""}`, p.isRequired ? "required" : ""].filter(Boolean);
  return `${p.name} (${notes.join(", ")})`;
};

/** Edit distance, for "did you mean". */
const distance = (a: string, b: string): number => {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
};

const closest = (name: string, parameters: ReportParameter[]): string | undefined => {
  const lower = name.toLowerCase();
  const ranked = parameters
    .map((p) => ({ p, d: distance(lower, p.name.toLowerCase()) }))
    .filter(({ p, d }) => d <= Math.max(2, Math.floor(p.name.length / 3)))
    .sort((a, b) => a.d - b.d);
  return ranked[0]?.p.name;
};

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** One value of the parameter's data type, or an error naming the parameter. */
const convert = (p: ReportParameter, value: unknown, where: string): unknown => {
  const fail = (expected: string): never => {
    throw new InputError(PARAMETERS_LABEL, `${where} must be ${expected}, got ${JSON.stringify(value)}.`);
  };
  const text = typeof value === "string" ? value.trim() : value;
  switch (p.dataType) {
    case "Number": {
      const number = typeof text === "number" ? text : Number(text);
      return typeof text === "boolean" || text === "" || !Number.isFinite(number) ? fail("a number such as 42 or 12.5") : number;
    }
    case "Boolean":
      if (typeof text === "boolean") return text;
      return /^(true|false)$/i.test(String(text)) ? String(text).toLowerCase() === "true" : fail("true or false");
    case "Date":
      return typeof text === "string" && isDateTime(text)
        ? text
        : fail("a date such as 2025-03-01 (or a date-time such as 2025-03-01T00:00:00Z)");
    case "Time":
      return typeof text === "string" && /^([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(text)
        ? text
        : fail("a time such as 08:30 or 17:45:00");
    default:
      return typeof text === "object" ? JSON.stringify(text) : String(text);
  }
};

/** The accepted values a description lists, as [key, label] rows; the key is what is sent. */
const choose = (p: ReportParameter, value: unknown, where: string): unknown => {
  const rows = p.acceptValues?.values;
  if (!rows?.length) return value;
  const text = String(value).trim().toLowerCase();
  const row =
    rows.find((r) => String(r[0]).toLowerCase() === text) ?? rows.find((r) => r.length > 1 && String(r[1]).toLowerCase() === text);
  if (row) return row[0];
  const shown = rows
    .slice(0, 20)
    .map((r) => (r.length > 1 && String(r[1]) !== String(r[0]) ? `${r[0]} (${r[1]})` : String(r[0])))
    .join(", ");
  throw new InputError(PARAMETERS_LABEL, `${where} accepts only ${shown}${rows.length > 20 ? ", …" : ""}; got ${JSON.stringify(value)}.`);
};

/** "1, 2" or "[1, 2]" or ["1", 2] → the items. */
const itemsOf = (value: unknown): unknown[] => {
  if (Array.isArray(value)) return value;
  const text = String(value).trim();
  if (text.startsWith("[")) {
    try {
      const parsed = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // not JSON: split it like any other list
    }
  }
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
};

/**
 * The `parameters` body of a report run: every given name matched to the report's parameter (exactly, or ignoring
 * case: the report's spelling is sent), every required one present, each value of its type. Throws an InputError
 * naming the Parameters input before anything is sent.
 */
export const reportParameters = (
  report: ReportDescription,
  given: Record<string, unknown> = {},
): Array<{ name: string; value: unknown }> => {
  const declared = report.parameters ?? [];
  const what = `report "${report.name}" (ID ${report.id})`;
  const list = declared.length ? declared.map(describeParameter).join(", ") : "none";
  const out: Array<{ name: string; value: unknown }> = [];
  const seen = new Set<string>();
  for (const [name, value] of Object.entries(given)) {
    const p = declared.find((d) => d.name === name) ?? declared.find((d) => d.name.toLowerCase() === name.trim().toLowerCase());
    if (!p) {
      const guess = closest(name, declared);
      throw new InputError(
        PARAMETERS_LABEL,
        `"${name}" is not a parameter of ${what}${guess ? `; did you mean "${guess}"?` : "."} Its parameters: ${list}. ServiceTitan would refuse the run (400 "parameter not found").`,
      );
    }
    if (seen.has(p.name)) throw new InputError(PARAMETERS_LABEL, `"${p.name}" is given twice.`);
    seen.add(p.name);
    if (isBlank(value) || (Array.isArray(value) && !value.length)) continue; // empty: not sent (required ones are caught below)
    const where = `"${p.name}" (${p.dataType ?? "String"}${p.isArray ? " list" : ""})`;
    const items = p.isArray ? itemsOf(value) : [value];
    if (!p.isArray && Array.isArray(value)) throw new InputError(PARAMETERS_LABEL, `${where} takes one value, not a list.`);
    // A value of a fixed list is its key or its label (the key is sent, typed as the description gives it).
    const converted = items.map((item, i) =>
      p.acceptValues?.values?.length ? choose(p, item, where) : convert(p, item, p.isArray ? `${where} item ${i + 1}` : where),
    );
    out.push({ name: p.name, value: p.isArray ? converted : converted[0] });
  }
  const missing = declared.filter((p) => p.isRequired && !out.some((o) => o.name === p.name));
  if (missing.length) {
    throw new InputError(PARAMETERS_LABEL, `${what} requires ${missing.map(describeParameter).join(", ")}. Its parameters: ${list}.`);
  }
  return out;
};
