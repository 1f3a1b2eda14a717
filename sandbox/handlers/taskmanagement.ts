/** /taskmanagement/v2: Task Management. Operations without a handler here answer from their response schema (sandbox/generic.ts). */
import type { SandboxModule } from "./kit";

export const taskmanagement: SandboxModule = { handlers: {} };
