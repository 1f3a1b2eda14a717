/** /marketingads/v2: Marketing Ads. Operations without a handler here answer from their response schema (sandbox/generic.ts). */
import type { SandboxModule } from "./kit";

export const marketingads: SandboxModule = { handlers: {} };
