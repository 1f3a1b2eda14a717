import type { ResourceModule } from "../../kit";
import { campaigns } from "./campaigns";

/** Marketing (/marketing/v2): campaigns, campaign categories and costs. Every operation is also reachable through "Call ServiceTitan API". */
export const marketingResources: ResourceModule[] = [campaigns];
