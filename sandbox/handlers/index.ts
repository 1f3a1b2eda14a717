/**
 * What the sandbox simulates by hand, per ServiceTitan module: operationId -> handler (operationIds repeat across
 * modules), and the stateful collections a module adds (built from the spec, see generic.ts schemaCollection).
 * Valid operations without a handler answer through sandbox/generic.ts.
 */
import type { HandlerTable, SandboxModule } from "./kit";
import { accounting } from "./accounting";
import { accountingCollections, seedAccountingBooks } from "./accounting-books";
import { crm } from "./crm";
import { crmExtra } from "./crm-extra";
import { customerInteractions } from "./customer-interactions";
import { dispatch } from "./dispatch";
import { dispatchScheduling } from "./dispatchScheduling";
import { equipmentsystems, equipmentsystemsCollections, seedEquipmentSystems } from "./equipmentsystems";
import { findings } from "./findings";
import { fleetpro } from "./fleetpro";
import { forms } from "./forms";
import { inventory } from "./inventory";
import { jbce } from "./jbce";
import { jpm } from "./jpm";
import { jpmDetails } from "./jpmDetails";
import { marketing } from "./marketing";
import { marketingads } from "./marketingads";
import { marketingreputation } from "./marketingreputation";
import { memberships } from "./memberships";
import { payroll } from "./payroll";
import { pricebook } from "./pricebook";
import { reporting } from "./reporting";
import { sales } from "./sales";
import { schedulingpro } from "./schedulingpro";
import { serviceAgreements } from "./service-agreements";
import { seedSettings, settings, settingsCollections } from "./settings";
import { taskmanagement } from "./taskmanagement";
import { telecom } from "./telecom";
import { timesheets } from "./timesheets";

/** Every module's simulation; the six first simulated ones are plain handler tables (jpm and dispatch extended by jpmDetails and dispatchScheduling). */
export const MODULES: Record<string, SandboxModule> = {
  accounting: { handlers: accounting, collections: accountingCollections, seed: seedAccountingBooks },
  crm: { handlers: { ...crm, ...crmExtra.handlers }, collections: crmExtra.collections, seed: crmExtra.seed },
  "customer-interactions": customerInteractions,
  dispatch: { ...dispatchScheduling, handlers: { ...dispatch, ...dispatchScheduling.handlers } },
  equipmentsystems: { handlers: equipmentsystems, collections: equipmentsystemsCollections, seed: seedEquipmentSystems },
  findings: findings,
  fleetpro: fleetpro,
  forms: forms,
  inventory: inventory,
  jbce: jbce,
  jpm: { ...jpmDetails, handlers: { ...jpm, ...jpmDetails.handlers } },
  marketing: marketing,
  marketingads: marketingads,
  marketingreputation: marketingreputation,
  memberships: memberships,
  payroll: payroll,
  pricebook: pricebook,
  reporting: reporting,
  sales: sales,
  schedulingpro: schedulingpro,
  "service-agreements": serviceAgreements,
  settings: { handlers: settings, collections: settingsCollections, seed: seedSettings },
  taskmanagement: taskmanagement,
  telecom: telecom,
  timesheets: timesheets,
};

export const HANDLERS: Record<string, HandlerTable> = Object.fromEntries(
  Object.entries(MODULES).map(([key, module]) => [key, module.handlers]),
);

export type { Handler, HandlerContext, HandlerResult, SandboxModule, UploadedFile } from "./kit";
export { FILES_PREFIX } from "./equipmentsystems";
