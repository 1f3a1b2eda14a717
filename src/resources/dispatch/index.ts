import type { ResourceModule } from "../../kit";
import { appointmentAssignments } from "./appointmentAssignments";

/** The dispatch module's resources (path prefix /dispatch/v2). */
export const dispatchResources: ResourceModule[] = [appointmentAssignments];
