/** /reporting/v2: Reporting. Operations without a handler here answer from their response schema (sandbox/generic.ts). */
import type { SandboxModule } from "./kit";

export const reporting: SandboxModule = { handlers: {} };
