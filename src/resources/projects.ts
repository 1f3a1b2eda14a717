import type { ResourceModule } from "../kit";

export const projects: ResourceModule = {
  actions: {},
  dataSources: {},
};
