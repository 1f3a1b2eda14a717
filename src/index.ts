import { component } from "@prismatic-io/spectral";
import { handleError } from "./client/errors";
import { serviceTitanConnection } from "./connection";
import { operationOf, outputKindOf } from "./kit";
import { lazyProperty } from "./kit/lazy";
import { withOutputs } from "./outputs";
import { actions, dataSources } from "./resources";
import { triggers } from "./triggers";

export { actionOperations, dataSourceOperations } from "./resources";
/** How often to run the polling trigger (code-native flows set it as their schedule; docs/triggers.md). */
export { RECOMMENDED_SCHEDULE } from "./triggers/pollChanges";

const definition = {
  key: "servicetitan",
  public: false,
  display: {
    label: "ServiceTitan",
    description:
      "ServiceTitan is a comprehensive field service management solution that helps businesses manage their operations, workforce, and customer service.",
    iconPath: "icon.png",
    category: "Application Connectors",
  },
  connections: [serviceTitanConnection],
  hooks: { error: handleError },
};

const servicetitan = component({ ...definition, actions: {}, dataSources: {}, triggers });

/**
 * Actions and data sources are converted (spectral's component()) one at a time, when first read, and their resource
 * module is only required then (src/resources/index.ts). A flow step loads the whole bundle and runs one action:
 * building and converting all ~480 of them up front, with their derived inputs, cost more than the rest of the
 * start-up together (and spectral's conversion grows with the square of their number). Publishing and tests read
 * every key and get exactly what component() makes of the definitions.
 */
const convertLazily = <T>(target: Record<string, unknown>, entries: Record<string, T>, convert: (key: string, value: T) => unknown) => {
  for (const key of Object.keys(entries)) lazyProperty(target, key, () => convert(key, entries[key]));
};
const convertOne = (part: "actions" | "dataSources", key: string, value: unknown) =>
  (component({ ...definition, connections: [], [part]: { [key]: value } } as never) as unknown as Record<string, Record<string, unknown>>)[
    part
  ][key];

convertLazily(servicetitan.actions, actions, (key, action) =>
  withOutputs(convertOne("actions", key, action) as object, key, operationOf(action), outputKindOf(action)),
);
convertLazily(servicetitan.dataSources, dataSources, (key, dataSource) => convertOne("dataSources", key, dataSource));

export default servicetitan;
