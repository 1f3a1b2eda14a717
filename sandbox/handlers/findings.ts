/** /findings/v2: Findings. Operations without a handler here answer from their response schema (sandbox/generic.ts). */
import type { SandboxModule } from "./kit";

export const findings: SandboxModule = { handlers: {} };
