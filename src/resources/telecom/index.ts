import type { ResourceModule } from "../../kit";
import { calls } from "./calls";
import { optOuts } from "./optOuts";

/** Telecom (/telecom): calls, their classification, recordings and voicemails, and text-message opt-outs. Every operation is also reachable through "Call ServiceTitan API". */
export const telecomResources: ResourceModule[] = [calls, optOuts];
