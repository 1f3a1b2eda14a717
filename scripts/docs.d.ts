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
export function renderReadmeTable(input: DocsInput): string;
export function replaceBetween(text: string, content: string, start?: string, end?: string): string;
export function operationsOf(module: Record<string, unknown>): Record<string, string>;
export function expectedFiles(input: DocsInput): Array<{ file: string; expected: string; actual: string }>;
export function loadFromSource(): Required<DocsInput>;
