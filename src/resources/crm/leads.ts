import { exampleOf } from "../../examples";
import { InputError } from "../../client/errors";
import type { components } from "../../generated/types/crm";
import type { components as JbceComponents } from "../../generated/types/jbce";
import { booleanInput, stringInput } from "../../inputs";
import type { ResourceModule } from "../../kit";
import { addressParams, derivedAction, listAction, namedPicklist, picklist, requireCompleteAddress, type Values } from "../../kit";

type Lead = components["schemas"]["Crm.V2.LeadResponse"];
type CallReason = JbceComponents["schemas"]["Jbce.V2.CallReasonResponse"];

const LEADS = "/crm/v2/tenant/{tenant}/leads";

/** "Jane Doe — AC not cooling (ID: 7)": the lead's name, else its summary. */
const leadLabel = (lead: Lead) => {
  const name = String(lead.leadCustomerName ?? "").trim();
  const summary = String(lead.summary ?? "")
    .replace(/\s+/g, " ")
    .trim();
  const short = summary.length > 60 ? `${summary.slice(0, 57)}…` : summary;
  const text = [name, short].filter(Boolean).join(" — ") || `Lead ${lead.id}`;
  return `${text} (ID: ${lead.id})`;
};

/** The free-text "lead…" fields of a prospect, shared by create and update. */
const prospectInputs = {
  leadCustomerName: { label: "Prospect Name", comments: "The caller's name, when the lead has no customer yet.", example: "Jane Doe" },
  leadPhone: { label: "Prospect Phone", comments: "The caller's phone number, when the lead has no customer yet.", example: "6195550134" },
  leadEmail: { label: "Prospect Email", comments: "The caller's email address, when the lead has no customer yet." },
  leadStreet: { label: "Prospect Street", comments: "Street of the prospect's address." },
  leadUnit: { label: "Prospect Unit", comments: "Apartment, suite or unit of the prospect's address." },
  leadCity: { label: "Prospect City", comments: "City of the prospect's address." },
  leadState: { label: "Prospect State", comments: "State of the prospect's address." },
  leadZip: { label: "Prospect Zip Code", comments: "Zip code of the prospect's address." },
  leadCountry: { label: "Prospect Country", comments: "Country of the prospect's address." },
};

export const leads: ResourceModule = {
  actions: {
    listLeads: listAction({
      label: "List Leads",
      description: "Retrieve a list of leads (open, dismissed or converted), with every filter ServiceTitan offers",
      operation: `GET ${LEADS}`,
      dataSource: "selectLead",
      filters: {
        leadCustomerName: stringInput({ label: "Prospect Name", comments: "Leads whose prospect (caller) has this name." }),
        leadPhone: stringInput({ label: "Prospect Phone", comments: "Leads whose prospect (caller) has this phone number." }),
        customerZip: stringInput({ label: "Customer Zip Code", comments: "Leads of customers with this zip code." }),
        genPermUrl: booleanInput({
          label: "Generate Permanent URL",
          comments: "True: each lead's leadUrl is a permanent link to the lead in ServiceTitan.",
        }),
        isCaptureSourceForm: booleanInput({
          label: "From a Web Form",
          comments: "True: only leads captured from a web lead form; False: only the others.",
        }),
      },
      examplePayload: exampleOf(`GET ${LEADS}`),
    }),
    getLead: derivedAction({
      label: "Get Lead",
      description: "Retrieve a lead by ID",
      operation: `GET ${LEADS}/{id}`,
    }),
    createLead: derivedAction({
      label: "Create Lead",
      description:
        "Create a lead: work a customer or prospect may want, attributed to a marketing campaign. Give a Call Reason or a Follow-Up Date",
      operation: `POST ${LEADS}`,
      inputs: {
        summary: { comments: "What the customer is interested in.", example: "Wants a quote for a new AC unit" },
        callReasonId: { comments: "Why the customer called (Settings → Call Reasons). Required when no Follow-Up Date is given." },
        followUpDate: {
          label: "Follow-Up Date",
          comments: "When to follow up (ISO 8601; sent as UTC). Required when no Call Reason is given.",
        },
        bookingId: {
          comments: "Optional: a booking to turn into this lead; ServiceTitan dismisses the booking and links the lead to it.",
        },
        ...prospectInputs,
      },
      body: (_values: Values, body?: Values) => {
        if (body?.callReasonId === undefined && body?.followUpDate === undefined) {
          throw new InputError("Call Reason ID", "or Follow-Up Date is required: ServiceTitan needs one of them to create a lead.");
        }
        return body;
      },
    }),
    updateLead: derivedAction({
      label: "Update Lead",
      description: "Update a lead's campaign, priority, business unit, job type, summary or prospect details",
      operation: `PATCH ${LEADS}/{id}`,
      inputs: prospectInputs,
    }),
    dismissLead: derivedAction({
      label: "Dismiss Lead",
      description: "Dismiss an open lead, giving the reason (a call reason)",
      operation: `POST ${LEADS}/{id}/dismiss`,
    }),
    createLeadFollowUp: derivedAction({
      label: "Create Lead Follow-Up",
      description: "Schedule a follow-up on a lead, optionally with a note",
      operation: `POST ${LEADS}/{id}/follow-up`,
      inputs: {
        followUpDate: { label: "Follow-Up Date", comments: "When to follow up (ISO 8601, e.g. 2025-03-01T15:00:00Z; sent as UTC)." },
        text: { label: "Note", comments: "Optional: a note added to the lead with the follow-up." },
        pinToTop: { label: "Pin Note to Top", comments: "True: the note is pinned at the top of the lead's notes." },
      },
    }),
    listLeadNotes: listAction({
      label: "List Lead Notes",
      description: "Retrieve the notes of a lead",
      operation: `GET ${LEADS}/{id}/notes`,
      subject: (v) => `Lead ${v.id}`,
      examplePayload: exampleOf(`GET ${LEADS}/{id}/notes`),
    }),
    createLeadNote: derivedAction({
      label: "Create Lead Note",
      description: "Add a note to a lead",
      operation: `POST ${LEADS}/{id}/notes`,
      inputs: {
        text: { label: "Text", comments: "The note's text.", example: "Customer prefers a call after 5pm." },
        pinToTop: { label: "Pin to Top", comments: "True: the note is pinned at the top of the lead's notes." },
      },
    }),
    submitLeadForm: derivedAction({
      label: "Submit Lead Form",
      description:
        "Submit a web lead form (name, contact details, address, what the customer needs): ServiceTitan creates a lead from it and answers its id",
      operation: `POST ${LEADS}/form`,
      // The form's optional `id` query parameter is undocumented (no description, no example): not offered.
      omit: ["address", "id"],
      inputs: {
        name: { comments: "The customer's name as entered in the form.", example: "Jane Doe" },
        email: { comments: "The email address entered in the form." },
        phoneNumber: { label: "Phone Number", comments: "The phone number entered in the form.", example: "6195550134" },
        summary: { comments: "What the customer wrote (the form's message)." },
      },
      extra: addressParams({
        at: "address",
        coordinates: true,
        note: "The address entered in the form (optional; once any field is entered, street, city, state, zip code and country are needed).",
      }),
      body: (_values: Values, body?: Values) => {
        requireCompleteAddress(body?.address as Values | undefined);
        return body;
      },
    }),
    listCallReasons: listAction({
      label: "List Call Reasons",
      description: "Retrieve the call reasons (why customers call; lead reasons and others), used to create and dismiss leads and bookings",
      operation: "GET /jbce/v2/tenant/{tenant}/call-reasons",
      examplePayload: exampleOf("GET /jbce/v2/tenant/{tenant}/call-reasons"),
    }),
  },
  dataSources: {
    selectLead: picklist<Lead>({
      label: "Select Lead",
      description: "Select a lead from a dropdown menu (up to 10,000 leads, newest first)",
      operation: `GET ${LEADS}`,
      query: { sort: "-Id" }, // the newest leads survive the cap
      option: (lead) => ({ key: String(lead.id), label: leadLabel(lead) }),
      order: "api",
      example: [
        { key: "2", label: "Jane Doe — Wants a quote for a new AC unit (ID: 2)" },
        { key: "1", label: "Furnace check (ID: 1)" },
      ],
    }),
    selectCallReason: namedPicklist<CallReason>({
      label: "Select Call Reason",
      description: "Select an active call reason from a dropdown menu (up to 10,000 call reasons)",
      operation: "GET /jbce/v2/tenant/{tenant}/call-reasons",
      query: { active: "True" },
      example: [
        { key: "2", label: "New AC quote (ID: 2)" },
        { key: "1", label: "Wrong number (ID: 1)" },
      ],
    }),
  },
};
