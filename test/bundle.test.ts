import { spawnSync } from "child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "fs";
import os from "os";
import path from "path";
import webpack, { type Configuration, type Stats } from "webpack";
import source from "../src";
import { builtId, sourceHash } from "../scripts/build-id";
import { distIsFresh } from "../scripts/invoke";
import { generateManifest } from "../scripts/manifest";

/**
 * `npm run build` produces what Prismatic loads: one CommonJS dist/index.js with every dependency inside, plus
 * icon.png. Built here with the project's webpack config into a temporary folder (not dist/, which the demo may use).
 */
const ROOT = path.resolve(__dirname, "..");
const config = require(path.join(ROOT, "webpack.config.js")) as Configuration;

describe("the publishable bundle", () => {
  // A component folder as Prismatic's tools expect it: package.json beside dist/.
  const componentDir = mkdtempSync(path.join(os.tmpdir(), "servicetitan-bundle-"));
  const outDir = path.join(componentDir, "dist");
  let stats: Stats;
  beforeAll(async () => {
    stats = await new Promise<Stats>((resolve, reject) =>
      webpack({ ...config, context: ROOT, output: { ...config.output, path: outDir } }, (error, result) =>
        error || !result ? reject(error) : resolve(result),
      ),
    );
  }, 120_000);
  afterAll(() => rmSync(componentDir, { recursive: true, force: true }));

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
    expect(Object.keys(built.triggers)).toEqual(["pollChangesTrigger", "webhookTrigger"]);
    expect(bundle.RECOMMENDED_SCHEDULE).toBe("*/5 * * * *"); // docs/triggers.md and the README promise it
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

  it("feeds spectral's manifest generator: the package it writes type-checks, and so does the README's code-native example", () => {
    copyFileSync(path.join(ROOT, "package.json"), path.join(componentDir, "package.json"));
    symlinkSync(path.join(ROOT, "node_modules"), path.join(componentDir, "node_modules"), "dir"); // spectral and @types for tsc
    const manifest = path.join(componentDir, "manifest");
    const generated = generateManifest({ componentDir, outputDir: manifest });
    expect({ status: generated.status, output: generated.status ? generated.stdout + generated.stderr : "" }).toEqual({
      status: 0,
      output: "",
    });
    const files = (kind: string) => readdirSync(path.join(manifest, "src", kind)).filter((file) => file !== "index.ts");
    expect(files("actions").sort()).toEqual(
      Object.keys(source.actions)
        .map((key) => `${key}.ts`)
        .sort(),
    );
    expect(files("triggers")).toEqual(["pollChangesTrigger.ts", "webhookTrigger.ts"]);
    expect(readFileSync(path.join(manifest, "src", "index.ts"), "utf8")).toMatch(
      /key: "servicetitan",\s+public: false,\s+signature: "[0-9a-f]{40}"/,
    );

    const tsc = (project: string) =>
      spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", project, "--noEmit"], {
        encoding: "utf8",
        timeout: 120_000,
      });
    const typecheck = (project: string) => {
      const run = tsc(project);
      return { status: run.status, errors: run.stdout + run.stderr };
    };
    expect(typecheck(manifest)).toEqual({ status: 0, errors: "" });

    // The README's example, where it says to put it, with the manifest where cni-component-manifest would put it.
    const cni = path.join(componentDir, "cni");
    mkdirSync(path.join(cni, "src", "manifests"), { recursive: true });
    cpSync(path.join(manifest, "src"), path.join(cni, "src", "manifests", "servicetitan"), { recursive: true });
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const example = /<!-- cni-example:start -->\s*```ts\n([\s\S]*?)```\s*<!-- cni-example:end -->/.exec(readme);
    expect(example).not.toBeNull();
    writeFileSync(path.join(cni, "src", "index.ts"), example![1]);
    const compilerOptions = {
      target: "es2022",
      module: "commonjs",
      moduleResolution: "node",
      strict: true,
      esModuleInterop: true,
      skipLibCheck: true,
    };
    writeFileSync(
      path.join(cni, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { ...compilerOptions, types: ["node"] }, include: ["src"] }),
    );
    expect(typecheck(cni)).toEqual({ status: 0, errors: "" });
  }, 180_000);
});
