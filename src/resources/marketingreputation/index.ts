import type { ResourceModule } from "../../kit";
import { reviews } from "./reviews";

/** Marketing Reputation (/marketingreputation/v2): online reviews. Every operation is also reachable through "Call ServiceTitan API". */
export const marketingreputationResources: ResourceModule[] = [reviews];
