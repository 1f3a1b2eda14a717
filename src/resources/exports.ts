import type { ResourceModule } from "../kit";

export const exports: ResourceModule = {
  actions: {},
  dataSources: {},
};
