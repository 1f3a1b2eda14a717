/** /customer-interactions/v2: Customer Interactions. Operations without a handler here answer from their response schema (sandbox/generic.ts). */
import type { SandboxModule } from "./kit";

export const customerInteractions: SandboxModule = { handlers: {} };
