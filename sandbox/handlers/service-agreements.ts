/** /service-agreements/v2: Service Agreements. Operations without a handler here answer from their response schema (sandbox/generic.ts). */
import type { SandboxModule } from "./kit";

export const serviceAgreements: SandboxModule = { handlers: {} };
