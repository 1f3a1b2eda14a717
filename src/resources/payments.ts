import type { ResourceModule } from "../kit";

export const payments: ResourceModule = {
  actions: {},
  dataSources: {},
};
