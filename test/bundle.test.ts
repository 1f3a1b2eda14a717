import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import webpack, { type Configuration, type Stats } from "webpack";
import source from "../src";
import { builtId, sourceHash } from "../scripts/build-id";
import { distIsFresh } from "../scripts/invoke";

/**
 * `npm run build` produces what Prismatic loads: one CommonJS dist/index.js with every dependency inside, plus
 * icon.png. Built here with the project's webpack config into a temporary folder (not dist/, which the demo may use).
 */
const ROOT = path.resolve(__dirname, "..");
const config = require(path.join(ROOT, "webpack.config.js")) as Configuration;

describe("the publishable bundle", () => {
  const outDir = mkdtempSync(path.join(os.tmpdir(), "servicetitan-bundle-"));
  let stats: Stats;
  beforeAll(async () => {
    stats = await new Promise<Stats>((resolve, reject) =>
      webpack({ ...config, context: ROOT, output: { ...config.output, path: outDir } }, (error, result) =>
        error || !result ? reject(error) : resolve(result),
      ),
    );
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("builds without errors into index.js and icon.png", () => {
    expect(stats.hasErrors()).toBe(false);
    expect(existsSync(path.join(outDir, "index.js"))).toBe(true);
    expect(existsSync(path.join(outDir, "icon.png"))).toBe(true);
  });

  it("bundles every dependency and nothing from test/, sandbox/, bench/ or scripts/", () => {
    const modules = (stats.toJson({ modules: true }).modules ?? []).map((m) => m.name ?? "");
    expect(modules.some((name) => name.includes("node_modules/@prismatic-io/spectral"))).toBe(true);
    expect(modules.filter((name) => /^\.\/(test|sandbox|bench|scripts)\//.test(name))).toEqual([]);
    expect(config.externals).toBeUndefined();
  });

  it("exposes the component with its connection when required, as Prismatic loads it", () => {
    const bundle = require(path.join(outDir, "index.js"));
    const built = bundle.default;
    expect(built.key).toBe("servicetitan");
    expect(built.public).toBe(false);
    expect(built.display.label).toBe("ServiceTitan");
    expect(built.connections.map((c: { key: string }) => c.key)).toEqual(["serviceTitanConnection"]);
    expect(Object.keys(built.actions).sort()).toEqual(Object.keys(source.actions).sort());
    expect(Object.keys(built.dataSources).sort()).toEqual(Object.keys(source.dataSources ?? {}).sort());
    expect(Object.keys(built.triggers)).toEqual(["pollChangesTrigger"]);
  });

  it("stamps the hash of src/ first, so the runner knows the bundle is current whatever its modification time", () => {
    const built = path.join(outDir, "index.js");
    expect(builtId(built)).toBe(sourceHash());
    utimesSync(built, new Date("2000-01-01"), new Date("2000-01-01")); // older than every source file
    expect(distIsFresh(built)).toBe(true);
    const other = path.join(outDir, "other.js");
    writeFileSync(other, readFileSync(built, "utf8").replace(sourceHash(), "0123456789abcdef"));
    expect(distIsFresh(other)).toBe(false);
    writeFileSync(other, "module.exports = {};\n");
    expect(distIsFresh(other)).toBe(false);
  });
});
