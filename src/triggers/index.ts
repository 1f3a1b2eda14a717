import type { PollingTriggerDefinition, TriggerDefinition } from "@prismatic-io/spectral";
import { pollChangesTrigger } from "./pollChanges";

/** Polling triggers on ServiceTitan's export feeds. */
export const triggers: Record<string, TriggerDefinition<any, any, any, any, any> | PollingTriggerDefinition<any, any, any, any, any, any>> =
  {
    pollChangesTrigger,
  };
