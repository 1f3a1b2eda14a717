import component from "../src";

/**
 * What a builder meets on every input of every action, data source and trigger: a comment saying what to enter, and
 * for an id, a dropdown of the records it names (a data source of this component). The ids no operation of
 * ServiceTitan can list are named below, with the reason.
 */
type Input = { key: string; label: string; type: string; comments?: string; dataSource?: string; collection?: string; clean?: unknown };
type Definition = { inputs?: Input[] };

const everything: Array<[string, string, Definition]> = [
  ...Object.entries(component.actions).map(([key, d]) => ["action", key, d as unknown as Definition] as [string, string, Definition]),
  ...Object.entries(component.dataSources ?? {}).map(
    ([key, d]) => ["data source", key, d as unknown as Definition] as [string, string, Definition],
  ),
  ...Object.entries(component.triggers ?? {}).map(
    ([key, d]) => ["trigger", key, d as unknown as Definition] as [string, string, Definition],
  ),
];
const inputs = everything.flatMap(([kind, key, definition]) =>
  (definition.inputs ?? []).filter((input) => input.type !== "connection").map((input) => ({ kind, key, input })),
);

const GUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
const cleans = (input: Input, value: string) => {
  try {
    const clean = input.clean as ((v: unknown) => unknown) | undefined;
    return { ok: true, value: clean ? clean(input.collection === "valuelist" ? [value] : value) : value };
  } catch {
    return { ok: false, value: undefined };
  }
};

/**
 * An id input: labelled "… ID" or "… IDs" and taking only ids: whole numbers, or GUIDs (text such as an external id
 * or an export id is no record of ServiceTitan's).
 */
const idKind = (input: Input): "integer" | "guid" | undefined => {
  if (!/\bIDs?$/.test(String(input.label)) || cleans(input, "not an id").ok) return undefined;
  const integer = cleans(input, "12345");
  if (integer.ok && [integer.value].flat().every((v) => typeof v === "number")) return "integer";
  return cleans(input, GUID).ok ? "guid" : undefined;
};

/** Ids without a dropdown, by label (or "actionKey.inputKey"), and why. */
const UNLINKED_IDS: Record<string, string> = {
  "Batch ID": "no operation lists accounting batches (a record's batch.id names one)",
  "Invoice Type ID": "no operation lists invoice types",
  "SKU ID":
    "a SKU is a pricebook service, material or equipment: no one dropdown offers the three (Select Service/Material/Equipment each do)",
  "Assignee ID": "the GUID of an invoice task's assignee; no operation lists them",
  "Booking Provider ID": "the API cannot list booking providers (the tenant connects one in Settings → Integrations)",
  "Related Record ID": "a customer, location or booking id, depending on the relationship type",
  "listAppointmentsAssignment.ids": "appointment assignments have no dropdown (their appointments do: Appointment IDs)",
  "Bill ID": "receipts name their bill only as 'Id of bill' (an AP bill or an inventory bill, ServiceTitan does not say)",
  "Transfer Type IDs": "no operation lists inventory transfer types",
  "Project Manager IDs": "ServiceTitan does not say whose ids project managers are (users); no operation lists users",
  "Payment Method ID": "a customer's stored payment method; no operation lists them",
  "User IDs": "ServiceTitan login users (a technician's or employee's userId); no operation lists users",
  "Agent ID": "a call agent's telecom id (an employee's agentId in Get Employee), not an employee id; no operation lists agents",
  "Agent External ID": "the agent's id in the phone system; no operation lists agents",
  "Labor Type ID": "no operation lists payroll labor types",
  "Non Job Event Assignment ID": "no operation lists non-job event assignments",
  "Parent Message ID": "a job's or project's message, answered only by its id when posted; no operation lists messages",
  "Service Day IDs": "a zone's service days by ServiceTitan's day ids; no operation lists them",
  "listReviews.internalId": "a review's own id, found by List Reviews itself (the filter finds that one review again)",
};

describe("builder inputs", () => {
  it("every input (except the connection) of every action, data source and trigger has a comment", () => {
    expect(inputs.length).toBeGreaterThan(800);
    const bare = inputs.filter(({ input }) => !String(input.comments ?? "").trim()).map(({ key, input }) => `${key}.${input.key}`);
    expect(bare).toEqual([]);
  });

  it("every dropdown an input names exists in the component", () => {
    const dangling = inputs
      .filter(({ input }) => input.dataSource && !component.dataSources?.[input.dataSource])
      .map(({ key, input }) => `${key}.${input.key} → ${input.dataSource}`);
    expect(dangling).toEqual([]);
  });

  const ids = inputs.filter(({ input }) => idKind(input));
  it("finds the id inputs (whole numbers and GUIDs), and not texts labelled ID", () => {
    expect(ids.length).toBeGreaterThan(700);
    const kinds = new Set(ids.map(({ input }) => idKind(input)));
    expect(kinds).toEqual(new Set(["integer", "guid"]));
    const exportId = inputs.find(({ key, input }) => key === "createInvoices" && input.key === "exportId");
    expect(exportId && idKind(exportId.input)).toBeUndefined();
  });

  it("every id input offers a dropdown of its records, except the ids named with their reason", () => {
    const exempt = (key: string, input: Input) => UNLINKED_IDS[input.label] ?? UNLINKED_IDS[`${key}.${input.key}`];
    const unlinked = ids
      .filter(({ key, input }) => !input.dataSource && !exempt(key, input))
      .map(({ key, input }) => `${key}.${input.key} (${input.label})`);
    expect(unlinked).toEqual([]);
    // The list stays current: each entry still names an input without a dropdown.
    const used = new Set(ids.filter(({ input }) => !input.dataSource).flatMap(({ key, input }) => [input.label, `${key}.${input.key}`]));
    expect(Object.keys(UNLINKED_IDS).filter((entry) => !used.has(entry))).toEqual([]);
  });
});
