// The vendored ServiceTitan documents in openapi/, loaded one way for everything that needs them: the generator
// (npm run generate) and the sandbox's request validation.
//
//  - openapi/tenant-*.json          the May 2026 documents (OpenAPI 3.1), one per API module;
//  - openapi/2026-03/tenant-*.json  March 2026 documents (OpenAPI 3.0.1), kept for the operations ServiceTitan still
//                                   serves but no longer documents publicly (accounting POST /payments …).
//
// A module's key is its path prefix as the document's `servers` URL states it ("jpm", "sales", "telecom" …), never
// the file name: several differ (tenant-salestech-v2.json serves /sales/v2).
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "openapi");
const VERBS = ["get", "post", "put", "patch", "delete"];
/** Which document an operation comes from. */
const SOURCES = { current: "2026-05", previous: "2026-03" };

const readJson = (file) => JSON.parse(fs.readFileSync(file, "utf8"));
const documentsIn = (dir) =>
  fs
    .readdirSync(dir)
    .filter((name) => /^tenant-.*\.json$/.test(name))
    .sort()
    .map((name) => ({ file: path.join(dir, name), doc: readJson(path.join(dir, name)) }));

/** "/jpm/v2" from "https://api-integration.servicetitan.io/jpm/v2"; "/telecom" (its paths carry their version). */
const basePath = (doc) => new URL(doc.servers[0].url).pathname.replace(/\/+$/, "");
const moduleKey = (base) => base.split("/")[1];

/** "VERB /base/path" keys of a document's operations. */
const operationKeys = (doc, base) =>
  Object.entries(doc.paths).flatMap(([p, item]) => VERBS.filter((verb) => item[verb]).map((verb) => `${verb.toUpperCase()} ${base}${p}`));

/**
 * Every module: its key, path base, title, and its documents, newest first. The March document of a module is kept
 * only with the operations the May one lacks (`only`), so each operation has exactly one source.
 */
function loadModules() {
  const modules = new Map();
  for (const { file, doc } of documentsIn(ROOT)) {
    const base = basePath(doc);
    const key = moduleKey(base);
    modules.set(key, { key, base, title: doc.info.title, file: path.relative(ROOT, file), documents: [{ source: SOURCES.current, doc }] });
  }
  const previousDir = path.join(ROOT, SOURCES.previous);
  for (const { file, doc } of fs.existsSync(previousDir) ? documentsIn(previousDir) : []) {
    const base = basePath(doc);
    const module = modules.get(moduleKey(base));
    if (!module) throw new Error(`${file}: no May 2026 document for module ${moduleKey(base)}`);
    const current = new Set(operationKeys(module.documents[0].doc, base));
    const only = new Set(operationKeys(doc, base).filter((key) => !current.has(key)));
    if (only.size) module.documents.push({ source: SOURCES.previous, doc, only, file: path.relative(ROOT, file) });
  }
  return [...modules.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** Each operation of a module once: `{key, verb, path (full), item, op, source, doc}`. */
function* moduleOperations(module) {
  for (const { source, doc, only } of module.documents) {
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const verb of VERBS) {
        if (!item[verb]) continue;
        const key = `${verb.toUpperCase()} ${module.base}${p}`;
        if (only && !only.has(key)) continue;
        yield { key, verb, path: `${module.base}${p}`, item, op: item[verb], source, doc };
      }
    }
  }
}

module.exports = { loadModules, moduleOperations, SOURCES, VERBS };
