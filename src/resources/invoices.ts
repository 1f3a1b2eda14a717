import type { ResourceModule } from "../kit";

export const invoices: ResourceModule = {
  actions: {},
  dataSources: {},
};
