import type { ResourceModule } from "../kit";

export const rawRequest: ResourceModule = {
  actions: {},
  dataSources: {},
};
