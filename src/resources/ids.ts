/**
 * Registers every module's id vocabulary (see kit/ids.ts) before any action is defined: the kit imports this file,
 * so a derived input finds its label and dropdown whichever module is loaded first. Data only: no module here
 * imports an action.
 */
import { registerIds } from "../kit/ids";
import { accountingIds } from "./accounting/ids";
import { crmIds } from "./crm/ids";
import { customerInteractionsIds } from "./customer-interactions/ids";
import { dispatchIds } from "./dispatch/ids";
import { equipmentsystemsIds } from "./equipmentsystems/ids";
import { findingsIds } from "./findings/ids";
import { fleetproIds } from "./fleetpro/ids";
import { formsIds } from "./forms/ids";
import { inventoryIds } from "./inventory/ids";
import { jbceIds } from "./jbce/ids";
import { jpmIds } from "./jpm/ids";
import { marketingIds } from "./marketing/ids";
import { marketingadsIds } from "./marketingads/ids";
import { marketingreputationIds } from "./marketingreputation/ids";
import { membershipsIds } from "./memberships/ids";
import { payrollIds } from "./payroll/ids";
import { pricebookIds } from "./pricebook/ids";
import { reportingIds } from "./reporting/ids";
import { salesIds } from "./sales/ids";
import { schedulingproIds } from "./schedulingpro/ids";
import { serviceAgreementsIds } from "./service-agreements/ids";
import { settingsIds } from "./settings/ids";
import { taskmanagementIds } from "./taskmanagement/ids";
import { telecomIds } from "./telecom/ids";
import { timesheetsIds } from "./timesheets/ids";

const MODULE_IDS = [
  accountingIds,
  crmIds,
  customerInteractionsIds,
  dispatchIds,
  equipmentsystemsIds,
  findingsIds,
  fleetproIds,
  formsIds,
  inventoryIds,
  jbceIds,
  jpmIds,
  marketingIds,
  marketingadsIds,
  marketingreputationIds,
  membershipsIds,
  payrollIds,
  pricebookIds,
  reportingIds,
  salesIds,
  schedulingproIds,
  serviceAgreementsIds,
  settingsIds,
  taskmanagementIds,
  telecomIds,
  timesheetsIds,
];
for (const ids of MODULE_IDS) registerIds(ids);
