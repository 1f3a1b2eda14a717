import type { ResourceModule } from "../kit";

export const appointments: ResourceModule = {
  actions: {},
  dataSources: {},
};
