import { execFileSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { operations } from "../src/client";
import { loadModules } from "../scripts/specs";

/** What `npm run generate` derives from openapi/ must be what is committed: operations, schemas and types of every module. */
const ROOT = path.resolve(__dirname, "..");
const GENERATED = path.join("src", "generated");

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)).map((f) => path.join(entry.name, f)) : [entry.name]))
    .sort();

describe("generated code", () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "servicetitan-generate-"));
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, "scripts", "generate.js"), out], { stdio: "pipe" });
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("src/generated is up to date with openapi/ (else run npm run generate)", () => {
    // examples.json is recorded from the sandbox by npm run examples (test/examples.test.ts checks it).
    const files = filesUnder(path.join(ROOT, GENERATED)).filter((file) => file !== "examples.json");
    expect(filesUnder(path.join(out, GENERATED))).toEqual(files);
    for (const file of files) {
      expect({ file, text: readFileSync(path.join(out, GENERATED, file), "utf8") }).toEqual({
        file,
        text: readFileSync(path.join(ROOT, GENERATED, file), "utf8"),
      });
    }
  });

  it("covers every operation of the 25 modules once, marking those only the March 2026 documents list", () => {
    const modules = loadModules();
    expect(modules).toHaveLength(25);
    const declared = new Map<string, string>();
    for (const module of modules) {
      for (const { source, doc, only } of module.documents) {
        for (const [p, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
          for (const verb of ["get", "post", "put", "patch", "delete"].filter((v) => item[v])) {
            const key = `${verb.toUpperCase()} ${module.base}${p}`;
            if (!only || only.has(key)) declared.set(key, source);
          }
        }
      }
    }
    expect(Object.keys(operations).sort()).toEqual([...declared.keys()].sort());
    for (const [key, source] of declared)
      expect({ key, source: operations[key as keyof typeof operations].source ?? "2026-05" }).toEqual({ key, source });
    // The March-only ones the issue names are among them.
    for (const key of [
      "POST /accounting/v2/tenant/{tenant}/payments",
      "PUT /jpm/v2/tenant/{tenant}/jobs/{id}/hold",
      "PUT /jpm/v2/tenant/{tenant}/jobs/{id}/complete",
      "POST /jpm/v2/tenant/{tenant}/jobs/{id}/messages",
      "POST /jpm/v2/tenant/{tenant}/projects/{id}/messages",
    ] as const) {
      expect(operations[key].source).toBe("2026-03");
    }
    expect(Object.values(operations).filter((op) => op.export)).toHaveLength(53);
  });
});
