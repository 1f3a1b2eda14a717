import type { ResourceModule } from "../kit";

export const installedEquipment: ResourceModule = {
  actions: {},
  dataSources: {},
};
