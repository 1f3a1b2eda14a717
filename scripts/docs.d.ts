/** Types of scripts/docs.js (the documentation generator). */
import type { Component } from "./invoke";

export interface DocsInput {
  component: Component;
  /** Key → "VERB /path" (or a sentence for actions that are not one operation). */
  operations?: Record<string, string>;
}
export const ACTIONS_DOC: string;
export const README: string;
export function renderActionsDoc(input: DocsInput): string;
/** The README's short table: actions and data sources per module. */
export function renderReadmeTable(input: DocsInput): string;
/** The README's coverage table: per module, operations in the specs, curated, through Call ServiceTitan API, export feeds. */
export function renderCoverageTable(input: DocsInput): string;
/** What an action returns, in one sentence, from its output schema (undefined without one). */
export function returnsOf(definition: unknown): string | undefined;
export function replaceBetween(text: string, content: string, start?: string, end?: string): string;
export function operationsOf(module: Record<string, unknown>): Record<string, string>;
export function expectedFiles(input: DocsInput): Array<{ file: string; expected: string; actual: string }>;
export function loadFromSource(): Required<DocsInput>;
