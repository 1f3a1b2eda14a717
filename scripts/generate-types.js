#!/usr/bin/env node
// Regenerates everything derived from the vendored ServiceTitan specs in openapi/:
//  1. openapi/oas3/<module>.json  every spec as OpenAPI 3 (the CRM file is Swagger 2.0 and is converted
//     with swagger2openapi), paths prefixed with the module base so one table covers all modules.
//     The sandbox validates requests against these files.
//  2. src/generated/<module>.ts   TypeScript types from openapi-typescript.
//  3. src/generated/examples.json     "VERB /full/path" -> an example of its success response, built from the
//     response schema the way the reference component documents payloads ("string", 0, true): action examplePayloads.
//  4. src/generated/operations.json  "VERB /full/path" -> declared path/query parameters and body kind:
//     the request core uses it to send only the query parameters an operation declares.
const fs = require("fs");
const path = require("path");
const { execFileSync } = require("child_process");
const converter = require("swagger2openapi");

const root = path.resolve(__dirname, "..");
// Where the outputs go: the project itself, or (for the drift test) another folder given as the first argument.
const outRoot = path.resolve(process.argv[2] || root);
const SPECS = {
  jpm: { file: "tenant-jpm-v2.json", base: "/jpm/v2" },
  dispatch: { file: "tenant-dispatch-v2.json", base: "/dispatch/v2" },
  crm: { file: "tenant-crm-v2.json", base: "/crm/v2" },
  accounting: { file: "tenant-accounting-v2.json", base: "/accounting/v2" },
  equipmentsystems: { file: "tenant-equipment-systems-v2.json", base: "/equipmentsystems/v2" },
  settings: { file: "tenant-settings-v2.json", base: "/settings/v2" },
};
const VERBS = ["get", "post", "put", "patch", "delete"];

const toOas3 = async (spec) => (spec.swagger ? (await converter.convertObj(spec, { patch: true, warnOnly: true })).openapi : spec);

const resolveRef = (doc, node) => {
  let current = node;
  while (current && current.$ref) {
    current = current.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce((o, k) => o[k], doc);
  }
  return current;
};

const describeSchema = (doc, schema) => {
  const resolved = resolveRef(doc, schema) || {};
  const variant = resolved.oneOf || resolved.anyOf || resolved.allOf;
  const inner = variant ? resolveRef(doc, variant[0]) : resolved;
  const out = { type: inner.type || resolved.type || "string" };
  if (inner.format) out.format = inner.format;
  if (inner.enum) out.enum = inner.enum;
  if (resolved.type === "array" && resolved.items) out.items = describeSchema(doc, resolved.items);
  return out;
};

/** An example value for a schema: "string", 0, true, one array item; enums take their first value. */
const exampleOf = (doc, schema, depth = 0) => {
  const s = resolveRef(doc, schema) || {};
  if (depth > 6) return {};
  const variant = s.oneOf || s.anyOf || s.allOf;
  if (variant && !s.properties) {
    if (s.allOf) {
      const parts = s.allOf.map((x) => exampleOf(doc, x, depth + 1));
      return parts.every((x) => x && typeof x === "object" && !Array.isArray(x)) ? Object.assign({}, ...parts) : parts[0];
    }
    return exampleOf(doc, variant[0], depth + 1);
  }
  if (s.enum) return s.enum[0];
  if (s.type === "array") return [exampleOf(doc, s.items, depth + 1)];
  if (s.type === "object" || s.properties) {
    return Object.fromEntries(Object.entries(s.properties || {}).map(([k, v]) => [k, exampleOf(doc, v, depth + 1)]));
  }
  if (s.type === "integer" || s.type === "number") return 0;
  if (s.type === "boolean") return true;
  if (s.type === "string") return s.format === "date-time" ? "2025-01-01T00:00:00Z" : "string";
  return {};
};

const successSchema = (op) => {
  const ok = Object.entries(op.responses || {}).find(([code]) => /^2/.test(code));
  const content = ok && ok[1].content;
  const media = content && (content["application/json"] || Object.values(content)[0]);
  return media && media.schema;
};

async function main() {
  const examples = {};
  const outDir = path.join(outRoot, "openapi", "oas3");
  fs.mkdirSync(path.join(outRoot, "src", "generated"), { recursive: true });
  fs.mkdirSync(outDir, { recursive: true });
  const operations = {};
  for (const [module, { file, base }] of Object.entries(SPECS)) {
    const original = JSON.parse(fs.readFileSync(path.join(root, "openapi", file), "utf8"));
    const doc = await toOas3(original);
    // Full paths from the host root, so the sandbox and the core share one address space.
    doc.servers = [{ url: "/" }];
    doc.paths = Object.fromEntries(Object.entries(doc.paths).map(([p, item]) => [base + p, item]));
    fs.writeFileSync(path.join(outDir, `${module}.json`), JSON.stringify(doc, null, 1) + "\n");

    for (const [p, item] of Object.entries(doc.paths)) {
      for (const verb of VERBS) {
        const op = item[verb];
        if (!op) continue;
        const params = [...(item.parameters || []), ...(op.parameters || [])].map((x) => resolveRef(doc, x));
        const body = resolveRef(doc, op.requestBody);
        const contentTypes = body ? Object.keys(body.content || {}) : [];
        const schema = successSchema(op);
        examples[`${verb.toUpperCase()} ${p}`] = schema ? exampleOf(doc, schema) : {};
        operations[`${verb.toUpperCase()} ${p}`] = {
          operationId: op.operationId,
          module,
          summary: op.summary || "",
          pathParams: params.filter((x) => x.in === "path").map((x) => x.name),
          query: params
            .filter((x) => x.in === "query")
            .map((x) => ({ name: x.name, required: !!x.required, ...describeSchema(doc, x.schema), description: x.description || "" })),
          body: contentTypes.length ? (contentTypes.includes("application/json") ? "json" : contentTypes[0]) : null,
          bodyRequired: !!(body && body.required),
        };
      }
    }
    execFileSync(
      path.join(root, "node_modules", ".bin", "openapi-typescript"),
      [path.join(outDir, `${module}.json`), "-o", path.join(outRoot, "src", "generated", `${module}.ts`), "--silent"],
      { stdio: "inherit" },
    );
  }
  fs.writeFileSync(path.join(outRoot, "src", "generated", "examples.json"), JSON.stringify(examples, null, 1) + "\n");
  fs.writeFileSync(path.join(outRoot, "src", "generated", "operations.json"), JSON.stringify(operations, null, 1) + "\n");
  console.log(`generated ${Object.keys(operations).length} operations from ${Object.keys(SPECS).length} specs`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
