import type { ResourceModule } from "../../kit";
import { serviceAgreements } from "./serviceAgreements";

/** Service Agreements (/service-agreements/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const serviceAgreementsResources: ResourceModule[] = [serviceAgreements];
