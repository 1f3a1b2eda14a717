import component from "../src";
import { runAction, useSandbox } from "./support";

/**
 * A sweep over every action's inputs: each resource suite tests its own cases in depth; this proves none was left
 * out. spectral runs every input's `clean` before `perform`, so an input that refuses a value stops the action before
 * any request (the harness check at the end shows it for one action of each kind).
 */
type Input = { key: string; label: string | { value: string }; required?: boolean; type: string; clean?: (value: unknown) => unknown };
const labelOf = (input: Input) => (typeof input.label === "string" ? input.label : input.label.value);
const inputs = Object.entries(component.actions).flatMap(([action, definition]) =>
  (definition.inputs as unknown as Input[]).filter((input) => input.type !== "connection").map((input) => ({ action, input })),
);
const named = (input: Input) => new RegExp(`Input "${labelOf(input).replace(/[()]/g, "\\$&")}"`);

describe("every action input", () => {
  const required = inputs.filter(({ input }) => input.required);
  // Identifiers ServiceTitan types as strings (your own systems' ids, Azure AD ids, barcodes, Scheduling Pro's
  // schedulers and routers) are free text.
  const textIdentifiers = new Set(["externalId", "exportId", "aadUserId", "barcodeId"]);
  const textLabels = new Set(["Scheduler ID", "Router ID"]);
  const ids = inputs.filter(
    ({ input }) =>
      input.type === "string" && / IDs?$/.test(labelOf(input)) && !textIdentifiers.has(input.key) && !textLabels.has(labelOf(input)),
  );

  it("covers the component", () => {
    expect(required.length).toBeGreaterThan(80);
    expect(ids.length).toBeGreaterThan(140);
  });

  it.each(required.map(({ action, input }) => [action, input.key, input] as const))(
    "%s › %s refuses an empty value, naming itself",
    (_a, _k, input) => {
      for (const empty of [undefined, ""]) expect(() => input.clean!(empty)).toThrow(named(input));
    },
  );

  it.each(ids.map(({ action, input }) => [action, input.key, input] as const))(
    "%s › %s refuses a non-numeric id, naming itself",
    (_a, _k, input) => {
      expect(() => input.clean!("abc")).toThrow(named(input));
    },
  );
});

describe("a refused input stops the action before any request", () => {
  const ctx = useSandbox();
  it.each([
    ["getJob", { id: "abc" }, /Input "Job ID"/],
    ["cancelJob", { id: "1", reasonId: "", memo: "x" }, /Input "Cancel Reason ID"/],
    [
      "listCustomers",
      { additionalQueryParameters: [{ key: "nmae", value: "x" }] },
      /Input "Additional Query Parameters": "nmae" is not a query parameter/,
    ],
    [
      "updateInvoiceItems",
      { invoiceId: "40001", description: "x", quantity: "1", additionalFields: "{not json" },
      /Input "Additional Item Fields"/,
    ],
  ])("%s", async (key, params, message) => {
    const before = ctx.sandbox.requests.length + ctx.sandbox.tokenRequests;
    await expect(runAction(key, { connection: ctx.connection, ...params })).rejects.toThrow(message);
    expect(ctx.sandbox.requests.length + ctx.sandbox.tokenRequests).toBe(before);
  });
});
