import { operationOf, type ResourceModule } from "../kit";
import { accountingResources } from "./accounting";
import { crmResources } from "./crm";
import { dispatchResources } from "./dispatch";
import { equipmentsystemsResources } from "./equipmentsystems";
import { exports } from "./exports";
import { jpmResources } from "./jpm";
import { settingsResources } from "./settings";
import { rawRequest } from "./rawRequest";

/** Every resource module; the component registers their actions and data sources. */
export const resources: ResourceModule[] = [
  ...jpmResources,
  ...dispatchResources,
  ...crmResources,
  ...accountingResources,
  ...equipmentsystemsResources,
  ...settingsResources,
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
