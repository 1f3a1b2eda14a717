import type { ResourceModule } from "../../kit";
import { fleet } from "./fleet";

/** Fleet Pro (/fleetpro/v2): tracked vehicles, their events and GPS history. Every operation is also reachable through "Call ServiceTitan API". */
export const fleetproResources: ResourceModule[] = [fleet];
