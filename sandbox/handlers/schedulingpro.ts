/** /schedulingpro/v2: Scheduling Pro. Operations without a handler here answer from their response schema (sandbox/generic.ts). */
import type { SandboxModule } from "./kit";

export const schedulingpro: SandboxModule = { handlers: {} };
