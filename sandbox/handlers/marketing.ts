/** /marketing/v2: Marketing. Operations without a handler here answer from their response schema (sandbox/generic.ts). */
import type { SandboxModule } from "./kit";

export const marketing: SandboxModule = { handlers: {} };
