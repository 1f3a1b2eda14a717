import { readFileSync } from "fs";
import path from "path";
import component from "../src";

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
};

/** Actions that reshape what their operation answers (and say so in their description), with how. */
const RESHAPED_OUTPUT: Record<string, string> = {
  runReport: "rows become objects keyed by the report's field names; the run's figures (rows, requests, wait) are added",
  listDynamicValues: "rows become objects keyed by the value set's field names",
};

/**
 * The examples Prismatic shows are recorded from the sandbox's demo tenant through the real actions (npm run examples;
 * test/outputs.test.ts proves each matches its action's output schema and is current). Here: they read like ServiceTitan
 * data and keep every field the reference component documents.
 */
describe("example payloads", () => {
  const recorded = JSON.parse(readFileSync(path.join(__dirname, "..", "src", "generated", "examples.json"), "utf8")) as Record<
    string,
    { data: unknown }
  >;

  it.each(Object.keys(RESHAPED_OUTPUT))("%s's example shows the fields and rows it reshapes", (key) => {
    const ours = keysOf(component.actions[key].examplePayload);
    for (const field of ["fields", "data", "name", "label", "recordCount"]) expect(ours.has(field)).toBe(true);
    const rows = (recorded[key].data as { data: unknown[] }).data;
    expect(rows.length).toBeGreaterThan(0);
    expect(Array.isArray(rows[0])).toBe(false); // objects, not ServiceTitan's positional arrays
  });

  it.each(Object.entries(referenceExampleKeys()))("%s's example has every field the reference documents", (key, referenceKeys) => {
    expect(recorded[key]).toBeDefined(); // recorded from the sandbox, not built from the schema
    const ours = keysOf(component.actions[key].examplePayload);
    const missing = [...referenceKeys].filter((field) => !ours.has(field));
    if (SPEC_OVER_REFERENCE[key]) expect(missing.length).toBeGreaterThan(0);
    else expect(missing).toEqual([]);
  });

  it("reads like ServiceTitan's answers: 7-digit fractional timestamps, money with two decimals, no placeholders", () => {
    const strings: Array<[string, string]> = [];
    const numbers: Array<[string, number]> = [];
    const walk = (value: unknown, field = "") => {
      if (Array.isArray(value)) value.forEach((item) => walk(item, field));
      else if (value && typeof value === "object") Object.entries(value).forEach(([k, v]) => walk(v, k));
      else if (typeof value === "string") strings.push([field, value]);
      else if (typeof value === "number") numbers.push([field, value]);
    };
    walk(recorded);
    // When something happened (createdOn, modifiedOn …): .NET's seven digits; planned times: whole seconds.
    const times = strings.filter(([, v]) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(v) && !/T00:00:00/.test(v));
    const happened = times.filter(([k]) => /On$|^timeStamp$|At$/.test(k));
    expect(happened.length).toBeGreaterThan(1000);
    expect(happened.filter(([, v]) => !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}(Z|[+-]\d\d:\d\d)$/.test(v))).toEqual([]);
    expect(times.filter(([k, v]) => !/On$|^timeStamp$|At$/.test(k) && /\.\d+(Z|[+-]\d\d:\d\d)$/.test(v))).toEqual([]);
    const money = /(?:^|[a-z])(?:price|amount|total|subtotal|cost|balance|tax|shipping)$/i;
    expect(strings.filter(([k, v]) => money.test(k) && /^-?\d+(\.\d+)?$/.test(v) && !/^-?\d+\.\d\d$/.test(v))).toEqual([]);
    expect(numbers.filter(([k, v]) => money.test(k) && Math.abs(Math.round(v * 100) - v * 100) > 1e-6)).toEqual([]);
    // What a schema-built example would hold: "string", the sandbox's "Sample …" texts, its address.
    expect(strings.filter(([, v]) => v === "string" || /^Sample /.test(v) || /127\.0\.0\.1/.test(v))).toEqual([]);
  });
});
