/** Types of scripts/build-id.js. */
export function sourceHash(dir?: string): string;
export function banner(id?: string): string;
export function builtId(file: string): string | undefined;
