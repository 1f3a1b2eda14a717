import type { ResourceModule } from "../kit";

export const settings: ResourceModule = {
  actions: {},
  dataSources: {},
};
