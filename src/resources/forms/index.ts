import type { ResourceModule } from "../../kit";
import { forms } from "./forms";

/** Forms (/forms/v2): curated actions and dropdowns. Every operation is also reachable through "Call ServiceTitan API". */
export const formsResources: ResourceModule[] = [forms];
