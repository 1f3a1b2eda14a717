import type { ResourceModule } from "../../kit";
import { derivedAction, inQuery, listAction, namedPicklist } from "../../kit";
import { exampleOf, exampleWith } from "../../examples";
import type { components } from "../../generated/types/jpm";
import { idListInput } from "../../inputs";

type Schemas = components["schemas"];

/** The hold reason of a job or appointment put on hold (Settings → Job Hold Reasons). */
export const holdReasonTweak = {
  label: "Hold Reason ID",
  dataSource: "selectJobHoldReason",
  comments: "Why it is put on hold (Settings → Job Hold Reasons).",
};

const NOTE = {
  text: "Gate code 4321, dog in the yard.",
  isPinned: true,
  createdById: 1,
  createdOn: "2025-03-03T16:00:00Z",
  modifiedOn: "2025-03-03T16:00:00Z",
};

/** A message on a job's or project's conversation (Jpm.V2.MessageCreateRequest), as both message actions take it. */
export const MESSAGE_INPUTS = {
  body: { label: "Message", comments: "The message's text." },
  createdByEmployeeId: {
    label: "Author Employee ID",
    dataSource: "selectEmployee",
    comments: "The employee shown as the message's author (Settings → Employees).",
  },
  recipientIds: {
    label: "User IDs",
    comments: "The ServiceTitan users mentioned (notified) in the message: their user ids (a technician's or employee's userId).",
  },
  parentMessageId: { label: "Parent Message ID", comments: "When replying: the id of the message this one answers (empty: a new thread)." },
  addParentMessageSenderToRecipients: { comments: "When replying: also notify the author of the parent message." },
};

const installedEquipment = (comments: string) => ({ label: "Installed Equipment IDs", dataSource: "selectInstalledEquipment", comments });

const jobsByIds = (what: string) =>
  idListInput({
    label: "Job IDs",
    required: true,
    max: 50,
    dataSource: "selectJob",
    comments: `The jobs whose ${what} are returned (at most 50 ids).`,
  });

/** A job's notes, history, logs, hold and completion, and the installed equipment it concerns. */
export const jobDetails: ResourceModule = {
  actions: {
    listJobNotes: listAction({
      label: "List Job Notes",
      description: "Retrieve a job's notes (pinned ones first in ServiceTitan), e.g. to sync them to a CRM",
      operation: "GET /jpm/v2/tenant/{tenant}/jobs/{id}/notes",
      examplePayload: exampleWith("GET /jpm/v2/tenant/{tenant}/jobs/{id}/notes", {
        page: 1,
        pageSize: 50,
        hasMore: false,
        totalCount: null,
        data: [NOTE],
      }),
    }),
    createJobNote: derivedAction({
      label: "Add Job Note",
      description: "Add a note to a job, optionally pinned to the top",
      operation: "POST /jpm/v2/tenant/{tenant}/jobs/{id}/notes",
      examplePayload: exampleWith("POST /jpm/v2/tenant/{tenant}/jobs/{id}/notes", NOTE),
      inputs: {
        text: { comments: "The note's text." },
        pinToTop: { comments: "Whether the note is pinned to the top of the job's notes." },
      },
    }),
    createJobMessage: derivedAction({
      label: "Add Job Message",
      description: "Post a message on a job's conversation, mentioning users or replying to a message",
      operation: "POST /jpm/v2/tenant/{tenant}/jobs/{id}/messages",
      inputs: MESSAGE_INPUTS,
    }),
    getJobHistory: derivedAction({
      label: "Get Job History",
      description: "Retrieve a job's history: booked, rescheduled, dispatched, put on hold, canceled … with when and by whom",
      operation: "GET /jpm/v2/tenant/{tenant}/jobs/{id}/history",
      examplePayload: exampleWith("GET /jpm/v2/tenant/{tenant}/jobs/{id}/history", {
        history: [
          { id: 286001, employeeId: 1, eventType: "Job Booked", date: "2025-03-03T16:00:00Z", usedSchedulingTool: "Manual", memo: "" },
          {
            id: 286002,
            employeeId: 1,
            eventType: "Job Put On Hold",
            date: "2025-03-04T15:30:00Z",
            usedSchedulingTool: "Manual",
            memo: "Waiting for parts",
          },
        ],
      }),
    }),
    getJobBookedLog: derivedAction({
      label: "Get Job Booked Log",
      description: "Retrieve when and by whom a job was booked, with its first appointment's start and arrival window",
      operation: "GET /jpm/v2/tenant/{tenant}/jobs/{id}/booked-log",
    }),
    listJobCanceledLog: listAction({
      label: "List Job Canceled Log",
      description: "Retrieve a job's cancellations: reason, memo, when and by whom",
      operation: "GET /jpm/v2/tenant/{tenant}/jobs/{id}/canceled-log",
      examplePayload: exampleOf("GET /jpm/v2/tenant/{tenant}/jobs/{id}/canceled-log"),
    }),
    removeJobCancellation: derivedAction({
      label: "Remove Job Cancellation",
      description: "Reinstate a canceled job (its status goes back to Scheduled)",
      operation: "PUT /jpm/v2/tenant/{tenant}/jobs/{id}/remove-cancellation",
    }),
    holdJob: derivedAction({
      label: "Put Job on Hold",
      description: "Put a job on hold with a reason and a memo (its status becomes Hold)",
      operation: "PUT /jpm/v2/tenant/{tenant}/jobs/{id}/hold",
      inputs: { reasonId: holdReasonTweak, memo: { comments: "A note explaining the hold." } },
    }),
    completeJob: derivedAction({
      label: "Complete Job",
      description: "Mark a job as completed at a given time (its status becomes Completed)",
      operation: "PUT /jpm/v2/tenant/{tenant}/jobs/{id}/complete",
      inputs: { completedOn: { comments: "When the job was completed (ISO 8601, e.g. 2025-03-01T16:30:00Z; sent as UTC)." } },
    }),
    listJobHoldReasons: listAction({
      label: "List Job Hold Reasons",
      description: "Retrieve the reasons a job or appointment can be put on hold (Settings → Job Hold Reasons)",
      operation: "GET /jpm/v2/tenant/{tenant}/job-hold-reasons",
      examplePayload: exampleOf("GET /jpm/v2/tenant/{tenant}/job-hold-reasons"),
    }),
    getJobsHoldReasons: derivedAction({
      label: "Get Hold Reasons of Jobs",
      description: "Retrieve why jobs on hold are on hold: the job's hold reason and memo, and its appointments' holds",
      operation: "GET /jpm/v2/tenant/{tenant}/jobs/hold-reasons",
      inputs: { ids: inQuery(jobsByIds("hold reasons")) },
    }),
    getJobsCancelReasons: derivedAction({
      label: "Get Cancel Reasons of Jobs",
      description: "Retrieve why canceled jobs were canceled: the cancel reason and memo of each job",
      operation: "GET /jpm/v2/tenant/{tenant}/jobs/cancel-reasons",
      inputs: { ids: inQuery(jobsByIds("cancel reasons")) },
    }),
    listJobEquipment: derivedAction({
      label: "List Job Equipment",
      description: "Retrieve the installed equipment a job concerns (their ids)",
      operation: "GET /jpm/v2/tenant/{tenant}/jobs/{id}/equipment",
    }),
    attachJobEquipment: derivedAction({
      label: "Attach Equipment to Job",
      description: "Attach installed equipment (at the job's location) to a job; answers the job's equipment",
      operation: "POST /jpm/v2/tenant/{tenant}/jobs/{id}/equipment",
      inputs: { equipmentIds: installedEquipment("The installed equipment to attach, one id per entry.") },
    }),
    detachJobEquipment: derivedAction({
      label: "Detach Equipment from Job",
      description: "Detach one piece of installed equipment from a job",
      operation: "DELETE /jpm/v2/tenant/{tenant}/jobs/{id}/equipment/{equipmentId}",
      inputs: {
        equipmentId: {
          label: "Installed Equipment ID",
          dataSource: "selectInstalledEquipment",
          comments: "The installed equipment to detach.",
        },
      },
      subject: (v) => `Equipment ${v.equipmentId} of job ${v.id}`,
    }),
    detachJobEquipmentList: derivedAction({
      label: "Detach Equipment List from Job",
      description: "Detach several pieces of installed equipment from a job at once",
      operation: "DELETE /jpm/v2/tenant/{tenant}/jobs/{id}/equipment",
      inputs: { equipmentIds: installedEquipment("The installed equipment to detach, one id per entry.") },
    }),
  },
  dataSources: {
    selectJobHoldReason: namedPicklist<Schemas["Jpm.V2.JobHoldReasonResponse"]>({
      label: "Select Job Hold Reason",
      description: "Select an active job hold reason from a dropdown menu (up to 10,000 reasons)",
      operation: "GET /jpm/v2/tenant/{tenant}/job-hold-reasons",
      example: [{ key: "1", label: "Waiting for parts (ID: 1)" }],
    }),
  },
};
