import type { ResourceModule } from "../kit";

export const customers: ResourceModule = {
  actions: {},
  dataSources: {},
};
