/** /timesheets/v2: Timesheets. Operations without a handler here answer from their response schema (sandbox/generic.ts). */
import type { SandboxModule } from "./kit";

export const timesheets: SandboxModule = { handlers: {} };
