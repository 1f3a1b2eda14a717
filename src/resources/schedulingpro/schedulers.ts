import type { InputFieldDefinition } from "@prismatic-io/spectral";
import type { OperationKey } from "../../client";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/schedulingpro";
import { checkTimeOrder, stringInput } from "../../inputs";
import type { InputTweak, ResourceModule } from "../../kit";
import { derivedAction, inPath, listAction, picklist, type Values } from "../../kit";

type Scheduler = components["schemas"]["SchedulingPro.V2.SchedulerResponse"];

const BASE = "/schedulingpro/v2/tenant/{tenant}";
const SCHEDULERS: OperationKey = `GET ${BASE}/schedulers`;
const SCHEDULER_SESSIONS: OperationKey = `GET ${BASE}/schedulers/{id}/sessions`;
const ROUTER_SESSIONS: OperationKey = `GET ${BASE}/routers/{id}/sessions`;

/** Scheduling Pro's ids are text (the spec types them as strings): a scheduler's comes from its dropdown. */
const schedulerIdInput = (comments: string) =>
  ({
    ...stringInput({ label: "Scheduler ID", required: true, example: "3fa85f64-5717-4562-b3fc-2c963f66afa6", comments }),
    dataSource: "selectScheduler",
  }) as InputFieldDefinition;

/** No operation lists routers: the id is copied from Scheduling Pro. */
const ROUTER_COMMENTS =
  "The Scheduling Pro router's id (a router sends visitors of one booking link to the right scheduler): copy it from the router in Scheduling Pro; the API cannot list routers.";

const SESSION_WINDOW: Record<string, InputTweak> = {
  sessionCreatedOnOrAfter: {
    label: "Sessions Created On Or After",
    comments: "Start of the period: sessions started on or after this time count (ISO 8601, e.g. 2025-03-01; sent as UTC).",
  },
  sessionCreatedBefore: {
    label: "Sessions Created Before",
    comments: "End of the period: sessions started before this time count (ISO 8601, e.g. 2025-04-01; sent as UTC).",
  },
};

/** A GET has no body: the hook only refuses a period that ends before it starts, before anything is sent. */
const checkPeriod = (values: Values) => {
  checkTimeOrder(
    values,
    { start: "sessionCreatedOnOrAfter", end: "sessionCreatedBefore", strict: true },
    { label: "Sessions Created Before", message: "must be after Sessions Created On Or After." },
  );
  return undefined;
};

/** "Website booking · Online booking · default": the scheduler's name, its mode, and whether it is the default. */
const schedulerLabel = (scheduler: Scheduler) =>
  [
    scheduler.name?.trim() || "Unnamed scheduler",
    scheduler.mode === "Call_Center" ? "Call center" : scheduler.mode === "Standard" ? "Online booking" : undefined,
    scheduler.isDefault ? "default" : undefined,
  ]
    .filter(Boolean)
    .join(" · ");

/**
 * Scheduling Pro: the online booking schedulers customers book through (on a website, Google …), their sessions
 * (each visit, booked or abandoned) and conversion figures, and the routers that send visitors to a scheduler.
 */
export const schedulers: ResourceModule = {
  actions: {
    listSchedulers: listAction({
      label: "List Schedulers",
      description:
        "Retrieve the tenant's Scheduling Pro schedulers (online booking and call center), with their status, mode and launch link",
      operation: SCHEDULERS,
      examplePayload: exampleOf(SCHEDULERS),
    }),
    listSchedulerSessions: listAction({
      label: "List Scheduler Sessions",
      description:
        "Retrieve the sessions of a scheduler: each customer visit with its outcome (booked, abandoned …), the job, booking or lead it created, the customer's details and where the visit came from",
      operation: SCHEDULER_SESSIONS,
      path: () => ({ id: inPath(schedulerIdInput("The scheduler whose sessions to read: pick one or map its id from List Schedulers.")) }),
      subject: (v) => `Scheduler ${v.id}`,
      examplePayload: exampleOf(SCHEDULER_SESSIONS),
    }),
    getSchedulerPerformance: derivedAction({
      label: "Get Scheduler Performance",
      description:
        "Retrieve a scheduler's conversion figures for a period: sessions, completion rates, jobs and bookings created, abandoned sessions recovered, and how many sessions reached each step",
      operation: `GET ${BASE}/schedulers/{id}/performance`,
      subject: (v) => `Scheduler ${v.id}`,
      inputs: {
        id: inPath(schedulerIdInput("The scheduler to report on: pick one or map its id from List Schedulers.")),
        ...SESSION_WINDOW,
      },
      body: checkPeriod,
    }),
    listRouterSessions: listAction({
      label: "List Router Sessions",
      description:
        "Retrieve the sessions of a Scheduling Pro router: each visit with its outcome, the scheduler it was routed to and the job, booking or lead it created",
      operation: ROUTER_SESSIONS,
      path: () => ({ id: inPath(stringInput({ label: "Router ID", required: true, comments: ROUTER_COMMENTS })) }),
      subject: (v) => `Router ${v.id}`,
      examplePayload: exampleOf(ROUTER_SESSIONS),
    }),
    getRouterPerformance: derivedAction({
      label: "Get Router Performance",
      description:
        "Retrieve how many of a router's sessions were opened and interacted with in a period, and how many went to each scheduler",
      operation: `GET ${BASE}/routers/{id}/performance`,
      subject: (v) => `Router ${v.id}`,
      inputs: { id: { label: "Router ID", comments: ROUTER_COMMENTS }, ...SESSION_WINDOW },
      body: checkPeriod,
    }),
  },
  dataSources: {
    selectScheduler: picklist<Scheduler>({
      label: "Select Scheduler",
      description: "Select a Scheduling Pro scheduler from a dropdown menu",
      operation: SCHEDULERS,
      option: (scheduler) => ({ key: String(scheduler.id), label: schedulerLabel(scheduler) }),
      order: "label",
      example: [{ key: "3fa85f64-5717-4562-b3fc-2c963f66afa6", label: "Website booking · Online booking · default" }],
    }),
  },
};
