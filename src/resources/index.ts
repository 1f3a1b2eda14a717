import type { ResourceModule } from "../kit";
import { jobs } from "./jobs";

/** Every resource module; the component registers their actions and data sources. */
export const resources: ResourceModule[] = [jobs];

const merge = <K extends keyof ResourceModule>(part: K) => {
  const merged: Record<string, unknown> = {};
  for (const resource of resources) {
    for (const [key, value] of Object.entries(resource[part] ?? {})) {
      if (key in merged) throw new Error(`Duplicate ${part} key ${key}`);
      merged[key] = value;
    }
  }
  return merged as NonNullable<ResourceModule[K]>;
};

export const actions = merge("actions");
export const dataSources = merge("dataSources");
