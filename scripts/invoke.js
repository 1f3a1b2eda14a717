#!/usr/bin/env node
"use strict";
/**
 * servicetitan-invoke: run any action, data source or trigger of the component locally.
 *
 *   npm run invoke -- <key> [--input key=value …] [--inputs file.json] [--state file.json]
 *   npm run invoke -- --list [filter]
 *
 * Target: the built-in sandbox (started in this process, seeded with demo data) unless the SERVICETITAN_* environment
 * variables describe a real tenant. The component is loaded the way Prismatic loads it (dist/index.js, default export)
 * when built, else from src/ through ts-node. This file is also the library the demo and the docs script share.
 */
const fs = require("fs");
const path = require("path");
const diagnostics = require("diagnostics_channel");
const { runMain } = require("./run-main");
const { builtId, sourceHash } = require("./build-id");
const { fetchInfo, findRunningSandbox } = require("./sandbox-link");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist", "index.js");
const SRC = path.join(ROOT, "src");

/** A mistake in how the runner was called: exit code 2, no stack trace. */
class UsageError extends Error {
  constructor(message) {
    super(message);
    this.name = "UsageError";
  }
}

// ---- text helpers -------------------------------------------------------------------------------------------------

/** Colours only for a terminal that wants them (NO_COLOR, TERM=dumb and pipes get plain text). */
const colours = (stream, env = process.env) => {
  const on =
    Boolean(env.FORCE_COLOR && env.FORCE_COLOR !== "0") || (Boolean(stream && stream.isTTY) && !("NO_COLOR" in env) && env.TERM !== "dumb");
  const wrap = (open, close) => (text) => (on ? `\x1b[${open}m${text}\x1b[${close}m` : String(text));
  return { on, bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), cyan: wrap(36, 39) };
};

/** Edit distance, for "did you mean …?". */
const levenshtein = (a, b) => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
};

/** The closest candidate (case-insensitive), or undefined when nothing is reasonably close. */
const closest = (word, candidates) => {
  let best;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = levenshtein(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
};

const didYouMean = (word, candidates) => {
  const match = closest(word, candidates);
  return match ? ` Did you mean "${match}"?` : "";
};

/**
 * Removes secrets from any text: the known values (client secret, app key, every bearer token seen on the wire)
 * and, as a second net, whatever follows a credential-looking name or "Bearer".
 */
const createRedactor = (initial = []) => {
  const secrets = new Set();
  const add = (secret) => {
    if (typeof secret === "string" && secret.length >= 4) secrets.add(secret);
  };
  initial.forEach(add);
  const text = (input) => {
    let out = String(input);
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join("[redacted]");
    return (
      out
        // Token-length only, so "ball bearer replaced" in a job summary stays intact.
        .replace(/\b(bearer\s+)(?!\[redacted\])[A-Za-z0-9\-._~+/]{16,}=*/gi, "$1[redacted]")
        .replace(
          /(\b(?:access_?token|refresh_?token|client_?secret|clientSecret|application_?key|applicationKey|app_?key|st-app-key|authorization|password)["']?\s*[:=]\s*["']?)(?!\[redacted\])(?:(?:bearer|basic)\s+)?[^"'\s,}&]+/gi,
          "$1[redacted]",
        )
    );
  };
  return { add, text };
};

// ---- arguments -----------------------------------------------------------------------------------------------------

const USAGE = `Usage: npm run invoke -- <actionKey|dataSourceKey|triggerKey> [options]
       npm run invoke -- --list [filter]

Options:
  --input key=value    an input value (repeat for several inputs; repeat a key for a list). Key/value inputs
                       (queryParams, headers …) take a JSON object, --input 'queryParams={"pageSize":"2"}',
                       or name=value repeated, --input queryParams=pageSize=2 --input queryParams=page=2
  --inputs file.json   input values from a JSON object ({"pageSize": "3", ...})
  --out file.json      write the result to a file instead of stdout (notes and progress stay on stderr)
  --state file.json    triggers: polling state read before and saved after the run
  --body file.json     webhook triggers: the request body, its bytes as they are (e.g. a ServiceTitan V2 delivery)
  --sign-with KEY      with --body: sign it (HMAC-SHA256) as ServiceTitan would; also the trigger's HMAC Key unless given
  --list [filter]      every action, data source and trigger with its label and inputs
  --help               with a key: that key's inputs in detail
  --json               print picklists as JSON instead of a table
  --sandbox            use the sandbox even when SERVICETITAN_* variables are set
  --sandbox-url URL    use the sandbox npm run sandbox started at URL (found on its own when it runs)
  --one-shot           a fresh sandbox for this call only, even when npm run sandbox runs
  --src                load the component from src/ (ts-node) even when dist/ is built
  --debug              log each request (secrets redacted) on stderr

Target: the sandbox npm run sandbox keeps running (state kept between calls), else a one-shot sandbox with demo
data for this call. A real tenant instead when SERVICETITAN_CLIENT_ID, SERVICETITAN_CLIENT_SECRET,
SERVICETITAN_TENANT_ID and SERVICETITAN_APP_KEY are set (plus SERVICETITAN_ENV=production, the default, or
integration for ServiceTitan's integration (test) environment; optionally SERVICETITAN_BASE_URL and
SERVICETITAN_TOKEN_URL for a proxy).`;

/** argv (without node and the script) → options; throws UsageError on anything it does not understand. */
const parseArgs = (argv) => {
  const options = {
    key: undefined,
    inputs: {},
    inputsFile: undefined,
    state: undefined,
    body: undefined,
    signWith: undefined,
    out: undefined,
    list: false,
    filter: undefined,
    help: false,
    json: false,
    sandbox: false,
    sandboxUrl: undefined,
    oneShot: false,
    src: false,
    debug: false,
  };
  const positional = [];
  const valueOf = (flag, inline, index) => {
    if (inline !== undefined) return [inline, index];
    const next = argv[index + 1];
    if (next === undefined || next.startsWith("--")) throw new UsageError(`${flag} needs a value.`);
    return [next, index + 1];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (flag === "--input" || flag === "-i") {
      let pair;
      [pair, i] = valueOf(flag, inline, i);
      const equals = pair.indexOf("=");
      if (equals <= 0) throw new UsageError(`--input expects key=value, got "${pair}".`);
      const [key, value] = [pair.slice(0, equals).trim(), pair.slice(equals + 1)];
      // A key given twice becomes a list (value-list inputs such as IDs).
      options.inputs[key] = key in options.inputs ? [].concat(options.inputs[key], value) : value;
    } else if (flag === "--inputs") [options.inputsFile, i] = valueOf(flag, inline, i);
    else if (flag === "--state") [options.state, i] = valueOf(flag, inline, i);
    else if (flag === "--body") [options.body, i] = valueOf(flag, inline, i);
    else if (flag === "--sign-with") [options.signWith, i] = valueOf(flag, inline, i);
    else if (flag === "--out" || flag === "-o") [options.out, i] = valueOf(flag, inline, i);
    else if (flag === "--list") options.list = true;
    else if (flag === "--help" || flag === "-h") options.help = true;
    else if (flag === "--json") options.json = true;
    else if (flag === "--sandbox") options.sandbox = true;
    else if (flag === "--sandbox-url") [options.sandboxUrl, i] = valueOf(flag, inline, i);
    else if (flag === "--one-shot") options.oneShot = true;
    else if (flag === "--src") options.src = true;
    else if (flag === "--debug") options.debug = true;
    else if (arg.startsWith("-")) {
      throw new UsageError(
        `Unknown option ${flag}.${didYouMean(flag, ["--input", "--inputs", "--state", "--body", "--sign-with", "--out", "--list", "--help", "--json", "--sandbox", "--sandbox-url", "--one-shot", "--src", "--debug"])}`,
      );
    } else positional.push(arg);
  }
  if (positional.length > 1) throw new UsageError(`Give one key at a time (got ${positional.join(", ")}).`);
  if (options.list) options.filter = positional[0];
  else options.key = positional[0];
  if (!options.key && !options.list && !options.help)
    throw new UsageError("Which action, data source or trigger? Give its key, or --list to see them all.");
  return options;
};

/**
 * Key/value inputs as Prismatic hands them to a step ([{key, value}]) from what a command line gives: name=value
 * pairs (once or repeated). A JSON object (text or from --inputs) is left to the input's own check.
 */
const keyValueInputs = (entry, values) => {
  const out = { ...values };
  for (const input of entry.definition.inputs || []) {
    const given = out[input.key];
    if (input.collection !== "keyvaluelist" || given === undefined) continue;
    const texts = [].concat(given);
    if (!texts.every((text) => typeof text === "string") || (texts.length === 1 && texts[0].trim().startsWith("{"))) continue;
    out[input.key] = texts.map((pair) => {
      const equals = pair.indexOf("=");
      if (equals <= 0)
        throw new UsageError(
          `${input.key} is a key/value input: give name=value (repeat for more) or a JSON object such as ${input.key}='{"name":"value"}', not "${pair}".`,
        );
      return { key: pair.slice(0, equals).trim(), value: pair.slice(equals + 1) };
    });
  }
  return out;
};

/** Reads --inputs (a JSON object) and lets --input values win. */
const collectInputs = (options, readFile = (file) => fs.readFileSync(file, "utf8")) => {
  let fromFile = {};
  if (options.inputsFile) {
    let text;
    try {
      text = readFile(options.inputsFile);
    } catch (error) {
      throw new UsageError(`Cannot read --inputs ${options.inputsFile}: ${error.code || error.message}.`);
    }
    try {
      fromFile = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`--inputs ${options.inputsFile} is not valid JSON (${error.message}).`);
    }
    if (!fromFile || typeof fromFile !== "object" || Array.isArray(fromFile))
      throw new UsageError(`--inputs ${options.inputsFile} must hold a JSON object of input key → value.`);
  }
  return { ...fromFile, ...options.inputs };
};

// ---- target: sandbox or a real tenant ------------------------------------------------------------------------------

const TENANT_VARIABLES = ["SERVICETITAN_CLIENT_ID", "SERVICETITAN_CLIENT_SECRET", "SERVICETITAN_TENANT_ID", "SERVICETITAN_APP_KEY"];

/**
 * The sandbox unless the environment names a tenant. Some but not all variables is a mistake, not a reason to
 * quietly use the sandbox.
 */
const selectTarget = (env = process.env, { forceSandbox = false } = {}) => {
  const set = TENANT_VARIABLES.filter((name) => (env[name] || "").trim() !== "");
  if (forceSandbox || set.length === 0) return { kind: "sandbox" };
  const missing = TENANT_VARIABLES.filter((name) => !set.includes(name));
  if (missing.length) {
    throw new UsageError(
      `To use a real tenant set ${missing.join(", ")} as well (or unset ${set.join(", ")} to use the sandbox, or pass --sandbox).`,
    );
  }
  const environment = (env.SERVICETITAN_ENV || "production").trim();
  if (environment !== "production" && environment !== "integration") {
    throw new UsageError(`SERVICETITAN_ENV must be "production" or "integration", not "${environment}".`);
  }
  const fields = {
    // Empty: the connection uses the environment's token URL and API host. The overrides serve a proxy or a local simulator.
    tokenUrl: (env.SERVICETITAN_TOKEN_URL || "").trim(),
    clientId: env.SERVICETITAN_CLIENT_ID.trim(),
    clientSecret: env.SERVICETITAN_CLIENT_SECRET.trim(),
    tenant: env.SERVICETITAN_TENANT_ID.trim(),
    applicationKey: env.SERVICETITAN_APP_KEY.trim(),
    environment,
    baseUrl: (env.SERVICETITAN_BASE_URL || "").trim(),
  };
  return { kind: "tenant", environment, fields, secrets: [fields.clientSecret, fields.applicationKey] };
};

// ---- loading the component and the sandbox ------------------------------------------------------------------------

let tsRegistered = false;
/** TypeScript on the fly for src/ and sandbox/ (jest already transforms TypeScript itself). */
const registerTypeScript = () => {
  // Under jest, `jest` is in every module's scope and its transform already compiles TypeScript.
  if (tsRegistered || typeof jest !== "undefined") return;
  require("ts-node").register({ transpileOnly: true, project: path.join(ROOT, "tsconfig.json"), compilerOptions: { module: "commonjs" } });
  tsRegistered = true;
};

/** dist/index.js was built from src/ as it is now (the build id stamped in the bundle matches src/'s hash). */
const distIsFresh = (file = DIST) => {
  const id = builtId(file);
  return id !== undefined && id === sourceHash(SRC);
};

/**
 * The component as Prismatic sees it: the bundle's default export (plus `actionOperations`, action key → "VERB /path").
 * `source`: "dist" (must be built), "src", or "auto" (dist when built, else src).
 */
const loadComponent = (source = "auto") => {
  const useDist = source === "dist" || (source === "auto" && fs.existsSync(DIST));
  if (source === "dist" && !fs.existsSync(DIST)) throw new UsageError("dist/index.js is not built: run npm run build.");
  let loaded;
  if (useDist) loaded = require(DIST);
  else {
    registerTypeScript();
    loaded = require(path.join(SRC, "index.ts"));
  }
  const component = loaded.default || loaded;
  if (!component || !component.actions) throw new Error(`${useDist ? "dist/index.js" : "src/index.ts"} does not export a component.`);
  return { component, module: loaded, actionOperations: loaded.actionOperations || {}, source: useDist ? "dist/index.js" : "src/" };
};

/** Starts the in-process sandbox (seeded with demo data) and the connection fields that reach it. */
const startLocalSandbox = async (options = {}) => {
  registerTypeScript();
  const { startSandbox } = require(path.join(ROOT, "sandbox"));
  const sandbox = await startSandbox({ seed: "demo", ...options });
  return { sandbox, ...sandboxConnectionFields(sandbox) };
};

/** Connection fields that reach a sandbox (this process's, or one npm run sandbox runs), and its secrets. */
const sandboxConnectionFields = ({ url, tokenUrl, credentials: { clientId, clientSecret, tenant, appKey } }) => ({
  fields: { tokenUrl, clientId, clientSecret, tenant, applicationKey: appKey, environment: "integration", baseUrl: url },
  secrets: [clientSecret, appKey],
});

/** A connection value as Prismatic hands it to a step, without a platform token: the core fetches its own. */
const connectionValue = (component, fields) => {
  const { createConnection } = require("@prismatic-io/spectral/dist/testing");
  const definition = (component.connections || [])[0];
  if (!definition) throw new Error("The component declares no connection.");
  return createConnection(definition, fields, {});
};

/** What the connection points at, without a single secret. */
const describeConnection = (fields) => [
  ["Environment", fields.environment],
  ["Tenant ID", fields.tenant],
  ["API host", fields.baseUrl || "(the environment's)"],
  ["Token URL", fields.tokenUrl || "(the environment's)"],
  ["Client ID", fields.clientId],
  ["Client Secret", fields.clientSecret ? "set (hidden)" : "missing"],
  ["Application Key", fields.applicationKey ? "set (hidden)" : "missing"],
];

// ---- the component's keys -----------------------------------------------------------------------------------------

const KINDS = [
  ["actions", "action"],
  ["dataSources", "data source"],
  ["triggers", "trigger"],
];

/** { kind, key, definition } for a key, or a UsageError naming the closest key. */
const findEntry = (component, key) => {
  for (const [collection, kind] of KINDS) {
    const definition = (component[collection] || {})[key];
    if (definition) return { kind, collection, key, definition };
  }
  const all = KINDS.flatMap(([collection]) => Object.keys(component[collection] || {}));
  throw new UsageError(
    `No action, data source or trigger has the key "${key}".${didYouMean(key, all)} (npm run invoke -- --list shows every key.)`,
  );
};

const isBlank = (value) =>
  value === undefined ||
  value === null ||
  (typeof value === "string" && value.trim() === "") ||
  (Array.isArray(value) && value.length === 0);

/** Refuses unknown input keys (with a suggestion) and names every required input that has no value. */
const checkInputs = (entry, values) => {
  const inputs = entry.definition.inputs || [];
  const keys = inputs.filter((i) => i.type !== "connection").map((i) => i.key);
  const unknown = Object.keys(values).filter((k) => !keys.includes(k));
  if (unknown.length) {
    const suggestions = unknown.map((k) => closest(k, keys));
    const hints = unknown.map((k, i) => `"${k}"${suggestions[i] ? ` (did you mean "${suggestions[i]}"?)` : ""}`);
    const list = suggestions.every(Boolean) ? "" : ` Its inputs: ${keys.join(", ") || "none"}.`;
    throw new UsageError(`${entry.key} has no input ${hints.join(", ")}.${list}`);
  }
  const missing = inputs.filter((i) => i.required && i.type !== "connection" && isBlank(values[i.key]) && isBlank(i.default));
  if (missing.length) {
    throw new UsageError(
      `${entry.key} needs ${missing.map((i) => `${i.key} (${i.label})`).join(", ")}. Add ${missing.map((i) => `--input ${i.key}=…`).join(" ")}.`,
    );
  }
};

const connectionInputKey = (entry) => ((entry.definition.inputs || []).find((i) => i.type === "connection") || {}).key;

/** Breaks a long line at spaces. */
const wrap = (text, width) => {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = `  ${word}`;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
};

const inputSummary = (input) => `${input.key}${input.required ? "*" : ""}`;

/** `--list`: every key with its label and inputs (* = required). */
const renderList = (component, filter, c = colours(null)) => {
  const lines = [];
  const match = (key, definition) => !filter || `${key} ${definition.display.label}`.toLowerCase().includes(filter.toLowerCase());
  for (const [collection, kind] of KINDS) {
    const entries = Object.entries(component[collection] || {}).filter(([key, d]) => match(key, d));
    if (!entries.length) continue;
    lines.push(c.bold(`${kind[0].toUpperCase()}${kind.slice(1)}s (${entries.length})`));
    for (const [key, definition] of entries.sort(([a], [b]) => a.localeCompare(b))) {
      const inputs = (definition.inputs || []).filter((i) => i.type !== "connection");
      lines.push(`  ${c.cyan(key.padEnd(36))} ${definition.display.label}`);
      if (inputs.length) lines.push(...wrap(`inputs: ${inputs.map(inputSummary).join(", ")}`, 100).map((l) => c.dim(`      ${l}`)));
    }
    lines.push("");
  }
  if (!lines.length) return `Nothing matches "${filter}".\n`;
  lines.push(c.dim("* required. Details of one key: npm run invoke -- <key> --help"));
  return `${lines.join("\n")}\n`;
};

/** `<key> --help`: one key's inputs in detail. */
const renderHelp = (entry, operation, c = colours(null)) => {
  const { definition } = entry;
  const lines = [`${c.bold(entry.key)} (${entry.kind}) ${definition.display.label}`, `  ${definition.display.description}`];
  if (operation) lines.push(`  ${operation}`);
  lines.push("", (definition.inputs || []).some((i) => i.type !== "connection") ? "Inputs:" : "Inputs: the connection only.");
  for (const input of (definition.inputs || []).filter((i) => i.type !== "connection")) {
    const facts = [
      input.type,
      input.collection,
      input.required ? "required" : "optional",
      isBlank(input.default) ? undefined : `default ${input.default}`,
    ].filter(Boolean);
    lines.push(`  ${c.cyan(input.key)}  ${input.label} (${facts.join(", ")})`);
    if (input.model)
      lines.push(
        c.dim(
          `      one of: ${input.model
            .map((m) => m.value)
            .filter((v) => v !== "")
            .join(", ")}`,
        ),
      );
    if (input.comments) lines.push(c.dim(`      ${input.comments}`));
    if (input.collection === "keyvaluelist")
      lines.push(c.dim(`      --input '${input.key}={"name":"value"}' or --input ${input.key}=name=value (repeat for more)`));
  }
  return `${lines.join("\n")}\n`;
};

/** key / label table for picklists. */
const renderTable = (options) => {
  const width = Math.max(3, ...options.map((o) => String(o.key).length));
  return `${["KEY".padEnd(width) + "  LABEL", ...options.map((o) => `${String(o.key).padEnd(width)}  ${o.label}`)].join("\n")}\n`;
};

// ---- running ------------------------------------------------------------------------------------------------------

/**
 * Watches HTTP requests to the API (every node http client, bundled axios included): counts them for progress and
 * learns each bearer token so the redactor can remove it from any output.
 */
const watchRequests = (onRequest) => {
  const listener = ({ request }) => {
    const auth = request.getHeader && request.getHeader("authorization");
    onRequest({ path: request.path || "", authorization: typeof auth === "string" ? auth : undefined });
  };
  diagnostics.subscribe("http.client.request.start", listener);
  return () => diagnostics.unsubscribe("http.client.request.start", listener);
};

/**
 * Progress for drains that take several requests (Fetch All, picklists, triggers): a line that updates in place on
 * a terminal, or one line at 2, 4, 8 … requests otherwise, and a closing summary.
 */
const progressReporter = (stream, c = colours(stream)) => {
  let count = 0;
  const started = Date.now();
  const line = () => `… ${count} requests to ServiceTitan (${((Date.now() - started) / 1000).toFixed(1)} s)`;
  return {
    request() {
      count++;
      if (count < 2) return;
      if (stream.isTTY) stream.write(`\r${c.dim(line())}`);
      else if ((count & (count - 1)) === 0) stream.write(`${line()}\n`);
    },
    done() {
      if (count < 2) return;
      stream.write(`${stream.isTTY ? "\r" : ""}${c.dim(`done: ${line().slice(2)}`)}\n`);
    },
    get count() {
      return count;
    },
  };
};

const readState = (file) => {
  if (!file || !fs.existsSync(file)) return {};
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(`--state ${file} is not valid JSON (${error.message}).`);
  }
};

/** spectral keeps polling state in instanceState.__prismaticInternal.polling; the state file holds just that object. */
const instanceStateFrom = (polling) => ({ __prismaticInternal: { polling } });
const pollingStateOf = (instanceState) => ((instanceState && instanceState.__prismaticInternal) || {}).polling || {};

/**
 * --body / --sign-with: a webhook request from a file, its bytes untouched (a signature covers the exact bytes), signed
 * with the trigger's Signature Header and Encoding when --sign-with is given. That key is the HMAC Key unless one is set.
 */
const webhookDelivery = (options, entry, params, readBytes = (file) => fs.readFileSync(file)) => {
  if (entry.kind !== "trigger") throw new UsageError("--body and --sign-with only apply to webhook triggers.");
  if (!options.body) throw new UsageError("--sign-with signs a request body: give it with --body file.json.");
  let body;
  try {
    body = readBytes(options.body);
  } catch (error) {
    throw new UsageError(`Cannot read --body ${options.body}: ${error.code || error.message}.`);
  }
  registerTypeScript();
  const { signBody, toTriggerPayload, SIGNATURE_HEADER } = require(path.join(ROOT, "sandbox", "webhooks"));
  const headers = { "content-type": "application/json" };
  if (options.signWith) {
    const header = String(params.signatureHeader || SIGNATURE_HEADER).toLowerCase();
    headers[header] = signBody(body, options.signWith, params.signatureEncoding === "base64" ? "base64" : "hex");
    if (params.hmacKey === undefined) params.hmacKey = options.signWith;
  }
  return toTriggerPayload({ body, headers });
};

/** Runs one entry through spectral's harness (input cleaning and the error hook apply) and returns what to print. */
const invokeEntry = async ({ component, entry, params, connection, debug, logger, instanceState, payload = {} }) => {
  const { createHarness } = require("@prismatic-io/spectral/dist/testing");
  const harness = createHarness(component);
  const connectionKey = connectionInputKey(entry);
  const all = connectionKey ? { [connectionKey]: connection, ...params } : params;
  // Prismatic's debug switch reaches a step as globalDebug (spectral derives context.debug from it); data sources
  // and trigger payloads carry it too.
  const globalDebug = Boolean(debug);
  const context = { logger, globalDebug };
  if (entry.kind === "action") return { kind: "action", result: await harness.action(entry.key, all, context) };
  if (entry.kind === "data source") return { kind: "data source", result: await harness.dataSource(entry.key, all, context) };
  return { kind: "trigger", result: await harness.trigger(entry.key, { ...payload, globalDebug }, all, { ...context, instanceState }) };
};

/** What a builder's next step would see: an action's data, a data source's result, a trigger's records. */
const outputOf = (kind, result) => {
  if (kind === "action") return result && "data" in result ? result.data : result;
  if (kind === "data source") return result && "result" in result ? result.result : result;
  const body = result && result.payload && result.payload.body;
  // A webhook trigger's answer: the branch the flow takes and the status the caller gets.
  if (result && result.branch) return { branch: result.branch, statusCode: (result.response || {}).statusCode, data: body && body.data };
  // The converted polling perform reports "no changes" as resultType; the raw perform as polledNoChanges.
  const polledNoChanges = Boolean(result && (result.polledNoChanges || result.resultType === "polled_no_changes"));
  return { polledNoChanges, data: body && "data" in body ? body.data : body };
};

const isPicklist = (definition, output) =>
  definition.dataSourceType === "picklist" &&
  Array.isArray(output) &&
  output.every((o) => o && typeof o === "object" && "key" in o && "label" in o);

/**
 * The whole runner. Returns the exit code: 0 done, 1 the call failed, 2 the runner was used wrongly.
 * `io` lets tests capture output and pass an environment.
 */
const main = async (argv, io = {}) => {
  const stdout = io.stdout || process.stdout;
  const stderr = io.stderr || process.stderr;
  const env = io.env || process.env;
  const redactor = createRedactor();
  const out = (text) => stdout.write(redactor.text(text));
  const err = (text) => stderr.write(redactor.text(text));
  const c = colours(stderr, env);
  let sandbox;
  let running;
  let stopWatching = () => undefined;
  try {
    const options = parseArgs(argv);
    if (options.help && !options.key) {
      out(`${USAGE}\n`);
      return 0;
    }
    const { component, actionOperations, source } = loadComponent(options.src ? "src" : io.componentSource || "auto");
    if (source === "dist/index.js" && !distIsFresh())
      err(c.yellow("note: dist/index.js was not built from src/ as it is now: run npm run build (or pass --src).\n"));
    if (options.list) {
      out(renderList(component, options.filter, colours(stdout, env)));
      return 0;
    }
    const entry = findEntry(component, options.key);
    if (options.help) {
      out(renderHelp(entry, actionOperations[entry.key], colours(stdout, env)));
      return 0;
    }
    const params = keyValueInputs(entry, collectInputs(options, io.readFile));
    checkInputs(entry, params);
    if (options.state && entry.kind !== "trigger") throw new UsageError("--state only applies to triggers.");
    const payload = options.body || options.signWith ? webhookDelivery(options, entry, params, io.readBytes) : undefined;
    [options.signWith, ...(entry.definition.inputs || []).filter((i) => i.type === "password").map((i) => params[i.key])].forEach(
      redactor.add,
    );
    const target = selectTarget(env, { forceSandbox: options.sandbox || Boolean(options.sandboxUrl) || options.oneShot });
    // Secrets are known before anything can print them.
    (target.secrets || []).forEach(redactor.add);

    let fields = target.fields;
    if (target.kind === "sandbox" && !options.oneShot) {
      running = await findRunningSandbox({ url: options.sandboxUrl, env, note: (text) => err(c.yellow(`note: ${text}`)) }).catch(
        (error) => {
          throw new UsageError(`--sandbox-url: ${error.message}. Start one with npm run sandbox.`);
        },
      );
    }
    if (running) {
      const reach = sandboxConnectionFields(running);
      fields = reach.fields;
      reach.secrets.forEach(redactor.add);
      err(c.dim(`sandbox ${running.url} (running: changes stay for the next call) · component ${source}\n`));
    } else if (target.kind === "sandbox") {
      const local = await startLocalSandbox();
      sandbox = local.sandbox;
      fields = local.fields;
      local.secrets.forEach(redactor.add);
      err(c.dim(`sandbox ${sandbox.url} (demo data, one-shot) · component ${source}\n`));
    } else {
      err(c.dim(`tenant ${fields.tenant} (${fields.environment}) · component ${source}\n`));
    }
    const progress = progressReporter(stderr, c);
    stopWatching = watchRequests(({ path: requestPath, authorization }) => {
      if (authorization) redactor.add(authorization.replace(/^bearer\s+/i, ""));
      if (requestPath.includes("/tenant/")) progress.request();
    });
    const logger = {
      debug: (...args) => options.debug && err(`${c.dim(args.map(String).join(" "))}\n`),
      info: (...args) => err(`${args.map(String).join(" ")}\n`),
      log: (...args) => err(`${args.map(String).join(" ")}\n`),
      warn: (...args) => err(`${c.yellow(args.map(String).join(" "))}\n`),
      error: (...args) => err(`${c.red(args.map(String).join(" "))}\n`),
      trace: () => undefined,
      metric: () => undefined,
    };
    // A webhook run keeps the whole instance state (its de-duplication window); a polling run only its position.
    const instanceState =
      entry.kind !== "trigger" ? undefined : payload ? readState(options.state) : instanceStateFrom(readState(options.state));
    const { kind, result } = await invokeEntry({
      component,
      entry,
      params,
      connection: connectionValue(component, fields),
      debug: options.debug,
      logger,
      instanceState,
      payload,
    });
    progress.done();
    if (options.state)
      fs.writeFileSync(options.state, `${JSON.stringify(payload ? instanceState : pollingStateOf(instanceState), null, 2)}\n`);
    const output = outputOf(kind, result);
    const picklist = !options.json && isPicklist(entry.definition, output);
    const text = picklist ? renderTable(output) : `${JSON.stringify(output, null, 2)}\n`;
    if (options.out) {
      // Redacted like the terminal output: a file is as easy to share by mistake.
      fs.writeFileSync(options.out, redactor.text(text));
      err(c.dim(`wrote ${options.out} (${Buffer.byteLength(text)} bytes)\n`));
    } else out(text);
    if (picklist) err(c.dim(`${output.length} options\n`));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err(`${c.red("error:")} ${error.message}\n`);
      return 2;
    }
    const name = error && error.name && error.name !== "Error" ? `${error.name}: ` : "";
    err(`${c.red("failed:")} ${name}${error && error.message ? error.message : JSON.stringify(error)}\n`);
    return 1;
  } finally {
    stopWatching();
    if (sandbox) {
      if (sandbox.violations.length)
        err(c.yellow(`sandbox: ${sandbox.violations.length} request(s) broke the OpenAPI spec: ${JSON.stringify(sandbox.violations)}\n`));
      await sandbox.close();
    }
    if (running) {
      const after = await fetchInfo(running.url, 1000);
      const fresh = after instanceof Error ? [] : after.violations.slice(running.violations.length);
      if (fresh.length) err(c.yellow(`sandbox: ${fresh.length} request(s) broke the OpenAPI spec: ${JSON.stringify(fresh)}\n`));
    }
  }
};

module.exports = {
  ROOT,
  UsageError,
  colours,
  levenshtein,
  closest,
  createRedactor,
  parseArgs,
  collectInputs,
  keyValueInputs,
  selectTarget,
  registerTypeScript,
  distIsFresh,
  loadComponent,
  startLocalSandbox,
  sandboxConnectionFields,
  connectionValue,
  describeConnection,
  findEntry,
  checkInputs,
  renderList,
  renderHelp,
  renderTable,
  watchRequests,
  progressReporter,
  invokeEntry,
  outputOf,
  main,
};

if (require.main === module) runMain(main);
