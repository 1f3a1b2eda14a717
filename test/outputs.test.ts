import { Validator, type OutputUnit } from "@cfworker/json-schema";
import { readFileSync } from "fs";
import component, { actionOperations } from "../src";
import { EXAMPLES_FILE, NOT_RECORDED, recordExamples, serialise } from "../scripts/examples";
import { runAction, useSandbox } from "./support";

/**
 * Every action tells Prismatic what its step returns (an output schema, from the operation's response schema or
 * declared by the action), and that schema is what the action really returns: each example recorded from the sandbox
 * (npm run examples) validates against it, strictly (no field the schema does not declare), and a fresh recording
 * gives the same examples.
 */
type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const keys = Object.keys(component.actions).sort();
const schemaOf = (key: string): Schema => {
  const output = component.actions[key].outputSchema as unknown as { type: string; schema: string } | undefined;
  return JSON.parse(output!.schema);
};

/** The schema with every object that lists its properties closed to others: an undeclared field fails. */
const strict = (schema: Schema): Schema => {
  if (Array.isArray(schema)) return schema.map(strict);
  if (!schema || typeof schema !== "object") return schema;
  const out: Schema = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === "enum" ? v : strict(v)]));
  if (schema.properties && schema.additionalProperties === undefined) out.additionalProperties = false;
  return out;
};

const COMPOSITE = new Set(["properties", "items", "anyOf", "oneOf", "allOf", "$ref", "additionalProperties", "prefixItems"]);
/** What is wrong with `data` for the action's schema ([] when it matches): "location: problem", leaves only. */
export const outputProblems = (key: string, data: unknown): string[] => {
  const result = new Validator(strict(schemaOf(key)) as never, "2020-12", false).validate(data);
  if (result.valid) return [];
  const leaves = result.errors.filter((e: OutputUnit) => !COMPOSITE.has(e.keyword) || e.keyword === "additionalProperties");
  return (leaves.length ? leaves : result.errors).slice(0, 5).map((e: OutputUnit) => `${e.instanceLocation}: ${e.error}`);
};

const recorded = JSON.parse(readFileSync(EXAMPLES_FILE, "utf8")) as Record<string, { data: unknown }>;

describe("output schemas", () => {
  it.each(keys)("%s declares an output schema Prismatic can read", (key) => {
    const output = component.actions[key].outputSchema as unknown as { type: string; schema: string };
    expect(output.type).toBe("actionOutput");
    const schema = JSON.parse(output.schema);
    expect(schema.type ?? schema.anyOf).toBeDefined();
    expect(() => new Validator(schema, "2020-12", false)).not.toThrow();
  });

  it("records an example for at least 90% of the actions; the others are named with the reason", () => {
    const missing = keys.filter((key) => !recorded[key]);
    expect(missing.filter((key) => !NOT_RECORDED[key as keyof typeof NOT_RECORDED])).toEqual([]);
    expect(keys.length - missing.length).toBeGreaterThanOrEqual(Math.ceil(keys.length * 0.9));
    expect(Object.keys(recorded).filter((key) => !component.actions[key])).toEqual([]); // no example of a removed action
  });

  it.each(keys.filter((key) => recorded[key]))("%s's recorded example matches its output schema", (key) => {
    expect(outputProblems(key, recorded[key].data)).toEqual([]);
  });

  it("the component's example payload is the recorded one", () => {
    for (const key of keys.filter((k) => recorded[k])) expect(component.actions[key].examplePayload).toEqual(recorded[key]);
  });

  it("checks strictly: a field the schema does not declare, a wrong type or a missing envelope fails", () => {
    const job = (recorded.getJob.data as Record<string, unknown>) ?? {};
    expect(outputProblems("getJob", job)).toEqual([]);
    expect(outputProblems("getJob", { ...job, invented: 1 })).not.toEqual([]);
    expect(outputProblems("getJob", { ...job, id: "10001" })).not.toEqual([]);
    expect(outputProblems("listJobs", [job])).not.toEqual([]);
  });
});

describe("Fetch All answers match the same schemas (the examples show one page)", () => {
  const ctx = useSandbox();
  it.each([
    ["listJobs", { fetchAll: true, maxRecords: "3" }],
    ["listInvoices", { fetchAll: true }],
    ["listCustomers", { fetchAll: true, maxRecords: "5" }],
    ["exportJobs", {}],
    [
      "runReport",
      {
        reportCategory: "accounting",
        reportId: "495001",
        parameters: [
          { key: "From", value: "2025-01-01" },
          { key: "To", value: "2025-03-31" },
        ],
        fetchAll: true,
      },
    ],
  ])("%s", async (key, inputs) => {
    const { data } = (await runAction(key, { connection: ctx.connection, ...inputs })) as { data: Record<string, unknown> };
    if ("fetchAll" in inputs)
      expect(data).toEqual(expect.objectContaining({ recordCount: expect.any(Number), complete: expect.any(Boolean) }));
    expect(outputProblems(key, data)).toEqual([]);
  });
});

describe("what the sandbox returns now", () => {
  let fresh: Awaited<ReturnType<typeof recordExamples>>;
  beforeAll(async () => {
    fresh = await recordExamples({ component, operations: actionOperations });
  }, 300_000);

  it("records every action it can (a failure names the action and why)", () => {
    expect(fresh.failures).toEqual(NOT_RECORDED);
  });

  it("every action's result, fresh from the sandbox, matches its output schema", () => {
    const wrong = Object.entries(fresh.examples)
      .map(([key, result]) => [key, outputProblems(key, (result as { data: unknown }).data)] as const)
      .filter(([, problems]) => problems.length);
    expect(Object.fromEntries(wrong)).toEqual({});
  });

  it("src/generated/examples.json is that recording (else run npm run examples)", () => {
    expect(readFileSync(EXAMPLES_FILE, "utf8")).toBe(serialise(fresh.examples));
  });
});
