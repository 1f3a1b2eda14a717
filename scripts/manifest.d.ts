/** Types of scripts/manifest.js. */
import type { SpawnSyncReturns } from "child_process";

export function generateManifest(options: {
  componentDir?: string;
  outputDir: string;
  stdio?: "pipe" | "inherit";
}): SpawnSyncReturns<string>;
export function clearPrevious(outputDir: string): void;
export function summary(outputDir: string): string;
export function main(argv: string[]): Promise<number>;
