import type { ActionDefinition, DataSourceDefinition } from "@prismatic-io/spectral";

export * from "./operationAction";
export * from "./listAction";
export * from "./picklist";
export * from "./namedPicklist";
export * from "./address";
export * from "./derive";
export * from "./ids";
export * from "./files";
export * from "./responsePicklist";
export * from "./customFields";

/** What one resource module contributes to the component. */
export interface ResourceModule {
  actions?: Record<string, ActionDefinition<any, any, any>>;
  dataSources?: Record<string, DataSourceDefinition<any, any, any>>;
}
