/**
 * "Mark as exported": what every accounting sync does after posting ServiceTitan's records to the books. ServiceTitan
 * has one endpoint per record type and three body shapes ({billIds: [..]}, {ids: [..]}, [{invoiceId, externalId?,
 * externalMessage?}, …]); builders get one shape: a list of ids, plus, where the schema carries them, each record's
 * reference in the accounting system. The body the operation wants is built from those and checked by the core.
 */
import type { OperationKey } from "../../client";
import { operations, schemasOf } from "../../client/operations";
import { InputError } from "../../client/errors";
import { exampleOf } from "../../examples";
import { idListInput, rulesJsonInput, stringInput } from "../../inputs";
import { inBody, once, operationAction, type Params, type Values } from "../../kit";

export interface MarkAsExportedSpec {
  label: string;
  description: string;
  operation: OperationKey;
  /** Plural of what is marked, for labels and messages: "AP Bills". */
  what: string;
  /** The picklist of those records. */
  dataSource: string;
  /**
   * The body's shape: a list of ids under `field` ({billIds: [1, 2]}), or an array of items naming the record in
   * `idField` ([{invoiceId: 1, externalId: "INV-1"}]). Which external fields an item takes is read from the spec.
   */
  body: { ids: string } | { items: string };
}

const EXTERNAL_FIELDS = ["externalId", "externalMessage"] as const;

/** The item fields of an array body ("externalId", "externalMessage" where the schema declares them). */
const externalFieldsOf = (operation: OperationKey, idField: string): string[] => {
  // The generated table lists only top-level fields of object bodies; for an array body read its item schema.
  const { module } = operations[operation];
  const { defs, requests } = schemasOf(module) as unknown as {
    defs: Record<string, { properties?: Record<string, unknown> }>;
    requests: Record<string, { items?: { $ref?: string; properties?: Record<string, unknown> } }>;
  };
  const items = requests[operation]?.items;
  const schema = items?.$ref ? defs[items.$ref.replace("#/$defs/", "")] : items;
  const fields = Object.keys(schema?.properties ?? {});
  if (!fields.includes(idField)) throw new Error(`${operation}: the body's items have no ${idField}`);
  return EXTERNAL_FIELDS.filter((f) => fields.includes(f));
};

/** One "Mark … as Exported" action. */
export const markAsExportedAction = (spec: MarkAsExportedSpec) => {
  const idsLabel = `${spec.what.replace(/s$/, "")} IDs`;
  const idField = "items" in spec.body ? spec.body.items : undefined;
  // Read from the module's schemas when the inputs are first needed (see operationAction), not at start-up.
  const externalOf = once(() => (idField ? externalFieldsOf(spec.operation, idField) : []));
  const referencesLabel = "External References";
  const paramsOf = once((): Params => {
    const external = externalOf();
    const params: Params = {
      ids: inBody(
        idListInput({
          label: idsLabel,
          dataSource: spec.dataSource,
          comments: `The ${spec.what.toLowerCase()} to mark as exported, one id per entry (or comma-separated), e.g. the ids your flow just posted.`,
        }),
      ),
    };
    if (external.includes("externalId")) {
      params.externalReferences = inBody(
        rulesJsonInput(
          {
            label: referencesLabel,
            shape: "array",
            comments: `Optional: each record's reference in your accounting system, as a JSON array of {id, externalId${external.includes("externalMessage") ? ", externalMessage" : ""}}. Ids listed here need not be repeated under ${idsLabel}.`,
            example: JSON.stringify(
              [
                {
                  id: 12345,
                  externalId: "QB-1042",
                  ...(external.includes("externalMessage") ? { externalMessage: "Posted to QuickBooks" } : {}),
                },
              ],
              null,
              2,
            ),
          },
          { fields: ["id", idField!, ...external], integers: ["id", idField!] },
        ),
      );
    }
    if (external.includes("externalMessage")) {
      params.externalMessage = inBody(
        stringInput({
          label: "External Message",
          comments: `Optional: a note stored with every record above that has none of its own in ${referencesLabel}, e.g. "Posted to QuickBooks, batch 42".`,
        }),
      );
    }
    return params;
  });

  const body = (v: Values) => {
    const listed = (v.ids as number[] | undefined) ?? [];
    const references = ((v.externalReferences as Values[] | undefined) ?? []).map((ref, i) => {
      const id = ref.id ?? ref[idField!];
      if (ref.id !== undefined && ref[idField!] !== undefined && ref.id !== ref[idField!]) {
        throw new InputError(referencesLabel, `item ${i + 1} has id ${ref.id} and ${idField} ${ref[idField!]}: give one of them.`);
      }
      if (typeof id !== "number" || id < 1)
        throw new InputError(referencesLabel, `item ${i + 1} needs "id", the record's ServiceTitan id.`);
      return { ...ref, id } as Values & { id: number };
    });
    const seen = new Set<number>();
    for (const ref of references) {
      if (seen.has(ref.id as number)) throw new InputError(referencesLabel, `lists id ${ref.id} twice.`);
      seen.add(ref.id as number);
    }
    const ids = [...new Set([...listed, ...references.map((r) => r.id as number)])];
    if (!ids.length) {
      throw new InputError(
        idsLabel,
        `needs at least one id${paramsOf().externalReferences ? ` (or ${referencesLabel})` : ""}: nothing to mark as exported.`,
      );
    }
    if ("ids" in spec.body) return { [spec.body.ids]: ids };
    const byId = new Map(references.map((ref) => [ref.id as number, ref]));
    return ids.map((id) => {
      const ref = byId.get(id);
      const item: Values = { [idField!]: id };
      if (ref?.externalId !== undefined && ref.externalId !== null) item.externalId = String(ref.externalId);
      const message = ref?.externalMessage ?? v.externalMessage;
      if (message !== undefined && message !== null) item.externalMessage = String(message);
      return item;
    });
  };

  return operationAction({
    label: spec.label,
    description: spec.description,
    operation: spec.operation,
    params: paramsOf,
    body,
    examplePayload: exampleOf(spec.operation),
  });
};
