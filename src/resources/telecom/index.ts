import type { ResourceModule } from "../../kit";
import { calls } from "./calls";

/** Telecom (/telecom): calls, their classification, recordings and voicemails. Every operation is also reachable through "Call ServiceTitan API". */
export const telecomResources: ResourceModule[] = [calls];
