/**
 * Bundle size and cold start: dist/index.js against a minimal spectral component (bench/minimal) built the same
 * way (same webpack config, entry swapped), each required in fresh node processes, alternating, median of N.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import webpack from "webpack";

const ROOT = path.resolve(__dirname, "..");

/** Builds an entry with the project's webpack config (its TypeScript config swapped when given) into `outDir`. */
export const build = (entry: string, outDir: string, tsconfig?: string): Promise<string> => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, "webpack.config.js"));
  const rules = config.module.rules.map((rule: { loader?: string; options?: object }) =>
    tsconfig && rule.loader === "ts-loader" ? { ...rule, options: { ...rule.options, configFile: tsconfig } } : rule,
  );
  return new Promise((resolve, reject) =>
    webpack(
      { ...config, context: ROOT, entry, module: { ...config.module, rules }, output: { ...config.output, path: outDir } },
      (error, stats) => {
        if (error || stats?.hasErrors()) reject(error ?? new Error(stats!.toString("errors-only")));
        else resolve(path.join(outDir, "index.js"));
      },
    ),
  );
};

/** Milliseconds to require a bundle in a fresh node process. */
const requireTime = (bundle: string): number =>
  Number(
    execFileSync(
      process.execPath,
      ["-e", `const t=process.hrtime.bigint();require(${JSON.stringify(bundle)});console.log(Number(process.hrtime.bigint()-t)/1e6)`],
      {
        encoding: "utf8",
      },
    ).trim(),
  );

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export interface ColdStart {
  ours: { bytes: number; ms: number };
  minimal: { bytes: number; ms: number };
}

/** Builds both (ours from src/index.ts) and measures `runs` fresh requires of each, interleaved. */
export const measureColdStart = async (runs = 5): Promise<ColdStart> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "servicetitan-coldstart-"));
  try {
    const ours = await build("./src/index.ts", path.join(dir, "ours"));
    const minimal = await build(
      "./bench/minimal/index.ts",
      path.join(dir, "minimal"),
      path.join(ROOT, "bench", "minimal", "tsconfig.json"),
    );
    requireTime(ours); // warm the file cache for both
    requireTime(minimal);
    const times = { ours: [] as number[], minimal: [] as number[] };
    for (let i = 0; i < runs; i++) {
      times.ours.push(requireTime(ours));
      times.minimal.push(requireTime(minimal));
    }
    return {
      ours: { bytes: fs.statSync(ours).size, ms: median(times.ours) },
      minimal: { bytes: fs.statSync(minimal).size, ms: median(times.minimal) },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

if (require.main === module) {
  const runs = Number(process.argv[2] ?? 5);
  measureColdStart(runs).then((r) => {
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    console.log(
      `bundle: ours ${(r.ours.bytes / 1e6).toFixed(2)} MB, minimal ${(r.minimal.bytes / 1e6).toFixed(2)} MB → ${ratio(r.ours.bytes, r.minimal.bytes)}×`,
    );
    console.log(
      `cold require (median of ${runs}): ours ${r.ours.ms.toFixed(0)} ms, minimal ${r.minimal.ms.toFixed(0)} ms → ${ratio(r.ours.ms, r.minimal.ms)}×`,
    );
  });
}
