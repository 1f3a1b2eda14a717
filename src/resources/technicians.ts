import type { ResourceModule } from "../kit";

export const technicians: ResourceModule = {
  actions: {},
  dataSources: {},
};
