import { execFileSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";

/** What `npm run generate` derives from openapi/ must be what is committed: specs, types, operations and examples. */
const ROOT = path.resolve(__dirname, "..");

describe("generated code", () => {
  const out = mkdtempSync(path.join(os.tmpdir(), "servicetitan-generate-"));
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, "scripts", "generate-types.js"), out], { stdio: "pipe" });
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it.each([path.join("openapi", "oas3"), path.join("src", "generated")])(
    "%s is up to date with openapi/ (else run npm run generate)",
    (dir) => {
      const files = readdirSync(path.join(ROOT, dir)).sort();
      expect(readdirSync(path.join(out, dir)).sort()).toEqual(files);
      for (const file of files) {
        expect({ file, text: readFileSync(path.join(out, dir, file), "utf8") }).toEqual({
          file,
          text: readFileSync(path.join(ROOT, dir, file), "utf8"),
        });
      }
    },
  );
});
