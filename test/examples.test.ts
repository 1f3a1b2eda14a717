import { readFileSync } from "fs";
import path from "path";
import component, { actionOperations } from "../src";
import { exampleOf } from "../src/examples";
import type { OperationKey } from "../src/client";

/** Every key (at any depth) of a JSON value. */
const keysOf = (value: unknown, into = new Set<string>()): Set<string> => {
  if (Array.isArray(value)) value.forEach((item) => keysOf(item, into));
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      keysOf(inner, into);
    }
  }
  return into;
};

/** The field names of each "Output Example Payload" in the reference document (its JSON is flattened, so names only). */
const referenceExampleKeys = (): Record<string, Set<string>> => {
  const lines = readFileSync(path.join(__dirname, "fixtures", "reference-component.txt"), "utf8").split("\n");
  const examples: Record<string, Set<string>> = {};
  let key: string | undefined;
  let inExample = false;
  for (const line of lines) {
    const heading = /\| key: (\w+)/.exec(line);
    if (heading) [key, inExample] = [heading[1], false];
    else if (/Output Example Payload/.test(line) && key) inExample = Boolean((examples[key] = new Set()));
    else if (inExample && key) {
      const field = /^"(\w+)":/.exec(line.trim());
      if (field && field[1] !== "data") examples[key].add(field[1]);
    }
  }
  return examples;
};

/**
 * Where the reference documents fields that ServiceTitan's spec does not return, we follow the spec (the shape the
 * action really returns), and say why here.
 */
const SPEC_OVER_REFERENCE: Record<string, string> = {
  updateCustomer: "PATCH customers/{id} answers Crm.V2.Customers.CustomerResponse, which has no locations or contacts",
  // The May 2026 contract dropped invoice items' detailType and rootId (live responses of June 2026 agree).
  listInvoices: "Accounting.V2.InvoiceItemResponse (May 2026) has no detailType or rootId",
};

/** Actions that reshape what their operation answers (and say so in their description), with how. */
const RESHAPED_OUTPUT: Record<string, string> = {
  runReport: "rows become objects keyed by the report's field names; the run's figures (rows, requests, wait) are added",
  listDynamicValues: "rows become objects keyed by the value set's field names",
};

describe("example payloads", () => {
  // Binary downloads return a file ({data: Buffer, contentType}), not the operation's JSON.
  const jsonActions = Object.entries(actionOperations).filter(
    ([key]) => !("contentType" in (component.actions[key].examplePayload as object)) && !RESHAPED_OUTPUT[key],
  );

  it.each(Object.keys(RESHAPED_OUTPUT))("%s's example shows the fields and rows it reshapes", (key) => {
    const ours = keysOf(component.actions[key].examplePayload);
    for (const field of ["fields", "data", "name", "label", "recordCount"]) expect(ours.has(field)).toBe(true);
  });

  it.each(jsonActions)("%s's example has the shape of what its operation returns, nothing invented", (key, operation) => {
    const ours = keysOf(component.actions[key].examplePayload);
    const declared = keysOf(exampleOf(operation as OperationKey));
    expect([...ours].filter((field) => !declared.has(field))).toEqual([]);
    expect(ours.size > 1).toBe(declared.size > 1); // {data: {}} only where the operation answers nothing
  });

  it.each(Object.entries(referenceExampleKeys()))("%s's example has every field the reference documents", (key, referenceKeys) => {
    const ours = keysOf(component.actions[key].examplePayload);
    const missing = [...referenceKeys].filter((field) => !ours.has(field));
    if (SPEC_OVER_REFERENCE[key]) expect(missing.length).toBeGreaterThan(0);
    else expect(missing).toEqual([]);
  });
});
