import type { ResourceModule } from "../../kit";
import { schedulers } from "./schedulers";

/** Scheduling Pro (/schedulingpro/v2): schedulers, routers, their sessions and performance. Every operation is also reachable through "Call ServiceTitan API". */
export const schedulingproResources: ResourceModule[] = [schedulers];
