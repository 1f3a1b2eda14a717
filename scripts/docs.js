#!/usr/bin/env node
"use strict";
/**
 * Generates docs/actions.md (every action, data source and trigger by module and resource, with inputs and what it
 * returns), and the README's tables (actions per module, coverage of the operations) from the component definition
 * and the generated operation table, so the documentation cannot drift from the code (test/runner/docs.test.ts fails
 * when either file is out of date).
 *
 *   npm run docs            rewrite both
 *   npm run docs -- --check exit 1 when either is out of date (CI)
 */
const fs = require("fs");
const path = require("path");
const { ROOT, loadComponent } = require("./invoke");

/** The generated operation table and module titles (plain JSON: what the component's core checks requests against). */
const OPERATIONS = require("../src/generated/operations.json");
const MODULES = require("../src/generated/modules.json");

const ACTIONS_DOC = path.join(ROOT, "docs", "actions.md");
const README = path.join(ROOT, "README.md");
const TABLE_START = "<!-- actions:start -->";
const TABLE_END = "<!-- actions:end -->";
const COVERAGE_START = "<!-- coverage:start -->";
const COVERAGE_END = "<!-- coverage:end -->";

/** Actions that are not one ServiceTitan operation say what they call instead. */
const NOT_ONE_OPERATION = {
  rawRequest: "any verb, any path on the API host",
  callOperation: "any operation of the 25 modules, checked against its spec",
};

const count = (list, noun) => `${list.length} ${noun}${list.length === 1 ? "" : "s"}`;
const byKey = (collection) => Object.entries(collection || {}).sort(([a], [b]) => a.localeCompare(b));

/** Table cells: one line, no column breaks. */
const cell = (value) =>
  value === undefined || value === null || value === "" ? "" : String(value).replace(/\r?\n/g, " ").replace(/\|/g, "\\|").trim();
const code = (value) => (value === undefined || value === null || value === "" ? "" : `\`${cell(value).replace(/`/g, "'")}\``);

/** "VERB /path" for a key, from the component's exported operation maps (`actionOperations` …). */
const operationOf = (operations, key) => operations[key] || NOT_ONE_OPERATION[key];

/** "VERB /path" as code; a sentence (Raw Request) as text. */
const request = (operations, key) => {
  const operation = operationOf(operations, key);
  return /^[A-Z]+ \//.test(operation || "") ? code(operation) : cell(operation);
};

const typeOf = (input) => {
  const collection = input.collection === "valuelist" ? " list" : input.collection === "keyvaluelist" ? " key/value list" : "";
  const kind = input.model && input.model.length ? "dropdown" : input.type === "code" ? `${input.language || "code"}` : input.type;
  return `${kind}${collection}`;
};

const commentsOf = (input) => {
  const parts = [];
  if (input.comments) parts.push(cell(input.comments));
  const choices = (input.model || []).map((m) => m.value).filter((v) => v !== "");
  // A long list (every operation) is summarised: the dropdown itself is the reference.
  if (choices.length > 40) parts.push(`One of ${choices.length} choices, e.g. ${code(choices[0])}.`);
  else if (choices.length) parts.push(`One of: ${choices.map((v) => code(v)).join(", ")}.`);
  if (input.dataSource) parts.push(`Dropdown: ${code(input.dataSource)}.`);
  return parts.join(" ");
};

const inputsTable = (inputs) => {
  const shown = (inputs || []).filter((i) => i.type !== "connection");
  if (!shown.length) return ["Inputs: the connection only."];
  return [
    "| Input | Key | Type | Required | Default | Comments |",
    "|---|---|---|---|---|---|",
    ...shown.map(
      (i) =>
        `| ${cell(i.label)} | ${code(i.key)} | ${cell(typeOf(i))} | ${i.required ? "yes" : "no"} | ${code(i.default)} | ${commentsOf(i)} |`,
    ),
  ];
};

// ---- what a step returns (from the action's output schema) ---------------------------------------------------------

/** "integer", "string or null", "array", "object" … of a compact schema. */
const typeName = (schema) => {
  if (!schema || typeof schema !== "object") return "any";
  if (schema.anyOf) return [...new Set(schema.anyOf.map(typeName))].join(" or ");
  const types = [].concat(schema.type || []);
  if (!types.length) return schema.properties ? "object" : "any";
  const [real, nullable] = [types.filter((t) => t !== "null"), types.includes("null")];
  const named = real.map((t) => (t === "string" && (schema.format === "date-time" || schema.format === "date") ? schema.format : t));
  return `${named.join(" or ") || "null"}${nullable && real.length ? " or null" : ""}`;
};

const fieldList = (properties) =>
  Object.keys(properties)
    .map((name) => code(name))
    .join(", ");

/** One top-level field: its name and type; an array of objects also names its items' fields. */
const describeField = (name, schema) => {
  const items = schema && schema.items;
  const inner = items && items.properties ? ` of objects with ${fieldList(items.properties)}` : items ? ` of ${typeName(items)}` : "";
  return `${code(name)} ${typeName(schema)}${inner}`;
};

const FETCH_ALL = ["recordCount", "capped", "complete", "incompleteReason"];

/** What a builder can reference in the step's output, in one paragraph. */
const returnsOf = (definition) => {
  let schema;
  try {
    schema = JSON.parse(definition.outputSchema.schema);
  } catch {
    return undefined;
  }
  const properties = schema.properties || {};
  const names = Object.keys(properties);
  if (!names.length) {
    if (schema.description && /file/i.test(schema.description))
      return "a file: its bytes, which Prismatic stores as a file of the step's content type.";
    if (schema.anyOf) return `${typeName(schema)}.`;
    if (Array.isArray(schema.type) && schema.type.length > 3) return "whatever ServiceTitan answers (JSON).";
    if (schema.type === "array")
      return `an array${schema.items && schema.items.properties ? ` of objects with ${fieldList(schema.items.properties)}` : ""}.`;
    if (schema.type && schema.type !== "object") return `${typeName(schema)}.`;
    return "an empty object ({}): ServiceTitan answers no content.";
  }
  const main = names.filter((name) => !FETCH_ALL.includes(name));
  const fetchAll = names.filter((name) => FETCH_ALL.includes(name));
  return `${main.map((name) => describeField(name, properties[name])).join("; ")}.${
    fetchAll.length ? ` With Fetch All also ${fetchAll.map(code).join(", ")}.` : ""
  }`;
};

// ---- grouping by module and resource ------------------------------------------------------------------------------

const GENERAL = { key: "general", title: "General" };

/** ServiceTitan's group name for people: "ApBills" → "AP Bills", "GlAccounts" → "GL Accounts". */
const tagTitle = (tag) =>
  tag
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/\bAp\b/g, "AP")
    .replace(/\bGl\b/g, "GL")
    .replace(/\bGps\b/g, "GPS")
    .replace(/Controllers$/, "")
    .trim();

const anchor = (name) => `<a name="${name}"></a>`;
const slug = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * Every action and data source under its module and resource (the operation's module and ServiceTitan's tag), in
 * module order, resources and entries by label. Entries that are no single operation are "General".
 */
const groupEntries = (component, operations) => {
  const modules = new Map();
  const place = (kind, key, definition) => {
    const operation = OPERATIONS[operationOf(operations, key)];
    const moduleKey = operation ? operation.module : GENERAL.key;
    const resource = operation ? tagTitle(operation.tag) : "Any operation";
    if (!modules.has(moduleKey)) modules.set(moduleKey, new Map());
    const resources = modules.get(moduleKey);
    if (!resources.has(resource)) resources.set(resource, []);
    resources.get(resource).push({ kind, key, definition });
  };
  for (const [key, definition] of byKey(component.actions)) place("action", key, definition);
  for (const [key, definition] of byKey(component.dataSources)) place("data source", key, definition);
  const moduleOrder = [GENERAL.key, ...Object.keys(MODULES)];
  return moduleOrder
    .filter((key) => modules.has(key))
    .map((key) => ({
      key,
      title: key === GENERAL.key ? GENERAL.title : MODULES[key].title,
      resources: [...modules.get(key)]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([title, entries]) => ({
          title,
          entries: entries.sort(
            (a, b) =>
              (a.kind === b.kind ? 0 : a.kind === "action" ? -1 : 1) ||
              a.definition.display.label.localeCompare(b.definition.display.label),
          ),
        })),
    }));
};

const countOf = (modules, kind) =>
  modules.reduce((n, m) => n + m.resources.reduce((k, r) => k + r.entries.filter((e) => e.kind === kind).length, 0), 0);
const moduleAnchor = (module) => `module-${module.key}`;
const resourceAnchor = (module, resource) => `${module.key}-${slug(resource.title)}`;

/** One action, data source or trigger: label first, then the key in code, what it calls, inputs, what it returns. */
const entrySection = ({ kind, key, definition }, operations, extra = []) => {
  const operation = operationOf(operations, key);
  const facts = [
    code(key),
    kind === "data source" ? `data source (${definition.dataSourceType})` : kind,
    operation ? request(operations, key) : undefined,
  ];
  const returns = kind === "action" ? returnsOf(definition) : undefined;
  return [
    anchor(key.toLowerCase()),
    `#### ${cell(definition.display.label)}`,
    "",
    facts.filter(Boolean).join(" · "),
    "",
    cell(definition.display.description),
    "",
    ...extra.filter(Boolean).map((fact) => `${fact}  `),
    ...(extra.some(Boolean) ? [""] : []),
    ...inputsTable(definition.inputs),
    "",
    ...(returns ? [`**Returns** (the step's \`data\`): ${returns}`, ""] : []),
  ];
};

/** docs/actions.md: every action, data source and trigger by module and resource, with its inputs and what it returns. */
const renderActionsDoc = ({ component, operations = {} }) => {
  const modules = groupEntries(component, operations);
  const triggers = byKey(component.triggers);
  const connections = component.connections || [];
  const actions = countOf(modules, "action");
  const dataSources = countOf(modules, "data source");
  const lines = [
    `# ${component.display.label} component: actions, data sources and triggers`,
    "",
    "<!-- Generated by `npm run docs` from the component definition. Do not edit: a test fails when this file is out of date. -->",
    "",
    `Component key ${code(component.key)}: ${actions} actions, ${dataSources} data sources, ${triggers.length} triggers, grouped by`,
    "ServiceTitan API module and, within a module, by resource (ServiceTitan's own grouping of its operations). Each entry",
    "starts with its label, as Prismatic shows it, then its key in code (`context.components.servicetitan.<key>` in a",
    "code-native integration), the request it sends, its inputs and, for an action, the fields of what it returns.",
    "Every action takes a **Connection** input (described once, below) in addition to the inputs shown.",
    "Paths are relative to the environment's API host (`https://api.servicetitan.io` or `https://api-integration.servicetitan.io`);",
    "`{tenant}` is the connection's Tenant ID. Anything not listed here: **Call ServiceTitan API** reaches every operation.",
    "",
    "## Contents",
    "",
    "| Module | Actions | Data sources | Resources |",
    "|---|---:|---:|---|",
    ...modules.map((module) => {
      const entries = module.resources.flatMap((r) => r.entries);
      const resources = module.resources.map((r) => `[${cell(r.title)}](#${resourceAnchor(module, r)})`).join(" · ");
      return `| [${cell(module.title)}](#${moduleAnchor(module)}) | ${entries.filter((e) => e.kind === "action").length} | ${
        entries.filter((e) => e.kind === "data source").length
      } | ${resources} |`;
    }),
    `| [Triggers](#triggers) |  |  | ${triggers.map(([key, d]) => `[${cell(d.display.label)}](#${key.toLowerCase()})`).join(" · ")} |`,
    `| [Connection](#connection) |  |  | ${connections.map((c) => cell(c.label || (c.display && c.display.label))).join(" · ")} |`,
    "",
  ];
  for (const module of modules) {
    lines.push(anchor(moduleAnchor(module)), `## ${module.title}`, "");
    for (const resource of module.resources) {
      lines.push(
        anchor(resourceAnchor(module, resource)),
        `### ${module.key === GENERAL.key ? resource.title : `${cell(resource.title)}`}`,
        "",
      );
      lines.push(
        resource.entries
          .map((e) => `[${cell(e.definition.display.label)}](#${e.key.toLowerCase()})${e.kind === "data source" ? " (data source)" : ""}`)
          .join(" · "),
        "",
      );
      for (const entry of resource.entries) {
        const extra =
          entry.kind === "data source" && entry.definition.dataSourceType !== "picklist"
            ? [`Type: ${entry.definition.dataSourceType}`]
            : [];
        lines.push(...entrySection(entry, operations, extra));
      }
    }
  }
  lines.push(anchor("triggers"), "## Triggers", "", "How they work, their state and limits: [triggers.md](triggers.md).", "");
  for (const [key, definition] of triggers) {
    const connection = (definition.inputs || []).find((i) => i.type === "connection");
    const type = definition.isPollingTrigger
      ? "Polling trigger: runs on the flow's schedule and keeps its position between runs."
      : `Webhook trigger: runs when a request reaches the flow's webhook URL${
          definition.staticBranchNames ? `; branches ${definition.staticBranchNames.map(code).join(", ")}` : ""
        }${connection && !connection.required ? "; the Connection is optional" : ""}.`;
    lines.push(...entrySection({ kind: "trigger", key, definition }, operations, [type]));
  }
  for (const connection of connections) {
    lines.push(anchor("connection"), `## Connection: ${cell(connection.label || (connection.display && connection.display.label))}`, "");
    lines.push(`Key ${code(connection.key)}. ${cell(connection.comments || (connection.display && connection.display.description))}`, "");
    lines.push(...inputsTable(connection.inputs), "");
  }
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
};

/** The README's short table: actions and data sources per module, each linking to its part of docs/actions.md. */
const renderReadmeTable = ({ component, operations = {} }) => {
  const modules = groupEntries(component, operations);
  const count = (module, kind) => module.resources.reduce((n, r) => n + r.entries.filter((e) => e.kind === kind).length, 0);
  const listed = new Set(modules.map((m) => m.key));
  // Modules without a curated action yet: reached through Call ServiceTitan API (in General).
  const others = Object.entries(MODULES)
    .filter(([key]) => !listed.has(key))
    .map(([, m]) => `| ${cell(m.title)} | 0 | 0 |`);
  return [
    "| Module | Actions | Data sources |",
    "|---|---:|---:|",
    ...modules.map(
      (m) => `| [${cell(m.title)}](docs/actions.md#${moduleAnchor(m)}) | ${count(m, "action")} | ${count(m, "data source")} |`,
    ),
    ...others,
    `| **All** | **${countOf(modules, "action")}** | **${countOf(modules, "data source")}** |`,
    "",
    `General: Call ServiceTitan API (any operation of the 25 modules, those listed with 0 included) and Raw Request. Plus ${byKey(component.triggers).length} triggers: ${byKey(
      component.triggers,
    )
      .map(([key, d]) => `[${cell(d.display.label)}](docs/actions.md#${key.toLowerCase()})`)
      .join(" and ")}.`,
  ].join("\n");
};

/**
 * The README's coverage table, per module: the operations its documents declare, those the curated actions and data
 * sources call, those Call ServiceTitan API reaches (all), and its export feeds (each an Export action and a
 * resource of the polling trigger).
 */
const renderCoverageTable = ({ operations = {} }) => {
  const curated = new Set(Object.values(operations).filter((op) => OPERATIONS[op]));
  const rows = Object.entries(MODULES).map(([key, { title }]) => {
    const all = Object.entries(OPERATIONS).filter(([, op]) => op.module === key);
    return {
      title,
      spec: all.length,
      curated: all.filter(([op]) => curated.has(op)).length,
      feeds: all.filter(([, op]) => op.export).length,
      march: all.filter(([, op]) => op.source === "2026-03").length,
    };
  });
  const sum = (field) => rows.reduce((n, r) => n + r[field], 0);
  const percent = (part, whole) => (whole ? `${Math.round((100 * part) / whole)}%` : "–");
  return [
    "| Module | Operations in the specs | Reached by curated actions and data sources | Through Call ServiceTitan API | Export feeds |",
    "|---|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${cell(r.title)} | ${r.spec}${r.march ? ` (${r.march} March 2026 only)` : ""} | ${r.curated} (${percent(r.curated, r.spec)}) | ${r.spec} (100%) | ${r.feeds} |`,
    ),
    `| **All ${rows.length} modules** | **${sum("spec")}**${sum("march") ? ` (${sum("march")} March 2026 only)` : ""} | **${sum("curated")}** (${percent(
      sum("curated"),
      sum("spec"),
    )}) | **${sum("spec")}** (100%) | **${sum("feeds")}** |`,
  ].join("\n");
};

/** Replaces what is between the markers (kept) with `content`; fails loudly when the markers are missing. */
const replaceBetween = (text, content, start = TABLE_START, end = TABLE_END) => {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md needs the markers ${start} and ${end}.`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
};

/** Every operation map the component module exports (action key → "VERB /path"; data sources and triggers when offered). */
const operationsOf = (loaded) => ({ ...loaded.dataSourceOperations, ...loaded.triggerOperations, ...loaded.actionOperations });

/** The files as they should be: [{file, expected, actual}]. */
const expectedFiles = (input) => {
  const readme = fs.existsSync(README) ? fs.readFileSync(README, "utf8") : "";
  return [
    {
      file: ACTIONS_DOC,
      expected: renderActionsDoc(input),
      actual: fs.existsSync(ACTIONS_DOC) ? fs.readFileSync(ACTIONS_DOC, "utf8") : "",
    },
    {
      file: README,
      expected: replaceBetween(replaceBetween(readme, renderReadmeTable(input)), renderCoverageTable(input), COVERAGE_START, COVERAGE_END),
      actual: readme,
    },
  ];
};

/** The component from src/ (the source of truth, never a stale build) with the module's operation maps. */
const loadFromSource = () => {
  const loaded = loadComponent("src");
  return { component: loaded.component, operations: operationsOf(loaded.module) };
};

const main = (argv) => {
  const files = expectedFiles(loadFromSource());
  const stale = files.filter((f) => f.expected !== f.actual);
  if (argv.includes("--check")) {
    for (const f of stale) process.stderr.write(`${path.relative(ROOT, f.file)} is out of date: run npm run docs\n`);
    return stale.length ? 1 : 0;
  }
  for (const f of stale) {
    fs.mkdirSync(path.dirname(f.file), { recursive: true });
    fs.writeFileSync(f.file, f.expected);
    process.stdout.write(`wrote ${path.relative(ROOT, f.file)}\n`);
  }
  if (!stale.length) process.stdout.write("docs are up to date\n");
  return 0;
};

module.exports = {
  ACTIONS_DOC,
  README,
  renderActionsDoc,
  renderReadmeTable,
  renderCoverageTable,
  returnsOf,
  replaceBetween,
  operationsOf,
  expectedFiles,
  loadFromSource,
};

if (require.main === module) process.exit(main(process.argv.slice(2)));
