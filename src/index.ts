import { component } from "@prismatic-io/spectral";
import { handleError } from "./client/errors";
import { serviceTitanConnection } from "./connection";
import { operationOf, outputKindOf } from "./kit";
import { attachOutputs } from "./outputs";
import { actions, dataSources } from "./resources";
import { triggers } from "./triggers";

export { actionOperations, dataSourceOperations } from "./resources";
/** How often to run the polling trigger (code-native flows set it as their schedule; docs/triggers.md). */
export { RECOMMENDED_SCHEDULE } from "./triggers/pollChanges";

const servicetitan = component({
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
  actions,
  dataSources,
  triggers,
  hooks: { error: handleError },
});

// Every action's output schema and realistic example, built when first read (see outputs.ts).
attachOutputs(servicetitan as never, (key) => ({ operation: operationOf(actions[key]), kind: outputKindOf(actions[key]) }));

export default servicetitan;
