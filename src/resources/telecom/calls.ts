import { exampleOf } from "../../examples";
import { InputError } from "../../client/errors";
import { collectList } from "../../client/paging";
import type { components } from "../../generated/types/telecom";
import { booleanInput, enumInput, idInput, specEnum, stringInput } from "../../inputs";
import type { ResourceModule } from "../../kit";
import { downloadAction, inBody, inPath, listAction, operationAction, picklist, type Params, type Values } from "../../kit";
import type { ServiceTitanClient } from "../../client";

type Schemas = components["schemas"];
type Call = Schemas["Telecom.V3.CallResponse"];
type DetailedCall = Schemas["Module.Telecom.Shared.DetailedBundleCallModel"];

const V2 = "/telecom/v2/tenant/{tenant}/calls";
const V3 = "/telecom/v3/tenant/{tenant}/calls";
const CALL = `${V2}/{id}`;
const CRM = "/crm/v2/tenant/{tenant}";

/** "Inbound 6195550134 → 8585550199, 2025-03-01 14:05 (ID: 7)". */
const callLabel = (call: Call) => {
  const lead = call.leadCall;
  const when = lead?.receivedOn ? `, ${String(lead.receivedOn).slice(0, 16).replace("T", " ")}` : "";
  const route = lead ? `${lead.direction ?? ""} ${lead.from || "unknown"} → ${lead.to || "unknown"}`.trim() : `Call ${call.id}`;
  return `${route}${when} (ID: ${call.id})`;
};

const callIdInput = () =>
  idInput({
    label: "Call ID",
    required: true,
    dataSource: "selectCall",
    comments: "The call (from List Calls or a webhook): pick one or map its id.",
  });

// ---- Update Call: ServiceTitan replaces the call's whole classification, so the action fills what is not entered ----

type AddressIn = {
  street: string;
  unit: string;
  country: string;
  city: string;
  state: string;
  zip: string;
  latitude?: number | null;
  longitude?: number | null;
};
type ContactIn = { id?: number | null; type: string; value: string; memo: string };
type Party = { id: number; name: string; address: AddressIn; contacts: ContactIn[] };

const text = (value: unknown) => (value === undefined || value === null ? "" : String(value));
const toAddress = (address: Record<string, unknown> | null | undefined): AddressIn => ({
  street: text(address?.street),
  unit: text(address?.unit),
  country: text(address?.country),
  city: text(address?.city),
  state: text(address?.state),
  zip: text(address?.zip),
  latitude: (address?.latitude as number | null | undefined) ?? null,
  longitude: (address?.longitude as number | null | undefined) ?? null,
});
const toContacts = (contacts: Array<Record<string, unknown>> | null | undefined): ContactIn[] =>
  (contacts ?? []).map((c) => ({ id: (c.id as number | undefined) ?? null, type: text(c.type), value: text(c.value), memo: text(c.memo) }));

/** A CRM customer or location with its contacts, in the call's shape {id, name, address, contacts}. */
const crmParty = async (client: ServiceTitanClient, kind: "customers" | "locations", id: number, label: string): Promise<Party> => {
  const subject = `${label.replace(/ ID$/, "")} ${id}`;
  const record = await client.request<Record<string, unknown>>(`GET ${CRM}/${kind}/{id}`, { path: { id }, subject });
  const { records } = await collectList<Record<string, unknown>>(client, `GET ${CRM}/${kind}/{id}/contacts`, { path: { id }, subject });
  return { id, name: text(record.name), address: toAddress(record.address as Record<string, unknown>), contacts: toContacts(records) };
};

/** The call reason's {name, lead}, from the tenant's call reasons (Job Booking module). */
const callReason = async (client: ServiceTitanClient, id: number) => {
  const { records } = await collectList<{ id: number; name: string; isLead: boolean }>(
    client,
    "GET /jbce/v2/tenant/{tenant}/call-reasons",
    {
      query: { active: "Any" },
    },
  );
  const reason = records.find((r) => r.id === id);
  if (!reason) throw new InputError("Call Reason ID", `${id} is not one of the tenant's call reasons (Settings → Call Reasons).`);
  return { name: reason.name, lead: reason.isLead };
};

const CALL_TYPES = specEnum<Schemas["Telecom.CallType"]>()("Abandoned", "Unbooked", "Excused", "Booked", "NotLead");

const updateParams: Params = {
  id: inPath(callIdInput()),
  callType: inBody(
    enumInput({
      label: "Call Type",
      values: CALL_TYPES,
      comments: "How the call ended: Booked (a job was booked), Unbooked (a lead that was not booked), Excused, Abandoned or NotLead.",
    }),
  ),
  callReasonId: inBody(
    idInput({
      label: "Call Reason ID",
      dataSource: "selectCallReason",
      comments:
        "Why the customer called (Settings → Call Reasons); whether it is a lead follows from the reason. Empty: the call's current reason.",
    }),
  ),
  excuseMemo: inBody(
    stringInput({
      label: "Excuse Memo",
      multiline: true,
      comments: "Why an Excused call was excused (empty: sent empty, as ServiceTitan requires the field).",
    }),
  ),
  campaignId: inBody(
    idInput({
      label: "Campaign ID",
      dataSource: "selectCampaign",
      comments: "The marketing campaign the call is attributed to. Empty: the current one.",
    }),
  ),
  jobId: inBody(idInput({ label: "Job ID", dataSource: "selectJob", comments: "The job booked from this call." })),
  agentId: inBody(
    idInput({ label: "Agent ID", comments: "The id of the agent (the ServiceTitan user) who took the call. Empty: the current agent." }),
  ),
  customerId: inBody(
    idInput({
      label: "Customer ID",
      dataSource: "selectCustomers",
      comments:
        "The customer who called. Empty: the call's current customer. ServiceTitan takes the customer's name, address and contacts, which the action reads.",
    }),
  ),
  locationId: inBody(
    idInput({
      label: "Location ID",
      required: true,
      dataSource: "selectLocation",
      comments:
        "The customer's service location the call is about (ServiceTitan requires it on every update; the action reads its address and contacts).",
    }),
  ),
  tag: inBody(stringInput({ label: "Tag", comments: "The call's tag (empty: the call's current first tag, or none)." })),
};

/** The PUT body: the call's current classification, with what was entered replacing it. */
const updateCall = async (client: ServiceTitanClient, v: Values) => {
  const subject = `Call ${v.id}`;
  const current = await client.request<DetailedCall>(`GET ${CALL}`, { path: { id: v.id }, subject });
  const lead = current.leadCall;
  const reason =
    v.callReasonId !== undefined
      ? await callReason(client, v.callReasonId as number)
      : lead?.reason
        ? { name: lead.reason.name, lead: lead.reason.lead }
        : undefined;
  if (!reason) throw new InputError("Call Reason ID", "is required: the call has no reason yet, and ServiceTitan requires one.");
  const customer =
    v.customerId !== undefined
      ? await crmParty(client, "customers", v.customerId as number, "Customer ID")
      : lead?.customer?.id
        ? {
            id: lead.customer.id,
            name: text(lead.customer.name),
            address: toAddress(lead.customer.address),
            contacts: toContacts(lead.customer.contacts),
          }
        : undefined;
  if (!customer) throw new InputError("Customer ID", "is required: the call has no customer yet, and ServiceTitan requires one.");
  const location = await crmParty(client, "locations", v.locationId as number, "Location ID");
  const body = {
    callId: current.id,
    ...(v.callType !== undefined ? { callType: v.callType } : lead?.callType ? { callType: lead.callType } : {}),
    excuseMemo: (v.excuseMemo as string | undefined) ?? "",
    ...(v.campaignId !== undefined ? { campaignId: v.campaignId } : lead?.campaign?.id ? { campaignId: lead.campaign.id } : {}),
    ...(v.jobId !== undefined ? { jobId: v.jobId } : {}),
    ...(v.agentId !== undefined ? { agentId: v.agentId } : lead?.agent?.id ? { agentId: lead.agent.id } : {}),
    reason,
    customer,
    location,
    tag: (v.tag as string | undefined) ?? lead?.tags?.[0]?.typeName ?? "",
  };
  return client.request(`PUT ${CALL}`, { path: { id: v.id }, body, subject });
};

/** Calls (telecom): the call log, classifying a call, and its recording and voicemail. */
export const calls: ResourceModule = {
  actions: {
    listCalls: listAction({
      label: "List Calls",
      description: "Retrieve calls (v3: active/created/modified filters, campaign, agent, numbers, tag), each with its lead call",
      operation: `GET ${V3}`,
      dataSource: "selectCall",
      filters: {
        sort: stringInput({ label: "Sort", comments: "Id, CreatedOn or ModifiedOn, ascending; prefix - for descending (e.g. -Id)." }),
      },
      examplePayload: exampleOf(`GET ${V3}`),
    }),
    listCallsV2: listAction({
      label: "List Calls (v2)",
      description: "Retrieve calls with the v2 filters (created/modified ranges, duration, numbers, campaign, agent, order)",
      operation: `GET ${V2}`,
      dataSource: "selectCall",
      filters: {
        orderBy: enumInput({
          label: "Order By",
          values: ["Id", "createdOn", "modifiedOn"],
          comments: "The field to sort by (Id by default).",
        }),
        orderByDirection: enumInput({ label: "Order By Direction", values: ["asc", "desc"], comments: "Ascending or descending." }),
        activeOnly: booleanInput({ label: "Active Only", comments: "True: only active calls." }),
      },
      examplePayload: exampleOf(`GET ${V2}`),
    }),
    getCall: operationAction({
      label: "Get Call",
      description: "Retrieve a call by ID, with its lead call (caller, reason, customer, campaign, agent)",
      operation: `GET ${CALL}`,
      params: { id: inPath(callIdInput()) },
      subject: (v) => `Call ${v.id}`,
      examplePayload: exampleOf(`GET ${CALL}`),
    }),
    updateCall: operationAction({
      label: "Update Call",
      description:
        "Classify a call: its type, reason, campaign, job, agent, customer, location and tag. ServiceTitan replaces the whole classification, so what is left empty is filled from the call as it is (the customer's and location's details are read from the CRM)",
      operation: `PUT ${CALL}`,
      params: updateParams,
      subject: (v) => `Call ${v.id}`,
      examplePayload: exampleOf(`PUT ${CALL}`),
      perform: (client, values) => updateCall(client, values),
    }),
    getCallRecording: downloadAction({
      label: "Get Call Recording",
      description: "Download a call's recording (the audio file)",
      operation: `GET ${CALL}/recording`,
      inputs: { id: { comments: "The call whose recording to download." } },
      subject: (v) => `Recording of call ${v.id}`,
      example: Buffer.from("ID3").toJSON(),
      contentType: "audio/mpeg",
    }),
    getCallVoicemail: downloadAction({
      label: "Get Call Voicemail",
      description: "Download the voicemail left on a call (the audio file)",
      operation: `GET ${CALL}/voicemail`,
      inputs: { id: { comments: "The call whose voicemail to download." } },
      subject: (v) => `Voicemail of call ${v.id}`,
      example: Buffer.from("ID3").toJSON(),
      contentType: "audio/mpeg",
    }),
  },
  dataSources: {
    selectCall: picklist<Call>({
      label: "Select Call",
      description: "Select a call from a dropdown menu (up to 10,000 calls, newest first)",
      operation: `GET ${V3}`,
      query: { sort: "-Id" }, // the newest calls survive the cap
      option: (call) => ({ key: String(call.id), label: callLabel(call) }),
      order: "api",
      example: [{ key: "1", label: "Inbound 6195550134 → 8585550199, 2025-03-01 14:05 (ID: 1)" }],
    }),
  },
};
