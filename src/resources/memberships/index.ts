import type { ResourceModule } from "../../kit";
import { memberships } from "./memberships";
import { membershipTypes } from "./membershipTypes";
import { recurringServices } from "./recurringServices";

/** Memberships (/memberships/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const membershipsResources: ResourceModule[] = [memberships, membershipTypes, recurringServices];
