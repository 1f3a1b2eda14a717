import type { ResourceModule } from "../kit";

export const bookings: ResourceModule = {
  actions: {},
  dataSources: {},
};
