/**
 * The id vocabulary: what an id field of ServiceTitan's API means, wherever it appears (a path `{id}`, a query
 * filter, a body field): its label, the dropdown (data source) that offers its records, and where a builder finds
 * one. Derived inputs (kit/derive.ts, listAction filters) look fields up here, so every id of the same kind gets the
 * same label and dropdown in every action. A list field ("customerIds") uses the entry of its singular.
 *
 * Each module folder declares its own ids (src/resources/<module>/ids.ts, data only) and src/resources/ids.ts
 * registers them all before any action is defined.
 */
export interface IdField {
  label: string;
  /** The picklist offering these records. */
  dataSource?: string;
  /** Where a builder finds one (shown after the spec's own description). */
  comments?: string;
  /**
   * "guid" for ids ServiceTitan types as GUID strings (crm v2 contacts): only GUID fields of that name use the entry,
   * so an integer field of the same name (a customer's contactId) keeps its own meaning.
   */
  format?: "guid";
}
export type IdVocabulary = Record<string, IdField>;

const vocabulary: IdVocabulary = {};

/** Adds a module's ids; the same field declared twice with another meaning is a bug. */
export const registerIds = (ids: IdVocabulary): void => {
  for (const [field, entry] of Object.entries(ids)) {
    const known = vocabulary[field];
    if (known && (known.dataSource !== entry.dataSource || known.label !== entry.label)) {
      throw new Error(`Id field ${field} is declared twice: ${JSON.stringify(known)} and ${JSON.stringify(entry)}`);
    }
    vocabulary[field] = entry;
  }
};

/** "customerIds" → "customerId"; "categories" → "category". */
export const singular = (word: string): string =>
  word
    .replace(/ies$/, "y")
    .replace(/(ss|sh|ch|x)es$/, "$1")
    .replace(/([^s])s$/, "$1");

/** The vocabulary entry of a field or list field, if any, for integer ids or (format "guid") GUID ids. */
export const idField = (name: string, format?: "guid"): IdField | undefined => {
  const entry = vocabulary[name] ?? vocabulary[singular(name)];
  return entry && entry.format === format ? entry : undefined;
};

/** Every registered id field (docs, tests). */
export const idVocabulary = (): Readonly<IdVocabulary> => vocabulary;

/**
 * The id field a path `{id}` stands for, from the segment before it: "/leads/{id}" → "leadId",
 * "/membership-types/{id}/discounts" → "membershipTypeId".
 */
export const idFieldOfPath = (path: string, param: string): string => {
  if (param !== "id") return param;
  const segments = path.split("/");
  const at = segments.indexOf("{id}");
  const resource = at > 0 ? segments[at - 1] : "";
  const camel = singular(resource).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return camel ? `${camel}Id` : "id";
};
