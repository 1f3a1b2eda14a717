/** /jbce/v2: Job Booking. Operations without a handler here answer from their response schema (sandbox/generic.ts). */
import type { SandboxModule } from "./kit";

export const jbce: SandboxModule = { handlers: {} };
