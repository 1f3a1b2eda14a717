import type { ResourceModule } from "../kit";

export const customerContacts: ResourceModule = {
  actions: {},
  dataSources: {},
};
