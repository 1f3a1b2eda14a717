/** Types of scripts/examples.js for the tests (the script itself is plain Node). */
export declare const EXAMPLES_FILE: string;
export declare const CLOCK: string;
export declare const AUTO: unique symbol;
export declare const HAND_INPUTS: Record<string, Record<string, unknown>>;
export declare const NOT_RECORDED: Record<string, string>;
export declare const serviceTitanTime: (value: string, field?: string) => string;
export declare const money: (value: unknown) => unknown;
export declare const normalise: (result: unknown, options: { key: string; sandboxUrl: string; stableGuids: Set<string> }) => unknown;
export declare const serialise: (examples: Record<string, unknown>) => string;
export declare const recordExamples: (options?: {
  component?: unknown;
  operations?: Record<string, string>;
  keys?: string[];
  onProgress?: (index: number, total: number, key: string) => void;
}) => Promise<{ examples: Record<string, unknown>; failures: Record<string, string> }>;
export declare const main: (argv: string[], io?: { stdout?: NodeJS.WritableStream; stderr?: NodeJS.WritableStream }) => Promise<number>;
