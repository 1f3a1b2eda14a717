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

/**
 * Milliseconds to require a bundle in a fresh node process, and until then its action `key` is read as well (what a
 * flow step does next: the component converts, and ours loads the action's resource module, on first read).
 */
const requireTime = (bundle: string, key: string): { require: number; firstAction: number } => {
  const script = `const t=process.hrtime.bigint();const c=require(${JSON.stringify(bundle)}).default;const r=process.hrtime.bigint();
if(typeof c.actions[${JSON.stringify(key)}].perform!=="function")throw new Error("no action");
console.log(Number(r-t)/1e6, Number(process.hrtime.bigint()-t)/1e6)`;
  const [required, firstAction] = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim().split(" ").map(Number);
  return { require: required, firstAction };
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The action a flow step of each bundle reads after requiring it. */
export const FIRST_ACTION = { ours: "getJob", minimal: "getThing" } as const;

export interface ColdStart {
  ours: { bytes: number; ms: number; firstActionMs: number };
  minimal: { bytes: number; ms: number; firstActionMs: number };
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
    const bundles = { ours, minimal };
    const sides = ["ours", "minimal"] as const;
    for (const side of sides) requireTime(bundles[side], FIRST_ACTION[side]); // warm the file cache for both
    const times = { ours: [] as Array<ReturnType<typeof requireTime>>, minimal: [] as Array<ReturnType<typeof requireTime>> };
    for (let i = 0; i < runs; i++) for (const side of sides) times[side].push(requireTime(bundles[side], FIRST_ACTION[side]));
    const figures = (side: (typeof sides)[number]) => ({
      bytes: fs.statSync(bundles[side]).size,
      ms: median(times[side].map((t) => t.require)),
      firstActionMs: median(times[side].map((t) => t.firstAction)),
    });
    return { ours: figures("ours"), minimal: figures("minimal") };
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
    console.log(
      `… and its first action read: ours ${r.ours.firstActionMs.toFixed(0)} ms, minimal ${r.minimal.firstActionMs.toFixed(0)} ms → ${ratio(r.ours.firstActionMs, r.minimal.firstActionMs)}×`,
    );
  });
}
