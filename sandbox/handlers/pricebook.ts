/** /pricebook/v2: Pricebook. Operations without a handler here answer from their response schema (sandbox/generic.ts). */
import type { SandboxModule } from "./kit";

export const pricebook: SandboxModule = { handlers: {} };
