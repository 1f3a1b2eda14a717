import type { TriggerDefinition } from "@prismatic-io/spectral";

/** Polling triggers on ServiceTitan's export feeds. */
export const triggers: Record<string, TriggerDefinition<any, any, any, any, any>> = {};
