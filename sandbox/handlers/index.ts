/** operationId -> handler, for every simulated operation. Valid operations not listed here answer 501. */
import type { HandlerTable } from "./kit";
import { jpm } from "./jpm";
import { dispatch } from "./dispatch";
import { crm } from "./crm";
import { accounting } from "./accounting";
import { equipmentsystems } from "./equipmentsystems";
import { settings } from "./settings";

export const HANDLERS: HandlerTable = { ...jpm, ...dispatch, ...crm, ...accounting, ...equipmentsystems, ...settings };

export type { Handler, HandlerContext, HandlerResult, UploadedFile } from "./kit";
export { FILES_PREFIX } from "./equipmentsystems";
