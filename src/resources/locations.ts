import type { ResourceModule } from "../kit";

export const locations: ResourceModule = {
  actions: {},
  dataSources: {},
};
