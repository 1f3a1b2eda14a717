/**
 * /jbce/v2: Job Booking. Call reasons are a stateful collection (leads, bookings and calls refer to them); other
 * operations answer from their response schema (sandbox/generic.ts).
 */
import type { Store } from "../store";
import { schemaCollection } from "../generic";
import { list, type SandboxModule } from "./kit";

/** Ids 192001… (the crm/marketing/telecom block of ids): 192001 New AC quote, 192002 Repair … 192005 Wrong number, 192006 inactive. */
const seed = (store: Store) => {
  for (const [name, isLead, active] of [
    ["New AC quote", true, true],
    ["Repair request", true, true],
    ["Maintenance plan", true, true],
    ["Billing question", false, true],
    ["Wrong number", false, true],
    ["Solicitor", false, false],
  ] as const) {
    store.create("call-reasons", { name, isLead, active });
  }
};

export const jbce: SandboxModule = {
  handlers: { CallReasons_Get: list("call-reasons") },
  collections: (spec) => [
    schemaCollection(spec, { name: "call-reasons", label: "Call reason", firstId: 192001, record: "jbce/CallReasons_Get" }),
  ],
  seed,
};
