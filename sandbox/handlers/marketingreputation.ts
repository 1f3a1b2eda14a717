/** /marketingreputation/v2: Marketing Reputation. Operations without a handler here answer from their response schema (sandbox/generic.ts). */
import type { SandboxModule } from "./kit";

export const marketingreputation: SandboxModule = { handlers: {} };
