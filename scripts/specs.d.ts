/** Types of scripts/specs.js: the vendored ServiceTitan documents, loaded for the generator and the sandbox. */
export interface SpecDocument {
  /** "2026-05" (current) or "2026-03" (kept for operations the May documents dropped). */
  source: string;
  doc: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** For a March document: the "VERB /path" keys it contributes (those the May document lacks). */
  only?: Set<string>;
  file?: string;
}
export interface SpecModule {
  key: string;
  base: string;
  title: string;
  file: string;
  documents: SpecDocument[];
}
export function loadModules(): SpecModule[];
export function moduleOperations(module: SpecModule): Generator<{
  key: string;
  verb: string;
  path: string;
  item: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  op: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  source: string;
  doc: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}>;
export const SOURCES: { current: string; previous: string };
export const VERBS: string[];
