import type { ResourceModule } from "../kit";

export const appointmentAssignments: ResourceModule = {
  actions: {},
  dataSources: {},
};
