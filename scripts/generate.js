#!/usr/bin/env node
// npm run generate: everything derived from the vendored ServiceTitan documents in openapi/ (see scripts/specs.js).
//
//  src/generated/operations.json        "VERB /full/path" -> what the request core, the actions and the docs need
//                                        of every operation: module, source document, label parts, body kind,
//                                        response kind, whether it is a list or an export feed. Small, read at start-up.
//  src/generated/params/<module>.json    per module, read when one of its operations is first used: path and query
//                                        parameters and top-level body fields, typed, descriptions cleaned.
//  src/generated/schemas/<module>.json   per module, loaded only when first needed: compact JSON schemas (2020-12,
//                                        `$defs` shared within the module) of every request body and success
//                                        response: what requests are validated against before they are sent, and
//                                        what output schemas and example payloads are derived from.
//  src/generated/operationKeys.ts        the OperationKey union type (so the compiler need not read operations.json).
//  src/generated/modules.json            module key -> title, path base, source documents.
//  src/generated/types/<module>.ts       TypeScript types (openapi-typescript), type-only: nothing reaches the bundle.
//
// Deterministic: same documents in, same files out (test/generated.test.ts regenerates and compares).
const fs = require("fs");
const path = require("path");
const { loadModules, moduleOperations, SOURCES } = require("./specs");

const root = path.resolve(__dirname, "..");
// Where the outputs go: the project itself, or (for the drift test) another folder given as the first argument.
const outRoot = path.resolve(process.argv[2] || root);
const generatedDir = path.join(outRoot, "src", "generated");

// ---- references and schemas ------------------------------------------------------------------------------------

const refName = (ref) => decodeURIComponent(ref.replace(/^#\/components\/schemas\//, ""));
const resolve = (doc, node) => {
  let current = node;
  for (let hops = 0; current && current.$ref && hops < 20; hops++) {
    current = current.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce((o, k) => o && o[decodeURIComponent(k).replace(/~1/g, "/").replace(/~0/g, "~")], doc);
  }
  return current;
};

/** Keywords a compact schema keeps: what validation and output schemas need. Descriptions and examples go. */
const KEPT = [
  "type",
  "enum",
  "const",
  "required",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "pattern",
];
/** Formats worth checking or showing; int32/int64/double … add nothing to the JSON type. */
const KEPT_FORMATS = new Set(["date-time", "date", "uuid", "guid", "email", "binary"]);

const stableStringify = (value) => JSON.stringify(value);

/**
 * A property whose whole schema is `type: "null"` is how the documents' converter renders a value of any type (.NET
 * `object`): the report parameter's `value`, whose example is `{}` and which takes strings, numbers, arrays. As
 * written it would refuse every value but null, so it is compacted to `{}` (any JSON value).
 */
const untyped = (schema) =>
  !!schema && typeof schema === "object" && schema.type === "null" && Object.keys(schema).every((k) => ["type", "description"].includes(k));

/**
 * Turns the schemas of one module's documents into compact JSON Schema 2020-12 with `$defs`. A March document's
 * schema whose compact form differs from the May one of the same name is kept under "<name>@2026-03".
 */
class SchemaCompactor {
  constructor() {
    /** name -> compact schema */
    this.defs = {};
    /** `${source}:${name}` -> def name */
    this.names = new Map();
  }

  /** The compact form of `schema` (from `doc`, a document of `source`). */
  compact(doc, source, schema) {
    return this.#node(doc, source, schema, source === SOURCES.previous);
  }

  #def(doc, source, name, legacy) {
    const id = `${source}:${name}`;
    if (this.names.has(id)) return this.names.get(id);
    const target = source === SOURCES.current ? name : `${name}@${source}`;
    this.names.set(id, target); // before compacting: recursive schemas refer to themselves
    const compact = this.#node(doc, source, resolve(doc, { $ref: `#/components/schemas/${name}` }), legacy);
    if (source !== SOURCES.current && this.defs[name] && stableStringify(this.defs[name]) === stableStringify(compact)) {
      this.names.set(id, name); // the same schema as May's: share it
      return name;
    }
    this.defs[target] = compact;
    return target;
  }

  #node(doc, source, schema, legacy) {
    if (!schema || typeof schema !== "object") return {};
    if (schema.$ref) {
      if (!schema.$ref.startsWith("#/components/schemas/")) return this.#node(doc, source, resolve(doc, schema), legacy);
      return { $ref: `#/$defs/${this.#def(doc, source, refName(schema.$ref), legacy)}` };
    }
    const out = {};
    for (const key of KEPT) if (schema[key] !== undefined) out[key] = schema[key];
    if (Array.isArray(out.enum)) out.enum = [...new Set(out.enum)];
    if (schema.format && KEPT_FORMATS.has(schema.format)) out.format = schema.format;
    if (schema.properties) {
      out.properties = Object.fromEntries(
        Object.entries(schema.properties).map(([k, v]) => [k, untyped(v) ? {} : this.#node(doc, source, v, legacy)]),
      );
    }
    if (schema.items) out.items = this.#node(doc, source, schema.items, legacy);
    if (schema.additionalProperties !== undefined) {
      out.additionalProperties =
        typeof schema.additionalProperties === "object"
          ? this.#node(doc, source, schema.additionalProperties, legacy)
          : schema.additionalProperties;
    } else if (legacy && schema.properties) {
      // The May documents close every object (additionalProperties: false: ServiceTitan drops unknown fields
      // silently); the March ones predate that. Close them too, so a misspelled field is refused the same way.
      out.additionalProperties = false;
    }
    for (const combinator of ["oneOf", "anyOf", "allOf"]) {
      if (!schema[combinator]) continue;
      const parts = schema[combinator].map((part) => this.#node(doc, source, part, legacy));
      // oneOf: [X] only carries a description next to X: it is X.
      if (parts.length === 1 && !Object.keys(out).length) return this.#nullable(parts[0], schema);
      out[combinator] = parts;
    }
    return this.#nullable(out, schema);
  }

  /**
   * OpenAPI 3.0's `nullable: true` as 3.1 / JSON Schema says it: a type array, or anyOf with null. The March documents
   * use it throughout; a few schemas of the May ones still carry it too.
   */
  #nullable(out, schema) {
    if (schema.nullable !== true) return out;
    if (typeof out.type === "string") return { ...out, type: [out.type, "null"] };
    return { anyOf: [out, { type: "null" }] };
  }
}

/** Every `$defs` name a schema uses, transitively. */
const usedDefs = (schema, defs, into = new Set()) => {
  const visit = (node) => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node.$ref === "string") {
      const name = node.$ref.replace("#/$defs/", "");
      if (!into.has(name)) {
        into.add(name);
        visit(defs[name]);
      }
    }
    Object.values(node).forEach(visit);
  };
  visit(schema);
  return into;
};

// ---- operations --------------------------------------------------------------------------------------------------

/** One line of prose from a spec description: no escaped line breaks, no "Values: […]" (the enum says it). */
const cleanText = (text) =>
  String(text || "")
    .replace(/\\\n|\\n|\n/g, " ")
    .replace(/\\$/g, "")
    .replace(/Values:\s*\[[^\]]*\]/g, "")
    .replace(/^Format - [\w-]+( \([^)]*\))?\.\s*/, "")
    .replace(/\s+/g, " ")
    .trim();

/** "Jobs_GetList" (an operation id where a summary should be) → "Get list"; prose stays as written. */
const summaryOf = (op) => {
  const summary = cleanText(op.summary || op.description || op.operationId);
  const id = /^[A-Za-z]+_([A-Za-z0-9]+)$/.exec(summary);
  if (!id) return summary.replace(/\.$/, "");
  const words = id[1].replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words[0].toUpperCase() + words.slice(1);
};

/** The fields a `sort` parameter's description lists ("Available fields are: Id, ModifiedOn." / "Options: Id, Name."). */
const sortFieldsOf = (description) => {
  const match = /(?:Available fields are|Options):?\s*([A-Za-z, ]+?)(?:\.|\\|\n|$)/.exec(description || "");
  return match
    ? match[1]
        .split(",")
        .map((f) => f.trim())
        .filter(Boolean)
    : undefined;
};

/** A parameter's declared JSON type, format, enum and items (a nullable type array counts as its non-null type). */
const describeType = (compactor, doc, source, schema) => {
  const compact = compactor.compact(doc, source, schema || {});
  const flat = (node) => {
    let s = node.$ref ? compactor.defs[node.$ref.replace("#/$defs/", "")] || {} : node;
    const variants = s.oneOf || s.anyOf;
    if (variants) s = variants.map(flat).find((v) => v.type !== "null") || {};
    return s;
  };
  const s = flat(compact);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  const out = { type: type || "string" };
  const format = (resolve(doc, schema) || {}).format;
  if (format) out.format = format;
  if (s.enum) out.enum = s.enum.filter((v) => v !== null);
  if (type === "array" && s.items) out.items = describeType(compactor, doc, source, resolve(doc, schema).items);
  if (s.maximum !== undefined) out.maximum = s.maximum;
  if (s.minimum !== undefined) out.minimum = s.minimum;
  return out;
};

const successResponse = (op) => Object.entries(op.responses || {}).find(([code]) => /^2/.test(code));

/** How the operation answers: JSON, a file (bytes), a redirect to a file, or nothing. */
const responseKind = (op) => {
  const codes = Object.keys(op.responses || {});
  if (codes.some((c) => /^3/.test(c)) && !Object.values(op.responses).some((r, i) => /^2/.test(codes[i]) && r.content)) return "redirect";
  const ok = successResponse(op);
  const content = (ok && ok[1].content) || {};
  if (content["application/json"]) return "json";
  if (Object.keys(content).some((type) => type !== "application/json" && !/json|text\/plain/.test(type))) return "file";
  if (Object.keys(content).length) return "json";
  return "none";
};

const hasFields = (doc, schema, fields) => {
  const s = resolve(doc, schema);
  return !!(s && s.properties && fields.every((f) => f in s.properties));
};

// ---- export feeds -----------------------------------------------------------------------------------------------

const camel = (text) => text.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const singularOf = (word) => word.replace(/ies$/, "y").replace(/([^s])s$/, "$1");

/**
 * What the trigger and the Export actions need of a feed, from its path and item schema: a key ("customerContacts"
 * for export/customers/contacts), a label, what identifies a record (its id, or the ids a record without one is
 * keyed by), when it changed, and whether its records are events (logs with no modifiedOn: each one is new).
 */
/** Modules whose feeds have generic names ("categories", "returns", "activities"): their keys say whose they are. */
const FEED_PREFIXES = { pricebook: "pricebook", inventory: "inventory", timesheets: "timesheet" };

const feedOf = (module, doc, path, op, responseSchema) => {
  const tail = (/\/export\/(.+)$/.exec(path) || [])[1] || (/\/tenant\/\{tenant\}\/(.+)\/export$/.exec(path) || [])[1];
  const parts = tail.split("/");
  const legacy = /legacy/i.test(op.summary || "");
  const prefix = FEED_PREFIXES[module] ? [FEED_PREFIXES[module]] : [];
  const key = camel([...prefix, ...parts.slice(0, -1).map(singularOf), parts[parts.length - 1]].join("-")) + (legacy ? "Legacy" : "");
  const label = key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase());
  const item = resolve(doc, (resolve(doc, responseSchema).properties.data || {}).items) || {};
  const fields = Object.keys(item.properties || {});
  const ids = fields.includes("id")
    ? ["id"]
    : (item.required || []).filter((name) => /Id$/.test(name) && (resolve(doc, item.properties[name]) || {}).type === "integer");
  const time = fields.includes("modifiedOn") ? "modifiedOn" : fields.includes("createdOn") ? "createdOn" : undefined;
  return {
    key,
    label: legacy ? `${label.replace(/ Legacy$/, "")} (legacy)` : label,
    ...(ids.length && ids[0] !== "id" ? { idFields: ids } : {}),
    ...(time !== "modifiedOn" ? { timeField: time || null } : {}),
    ...(!fields.includes("modifiedOn") ? { events: true } : {}),
  };
};

async function main() {
  const modules = loadModules();
  const operations = {};
  const moduleInfo = {};
  fs.mkdirSync(path.join(generatedDir, "schemas"), { recursive: true });
  fs.mkdirSync(path.join(generatedDir, "types"), { recursive: true });

  for (const module of modules) {
    const compactor = new SchemaCompactor();
    const requests = {};
    const responses = {};
    for (const { key, item, op, source, doc } of moduleOperations(module)) {
      const params = [...(item.parameters || []), ...(op.parameters || [])].map((p) => resolve(doc, p));
      const body = resolve(doc, op.requestBody);
      const bodySchema = body && body.content && body.content["application/json"] && body.content["application/json"].schema;
      const bodyResolved = resolve(doc, bodySchema);
      // Uploads are declared as JSON with a binary `file` property; ServiceTitan takes them as multipart/form-data.
      const upload = !!(
        bodyResolved &&
        bodyResolved.properties &&
        Object.values(bodyResolved.properties).some((p) => p.format === "binary")
      );
      const ok = successResponse(op);
      const responseSchema = ok && ok[1].content && (ok[1].content["application/json"] || Object.values(ok[1].content)[0]).schema;

      const query = params
        .filter((p) => p.in === "query")
        .map((p) => {
          const entry = { name: p.name, required: !!p.required, ...describeType(compactor, doc, source, p.schema) };
          entry.description = cleanText(p.description);
          if (p.name === "sort") {
            const fields = sortFieldsOf(p.description);
            if (fields) entry.sortFields = fields;
          }
          const stated = /Maximum value is (\d+)/i.exec(p.description || "");
          if (stated && entry.maximum === undefined) entry.maximum = Number(stated[1]);
          return entry;
        });
      // The body's top-level fields, typed and described: what curated actions derive their inputs from.
      const bodyTarget = bodyResolved && !upload ? resolve(doc, bodyResolved.oneOf ? bodyResolved.oneOf[0] : bodyResolved) : undefined;
      const bodyFields =
        bodyTarget && bodyTarget.properties
          ? Object.entries(bodyTarget.properties).map(([name, property]) => {
              const described = resolve(doc, property) || {};
              const inner = described.oneOf || described.anyOf ? resolve(doc, (described.oneOf || described.anyOf)[0]) || {} : described;
              const field = {
                name,
                required: (bodyTarget.required || []).includes(name),
                ...describeType(compactor, doc, source, property),
              };
              if (field.type === "string" && inner.type === "object") field.type = "object";
              if (!inner.type && inner.properties) field.type = "object";
              field.description = cleanText(property.description || described.description || inner.description);
              return field;
            })
          : undefined;
      const list = hasFields(doc, responseSchema, ["page", "pageSize", "hasMore", "data"]);
      const feed = hasFields(doc, responseSchema, ["hasMore", "continueFrom", "data"]);
      operations[key] = {
        module: module.key,
        ...(source !== SOURCES.current ? { source } : {}),
        operationId: op.operationId,
        tag: (op.tags && op.tags[0]) || "",
        summary: summaryOf(op),
        pathParams: params
          .filter((p) => p.in === "path")
          .map((p) => ({ name: p.name, ...describeType(compactor, doc, source, p.schema) }))
          .map(({ name, type, format }) => ({ name, type, ...(format ? { format } : {}) })),
        query,
        body: body ? (upload ? "multipart" : bodySchema ? "json" : Object.keys(body.content || {})[0] || "json") : null,
        bodyRequired: !!(body && body.required),
        ...(bodyFields ? { bodyFields } : bodySchema && !upload ? { arrayBody: true } : {}),
        response: responseKind(op),
        ...(list ? { list: true } : {}),
        ...(feed
          ? {
              export: true,
              feed: {
                ...feedOf(module.key, doc, key.split(" ")[1], op, responseSchema),
                ...(query.some((q) => q.name === "active") ? { activeFilter: true } : {}),
              },
            }
          : {}),
        ...(op.deprecated ? { deprecated: true } : {}),
      };
      if (bodySchema && !upload) requests[key] = compactor.compact(doc, source, bodySchema);
      if (responseSchema) responses[key] = compactor.compact(doc, source, responseSchema);
    }
    // Only the definitions some request or response uses (query enums were resolved inline above).
    const used = usedDefs({ requests, responses }, compactor.defs);
    const defs = Object.fromEntries(
      Object.keys(compactor.defs)
        .filter((name) => used.has(name))
        .sort()
        .map((name) => [name, compactor.defs[name]]),
    );
    fs.writeFileSync(path.join(generatedDir, "schemas", `${module.key}.json`), JSON.stringify({ defs, requests, responses }) + "\n");
    moduleInfo[module.key] = {
      title: module.title,
      base: module.base,
      documents: module.documents.map((d) => ({ source: d.source, file: d.file || module.file })),
    };
  }

  // The parameters (the bulk of the table) go per module, read when an operation of that module is first used: a
  // flow step loads the index of every operation but the parameters of the one it calls.
  fs.mkdirSync(path.join(generatedDir, "params"), { recursive: true });
  const index = {};
  const params = {};
  for (const [key, op] of Object.entries(operations)) {
    const { pathParams, query, bodyFields, ...rest } = op;
    index[key] = rest;
    (params[op.module] ??= {})[key] = { pathParams, query, ...(bodyFields ? { bodyFields } : {}) };
  }
  for (const [module, table] of Object.entries(params)) {
    fs.writeFileSync(path.join(generatedDir, "params", `${module}.json`), JSON.stringify(table) + "\n");
  }
  fs.writeFileSync(path.join(generatedDir, "operations.json"), JSON.stringify(index, null, 1) + "\n");
  fs.writeFileSync(path.join(generatedDir, "modules.json"), JSON.stringify(moduleInfo, null, 1) + "\n");
  fs.writeFileSync(
    path.join(generatedDir, "operationKeys.ts"),
    '// Generated by npm run generate from openapi/. Do not edit.\n/** Every operation of the vendored documents, "VERB /path" as declared: a misspelled key does not compile. */\nexport type OperationKey =\n' +
      Object.keys(operations)
        .map((key) => `  | ${JSON.stringify(key)}`)
        .join("\n") +
      ";\n",
  );
  await writeTypes(modules);
  const feedKeys = Object.values(operations)
    .filter((o) => o.feed)
    .map((o) => o.feed.key);
  const repeated = feedKeys.filter((k, i) => feedKeys.indexOf(k) !== i);
  if (repeated.length) throw new Error(`export feeds share a key: ${repeated.join(", ")}`);
  const feeds = feedKeys.length;
  console.log(`generated ${Object.keys(operations).length} operations (${feeds} export feeds) from ${modules.length} modules`);
}

/** TypeScript types of each document (openapi-typescript's API; its output is type-only). */
async function writeTypes(modules) {
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  for (const module of modules) {
    for (const { source, doc } of module.documents) {
      const name = source === SOURCES.current ? module.key : `${module.key}.${source}`;
      const ast = await openapiTS(doc, { silent: true });
      const header = `// Generated by npm run generate from openapi/ (${module.title}, ${source}). Do not edit.\n`;
      fs.writeFileSync(path.join(generatedDir, "types", `${name}.ts`), header + astToString(ast));
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
