/** Types of scripts/invoke.js (the local runner and the library the demo and docs scripts share). */
/* eslint-disable @typescript-eslint/no-explicit-any */

/** The converted component (what `component()` returns and Prismatic loads). */
export interface Component {
  key: string;
  display: { label: string; description: string };
  actions: Record<string, any>;
  dataSources?: Record<string, any>;
  triggers?: Record<string, any>;
  connections?: any[];
}

export interface Stream {
  isTTY?: boolean;
  write(text: string): unknown;
}
export interface Io {
  stdout?: Stream;
  stderr?: Stream;
  env?: Record<string, string | undefined>;
  /** "src" | "dist" | "auto" (default). */
  componentSource?: "src" | "dist" | "auto";
  readFile?: (file: string) => string;
  /** Reads --body (default: the file's bytes). */
  readBytes?: (file: string) => Buffer;
}
export interface Options {
  key?: string;
  inputs: Record<string, string | string[]>;
  inputsFile?: string;
  state?: string;
  body?: string;
  signWith?: string;
  out?: string;
  list: boolean;
  filter?: string;
  help: boolean;
  json: boolean;
  sandbox: boolean;
  sandboxUrl?: string;
  oneShot: boolean;
  src: boolean;
  debug: boolean;
}
export type Target =
  { kind: "sandbox" } | { kind: "tenant"; environment: "production" | "integration"; fields: Record<string, string>; secrets: string[] };
export interface Entry {
  kind: "action" | "data source" | "trigger";
  collection: "actions" | "dataSources" | "triggers";
  key: string;
  definition: any;
}

export const ROOT: string;
export class UsageError extends Error {}
export function colours(
  stream: Stream | null,
  env?: Record<string, string | undefined>,
): { on: boolean } & Record<"bold" | "dim" | "red" | "green" | "yellow" | "cyan", (text: unknown) => string>;
export function levenshtein(a: string, b: string): number;
export function closest(word: string, candidates: string[]): string | undefined;
export function createRedactor(initial?: string[]): { add(secret: string | undefined): void; text(input: unknown): string };
export function parseArgs(argv: string[]): Options;
export function keyValueInputs(entry: Entry, values: Record<string, unknown>): Record<string, unknown>;
export function collectInputs(options: Options, readFile?: (file: string) => string): Record<string, unknown>;
export function selectTarget(env?: Record<string, string | undefined>, options?: { forceSandbox?: boolean }): Target;
export function distIsFresh(file?: string): boolean;
export function loadComponent(source?: "src" | "dist" | "auto"): {
  component: Component;
  module: Record<string, unknown>;
  actionOperations: Record<string, string>;
  source: string;
};
export function findEntry(component: Component, key: string): Entry;
export function checkInputs(entry: Entry, values: Record<string, unknown>): void;
export function renderList(component: Component, filter?: string): string;
export function renderTable(options: Array<{ key: string; label: string }>): string;
export function main(argv: string[], io?: Io): Promise<number>;
