import { operationOf, type ResourceModule } from "../kit";
import { accountingResources } from "./accounting";
import { crmResources } from "./crm";
import { customerInteractionsResources } from "./customer-interactions";
import { dispatchResources } from "./dispatch";
import { equipmentsystemsResources } from "./equipmentsystems";
import { findingsResources } from "./findings";
import { fleetproResources } from "./fleetpro";
import { formsResources } from "./forms";
import { inventoryResources } from "./inventory";
import { jbceResources } from "./jbce";
import { jpmResources } from "./jpm";
import { marketingResources } from "./marketing";
import { marketingadsResources } from "./marketingads";
import { marketingreputationResources } from "./marketingreputation";
import { membershipsResources } from "./memberships";
import { payrollResources } from "./payroll";
import { pricebookResources } from "./pricebook";
import { reportingResources } from "./reporting";
import { salesResources } from "./sales";
import { schedulingproResources } from "./schedulingpro";
import { serviceAgreementsResources } from "./service-agreements";
import { settingsResources } from "./settings";
import { taskmanagementResources } from "./taskmanagement";
import { telecomResources } from "./telecom";
import { timesheetsResources } from "./timesheets";
import { exports } from "./exports";
import { callOperation } from "./callOperation";
import { rawRequest } from "./rawRequest";

/** Every resource module, by ServiceTitan API module; the component registers their actions and data sources. */
export const resources: ResourceModule[] = [
  ...accountingResources,
  ...crmResources,
  ...customerInteractionsResources,
  ...dispatchResources,
  ...equipmentsystemsResources,
  ...findingsResources,
  ...fleetproResources,
  ...formsResources,
  ...inventoryResources,
  ...jbceResources,
  ...jpmResources,
  ...marketingResources,
  ...marketingadsResources,
  ...marketingreputationResources,
  ...membershipsResources,
  ...payrollResources,
  ...pricebookResources,
  ...reportingResources,
  ...salesResources,
  ...schedulingproResources,
  ...serviceAgreementsResources,
  ...settingsResources,
  ...taskmanagementResources,
  ...telecomResources,
  ...timesheetsResources,
  callOperation,
  rawRequest,
  exports,
];

const merge = <K extends keyof ResourceModule>(part: K) => {
  const merged: Record<string, unknown> = {};
  for (const resource of resources) {
    for (const [key, value] of Object.entries(resource[part] ?? {})) {
      if (key in merged) throw new Error(`Duplicate ${part} key ${key}`);
      merged[key] = value;
    }
  }
  return merged as NonNullable<ResourceModule[K]>;
};

export const actions = merge("actions");
export const dataSources = merge("dataSources");

const operationsOf = (definitions: Record<string, object>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(definitions).flatMap(([key, definition]) => {
      const operation = operationOf(definition);
      return operation ? [[key, operation]] : [];
    }),
  );

/** Action / data source key → "VERB /path" it calls (absent for what is not one operation, such as Raw Request). */
export const actionOperations = operationsOf(actions);
export const dataSourceOperations = operationsOf(dataSources);
