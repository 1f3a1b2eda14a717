import type { ResourceModule } from "../../kit";
import { appointmentAssignments } from "./appointmentAssignments";
import { scheduling } from "./scheduling";
import { dispatchSettings } from "./dispatchSettings";
import { dispatchSetup } from "./dispatchSetup";

/** The dispatch module's resources (path prefix /dispatch/v2). */
export const dispatchResources: ResourceModule[] = [appointmentAssignments, scheduling, dispatchSettings, dispatchSetup];
