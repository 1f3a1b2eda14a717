/**
 * module -> operationId -> handler, for every hand-simulated operation (operationIds repeat across modules). Valid
 * operations not listed answer through sandbox/generic.ts.
 */
import type { HandlerTable } from "./kit";
import { jpm } from "./jpm";
import { dispatch } from "./dispatch";
import { crm } from "./crm";
import { accounting } from "./accounting";
import { equipmentsystems } from "./equipmentsystems";
import { settings } from "./settings";

export const HANDLERS: Record<string, HandlerTable> = { jpm, dispatch, crm, accounting, equipmentsystems, settings };

export type { Handler, HandlerContext, HandlerResult, UploadedFile } from "./kit";
export { FILES_PREFIX } from "./equipmentsystems";
