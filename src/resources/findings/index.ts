import type { ResourceModule } from "../../kit";
import { locationFindings } from "./locationFindings";

/** Findings (/findings/v2): issues found at customer locations, their attachments and uploaded assets. Every operation is also reachable through "Call ServiceTitan API". */
export const findingsResources: ResourceModule[] = [locationFindings];
