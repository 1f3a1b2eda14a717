/** /sales/v2: Sales & Estimates. Operations without a handler here answer from their response schema (sandbox/generic.ts). */
import type { SandboxModule } from "./kit";

export const sales: SandboxModule = { handlers: {} };
