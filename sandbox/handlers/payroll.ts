/** /payroll/v2: Payroll. Operations without a handler here answer from their response schema (sandbox/generic.ts). */
import type { SandboxModule } from "./kit";

export const payroll: SandboxModule = { handlers: {} };
