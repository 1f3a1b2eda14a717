import type { ResourceModule } from "../../kit";
import { campaigns } from "./campaigns";
import { suppressions } from "./suppressions";

/**
 * Marketing (/marketing/v2): campaigns, campaign categories and costs, cost reports, and the e-mail suppression list.
 * Every operation is also reachable through "Call ServiceTitan API".
 */
export const marketingResources: ResourceModule[] = [campaigns, suppressions];
