import type { ResourceModule } from "../../kit";
import { adsAttribution } from "./attribution";

/** Marketing Ads (/marketingads/v2): lead attribution and ad performance. Every operation is also reachable through "Call ServiceTitan API". */
export const marketingadsResources: ResourceModule[] = [adsAttribution];
