import type { PollingTriggerDefinition, TriggerDefinition } from "@prismatic-io/spectral";
import { pollChangesTrigger } from "./pollChanges";
import { webhookTrigger } from "./webhook";

/** Polling triggers on ServiceTitan's export feeds, and the V2 webhook trigger. */
export const triggers: Record<string, TriggerDefinition<any, any, any, any, any> | PollingTriggerDefinition<any, any, any, any, any, any>> =
  {
    pollChangesTrigger,
    webhookTrigger,
  };
