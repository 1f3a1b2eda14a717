import { dataSource, type InputFieldDefinition } from "@prismatic-io/spectral";
import type { OperationKey } from "../client";
import { listPages } from "../client/paging";
import { connectionInput } from "../inputs";
import { clientFor, once, placeParams, registerOperation, type Params, type Values } from "./operationAction";

/** Dropdowns load at most this many records (what Prismatic's UI can sensibly show). */
export const PICKLIST_LIMIT = 10_000;

export interface Option {
  key: string;
  label: string;
}

export interface PicklistSpec<T> {
  label: string;
  description: string;
  operation: OperationKey;
  /** Fixed query: the API sort decides which records survive the cap (newest documents, active people/places). */
  query?: Values;
  /** Extra inputs (e.g. the customer whose contacts are listed). */
  params?: Params;
  option: (record: T) => Option;
  /** Display order: "label" sorts alphabetically; "api" keeps the API's order (newest first when sorted so). */
  order: "label" | "api";
  example: Option[];
}

/** Created on first use: an ICU collator costs milliseconds, and most flow steps show no dropdown. */
const collator = once(() => new Intl.Collator("en", { sensitivity: "base", numeric: true }));

/**
 * A list operation as a picklist: up to 10,000 distinct records through the core's pager (large pages, concurrent
 * once the total is known), never an empty label. Which records survive the cap is the API's sort (`query`);
 * `order` is only how they are shown.
 */
export const picklist = <T extends { id?: unknown }>(spec: PicklistSpec<T>) =>
  registerOperation(
    dataSource({
      display: { label: spec.label, description: spec.description },
      dataSourceType: "picklist",
      inputs: {
        connection: connectionInput,
        ...Object.fromEntries(Object.entries(spec.params ?? {}).map(([k, p]) => [k, p.input])),
      } as Record<string, InputFieldDefinition>,
      examplePayload: { result: spec.example },
      perform: async (context, values) => {
        // The context carries the logger (and global debug): dropdown requests are logged like any other.
        const client = clientFor((values as Values).connection, context);
        const placed = placeParams(spec.params ?? {}, values as Values);
        const args = { ...placed, query: { ...spec.query, ...placed.query } };
        const result: Option[] = [];
        // The pager drops records it already yielded (by id), so keys are unique and the cap counts distinct records.
        for await (const page of listPages<T>(client, spec.operation, args, {
          maxRecords: PICKLIST_LIMIT,
        })) {
          for (const record of page) {
            const { key, label } = spec.option(record);
            result.push({
              key,
              label: String(label ?? "").trim() || `ID: ${key}`,
            });
          }
        }
        if (spec.order === "label") result.sort((a, b) => collator().compare(a.label, b.label));
        return { result };
      },
    }),
    spec.operation,
  );

/** "John Doe (ID: 1)" — the reference component's label format, with a fallback for nameless records. */
export const nameWithId = (name: unknown, id: unknown, fallback = "Unnamed") => `${String(name ?? "").trim() || fallback} (ID: ${id})`;
