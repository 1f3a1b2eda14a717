#!/usr/bin/env node
"use strict";
/**
 * `npm run sandbox`: the ServiceTitan simulator as a long-running server on a fixed port. Its data lives as long as it
 * runs (or in a file with --state), so one runner call can create a customer and the next one read it back.
 * `npm run invoke` finds it on its own (scripts/sandbox-link.js) and otherwise starts a one-shot sandbox as before.
 *
 *   npm run sandbox [-- --port 4747] [--state sandbox-state.json] [--seed demo|empty] [--quiet]
 */
const fs = require("fs");
const path = require("path");
const { colours, registerTypeScript, ROOT, UsageError } = require("./invoke");
const { discoveryFile, writeDiscovery, removeDiscovery } = require("./sandbox-link");

const DEFAULT_PORT = 4747;

const USAGE = `Usage: npm run sandbox [-- options]

Starts the ServiceTitan sandbox on 127.0.0.1 and keeps it running (Ctrl-C stops it). npm run invoke uses it while
it runs, so what one call creates or changes, the next call sees.

Options:
  --port N           port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)
  --state file.json  load the data from this file when it exists, and save it there as it changes and on exit
  --seed demo|empty  the data to start with when there is no state file (default demo)
  --quiet            do not log each request`;

const parseArgs = (argv) => {
  const options = { port: DEFAULT_PORT, state: undefined, seed: "demo", quiet: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes("=")
      ? [argv[i].slice(0, argv[i].indexOf("=")), argv[i].slice(argv[i].indexOf("=") + 1)]
      : [argv[i]];
    const value = () => {
      const next = inline !== undefined ? inline : argv[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value.`);
      return next;
    };
    if (flag === "--port") {
      options.port = Number(value());
      if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
        throw new UsageError("--port needs a port number (0 to 65535).");
    } else if (flag === "--state") options.state = path.resolve(value());
    else if (flag === "--seed") {
      options.seed = value();
      if (!["demo", "empty"].includes(options.seed)) throw new UsageError('--seed is "demo" or "empty".');
    } else if (flag === "--quiet") options.quiet = true;
    else if (flag === "--help" || flag === "-h") options.help = true;
    else throw new UsageError(`Unknown option ${argv[i]} (npm run sandbox -- --help).`);
  }
  return options;
};

/** Written to a temporary file and renamed, so a crash mid-write never leaves half a state file. */
const saveState = (file, db) => {
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(db.snapshot()));
  fs.renameSync(`${file}.tmp`, file);
};

const main = async (argv) => {
  const out = process.stdout;
  const c = colours(out);
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`error: ${error.message}\n`);
    return 2;
  }
  if (options.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }

  registerTypeScript();
  const { startSandbox } = require(path.join(ROOT, "sandbox"));
  const loaded = options.state && fs.existsSync(options.state) ? JSON.parse(fs.readFileSync(options.state, "utf8")) : undefined;
  let violationsSeen = 0;
  let sandbox;
  const onRequest = (request) => {
    if (!options.quiet) {
      const time = new Date(request.at).toISOString().slice(11, 19);
      const query = new URLSearchParams(Object.entries(request.query).flatMap(([k, v]) => [].concat(v).map((x) => [k, x]))).toString();
      out.write(c.dim(`${time} ${request.method} ${request.path}${query ? `?${query}` : ""} → ${request.status}\n`));
    }
    for (const violation of sandbox.violations.slice(violationsSeen)) {
      out.write(c.yellow(`  spec violation: ${violation.method} ${violation.path}: ${violation.errors.join("; ")}\n`));
    }
    violationsSeen = sandbox.violations.length;
    // A long-running server must not keep every request it ever saw.
    if (sandbox.requests.length > 2000) sandbox.requests.splice(0, 1000);
  };
  try {
    sandbox = await startSandbox({ seed: loaded ? "empty" : options.seed, port: options.port, serveInfo: true, onRequest });
  } catch (error) {
    if (error.code !== "EADDRINUSE") throw error;
    process.stderr.write(
      `error: port ${options.port} is in use. Is a sandbox already running? (npm run invoke uses it.) Another port: npm run sandbox -- --port ${options.port + 1}\n`,
    );
    return 1;
  }
  if (loaded) sandbox.db.restore(loaded);

  const file = discoveryFile();
  writeDiscovery(file, { url: sandbox.url, stateFile: options.state });
  const { clientId, clientSecret, appKey, tenant } = sandbox.credentials;
  const counts = ["customers", "jobs"].map((name) => `${sandbox.db.count(name)} ${name}`).join(", ");
  const data = loaded ? `state loaded from ${options.state}` : `${options.seed} data`;
  out.write(
    [
      c.bold(`ServiceTitan sandbox running at ${sandbox.url}`) + c.dim(` (${data}: ${counts}; kept while it runs)`),
      `  Token URL        ${sandbox.tokenUrl}`,
      `  Tenant ID        ${tenant}`,
      `  Client ID        ${clientId}`,
      `  Client Secret    ${clientSecret}`,
      `  Application Key  ${appKey}`,
      c.dim(`  (random local credentials of this simulator, new at every start; not ServiceTitan's)`),
      `npm run invoke now uses this sandbox (found through ${file}; --one-shot ignores it, --sandbox-url picks another).`,
      options.state
        ? `State is saved to ${options.state} as it changes and on exit.`
        : c.dim("Without --state the data is gone when it stops."),
      "Ctrl-C stops it.",
      "",
    ].join("\n"),
  );

  let savedSeq = loaded ? sandbox.db.seq : -1;
  let savedFiles = sandbox.db.files.size;
  const saveIfChanged = () => {
    if (!options.state || (sandbox.db.seq === savedSeq && sandbox.db.files.size === savedFiles)) return;
    saveState(options.state, sandbox.db);
    [savedSeq, savedFiles] = [sandbox.db.seq, sandbox.db.files.size];
  };
  saveIfChanged();
  const saver = setInterval(saveIfChanged, 1000);

  await new Promise((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.once(signal, resolve);
  });
  clearInterval(saver);
  saveIfChanged();
  removeDiscovery(file);
  await sandbox.close();
  out.write(`\nsandbox stopped${options.state ? `; state saved to ${options.state}` : ""}\n`);
  return 0;
};

module.exports = { DEFAULT_PORT, parseArgs, main };

if (require.main === module) require("./run-main").runMain(main);
