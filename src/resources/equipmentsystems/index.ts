import type { ResourceModule } from "../../kit";
import { equipmentTypes } from "./equipmentTypes";
import { installedEquipment } from "./installedEquipment";

/** The equipmentsystems module's resources (path prefix /equipmentsystems/v2). */
export const equipmentsystemsResources: ResourceModule[] = [installedEquipment, equipmentTypes];
