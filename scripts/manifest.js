#!/usr/bin/env node
"use strict";
/**
 * `npm run manifest`: the component manifest package a code-native integration (CNI) uses to call this component,
 * made by spectral's own generator (its `component-manifest` bin) from the built bundle. Offline: the signature is
 * computed locally (--skip-signature-verify) instead of being checked against a published component.
 *
 *   npm run manifest [-- --output-dir DIR]      (default: manifest/, gitignored)
 *
 * Builds dist/ first when it was not built from src/ as it is now.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { distIsFresh } = require("./invoke");
const { runMain } = require("./run-main");

const ROOT = path.resolve(__dirname, "..");
const GENERATOR = require.resolve("@prismatic-io/spectral/bin/component-manifest.js");
const PACKAGE_SCOPE = "@component-manifests/";

/**
 * Runs the generator for the component in `componentDir` (its package.json and dist/index.js) into `outputDir`. The
 * generator asks the `prism` CLI for the signature, so the project's node_modules/.bin goes first on PATH.
 */
const generateManifest = ({ componentDir = ROOT, outputDir, stdio = "pipe" }) => {
  const PATH = [path.join(ROOT, "node_modules", ".bin"), process.env.PATH].join(path.delimiter);
  const run = spawnSync(process.execPath, [GENERATOR, "--skip-signature-verify", "--output-dir", outputDir], {
    cwd: componentDir,
    env: { ...process.env, PATH },
    stdio,
    encoding: "utf8",
    timeout: 120_000,
  });
  if (run.status === 0) fixOutputSchemas(outputDir);
  return run;
};

/**
 * spectral 10.31.1's generator writes each action's output schema as the built component holds it, in the wire form
 * (`schema` a JSON string), which its own ComponentManifest type refuses (it wants the schema object, and the
 * generated `as const` arrays could not match its mutable ones either). Parse the string where the package loads, so
 * the manifest carries the schema object and type-checks.
 */
const fixOutputSchemas = (outputDir) => {
  const dir = path.join(outputDir, "src", "actions");
  if (!fs.existsSync(dir)) return;
  const pattern = /(outputSchema: \{\s*type: "actionOutput",\s*schema:\s*)('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/;
  for (const file of fs.readdirSync(dir)) {
    const target = path.join(dir, file);
    const text = untypedExample(fs.readFileSync(target, "utf8"));
    fs.writeFileSync(target, pattern.test(text) ? text.replace(pattern, (_, head, literal) => `${head}JSON.parse(${literal})`) : text);
  }
};

/**
 * The example payloads are real records (npm run examples); typed as the literals they are, the actions index's
 * inferred type grows past what tsc will serialize (TS7056). ComponentManifest declares `examplePayload` unknown:
 * the generated action says so, and its value is unchanged.
 */
const untypedExample = (text) => {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => /^ {2}examplePayload: /.test(line));
  if (start < 0) return text;
  const end = /[{[]$/.test(lines[start].trimEnd()) ? lines.findIndex((line, i) => i > start && /^ {2}[}\]]/.test(line)) : start;
  if (end < 0 || lines[end].includes(" as unknown")) return text;
  lines[end] = lines[end].replace(/,\s*$/, " as unknown,");
  return lines.join("\n");
};

/** An earlier run's output is replaced whole, so an action removed since does not linger; any other folder is left alone. */
const clearPrevious = (outputDir) => {
  if (!fs.existsSync(outputDir)) return;
  let name;
  try {
    name = JSON.parse(fs.readFileSync(path.join(outputDir, "package.json"), "utf8")).name;
  } catch {
    name = undefined;
  }
  if (!String(name).startsWith(PACKAGE_SCOPE) && fs.readdirSync(outputDir).length)
    throw new Error(`${outputDir} exists and is not a component manifest package: choose another --output-dir.`);
  fs.rmSync(outputDir, { recursive: true, force: true });
};

/** What was generated, in one line: package name, counts, signature. */
const summary = (outputDir) => {
  const count = (kind) => fs.readdirSync(path.join(outputDir, "src", kind)).filter((f) => f !== "index.ts").length;
  const { name } = JSON.parse(fs.readFileSync(path.join(outputDir, "package.json"), "utf8"));
  const signature = (/signature: "([0-9a-f]+)"/.exec(fs.readFileSync(path.join(outputDir, "src", "index.ts"), "utf8")) || [])[1];
  return `${name}: ${count("actions")} actions, ${count("triggers")} trigger(s), ${count("dataSources")} data sources, ${count("connections")} connection(s); signature ${signature || "none"}`;
};

const main = async (argv) => {
  const at = argv.indexOf("--output-dir");
  if (argv.some((arg, i) => arg !== "--output-dir" && i !== at + 1) || (at >= 0 && !argv[at + 1])) {
    process.stderr.write("Usage: npm run manifest [-- --output-dir DIR]\n");
    return 2;
  }
  const outputDir = path.resolve(at >= 0 ? argv[at + 1] : path.join(ROOT, "manifest"));
  if (!distIsFresh()) {
    process.stdout.write("dist/index.js is not built from src/ as it is now: npm run build first.\n");
    const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
    if (build.status !== 0) return 1;
  }
  try {
    clearPrevious(outputDir);
  } catch (error) {
    process.stderr.write(`error: ${error.message}\n`);
    return 2;
  }
  const run = generateManifest({ outputDir, stdio: "inherit" });
  if (run.status !== 0) {
    process.stderr.write(`component-manifest failed (${run.error ? run.error.message : `exit ${run.status}`}).\n`);
    return 1;
  }
  const relative = path.relative(process.cwd(), outputDir) || ".";
  process.stdout.write(
    [
      summary(outputDir),
      `Use it in a code-native integration: cd ${relative} && npm install && npm pack, then npm install the .tgz in the`,
      "integration and register it with componentManifests() (README: Code-native integrations).",
      "",
    ].join("\n"),
  );
  return 0;
};

module.exports = { generateManifest, fixOutputSchemas, clearPrevious, summary, main };

if (require.main === module) runMain(main);
