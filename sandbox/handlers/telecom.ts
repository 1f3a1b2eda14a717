/**
 * /telecom: the call log is stateful. A call is stored in the v2 details shape ({id, jobNumber, businessUnit, type,
 * leadCall: {...}}); the v3 list, the update's answer and the export feed show it in their own shapes. Recordings and
 * voicemails are served for the calls that have them. Other operations answer from their response schema.
 */
import type { SandboxRecord, Store } from "../store";
import { schemaCollection } from "../generic";
import { badRequest, notFound } from "../problem";
import { personName, phoneNumber } from "../random";
import { exportFeed, list, mustFind, mustRef, ok, type Handler, type HandlerContext, type Json, type SandboxModule } from "./kit";

const seconds = (duration: unknown) => {
  const [h, m, s] = String(duration ?? "0:0:0")
    .split(":")
    .map(Number);
  return (h || 0) * 3600 + (m || 0) * 60 + (s || 0);
};

/** The call's customer as the telecom API embeds it, from the CRM customer (and its contacts). */
function callCustomer(store: Store, customerId: number): Json {
  const c = store.collection("customers").get(customerId)!;
  const contacts = store.all("customer-contacts", { customerId, active: true });
  return {
    id: c.id,
    active: c.active,
    name: c.name,
    email: contacts.find((x) => x.type === "Email")?.value ?? "",
    balance: c.balance ?? null,
    doNotMail: !!c.doNotMail,
    address: { unit: "", ...c.address, streetAddress: c.address?.street ?? "" },
    importId: "",
    doNotService: !!c.doNotService,
    type: c.type ?? "Residential",
    contacts: contacts.map((x) => ({ id: x.id, type: x.type, value: x.value, memo: x.memo ?? "", active: true, modifiedOn: x.modifiedOn })),
    mergedToId: null,
    modifiedOn: c.modifiedOn,
    memberships: [],
    hasActiveMembership: false,
    customFields: [],
    createdOn: c.createdOn,
    createdBy: null,
    phoneSettings: contacts.filter((x) => /Phone/.test(x.type)).map((x) => ({ phoneNumber: x.value, doNotText: false })),
  };
}

/** The campaign as the telecom API embeds it. */
function callCampaign(store: Store, campaignId: number): Json {
  const c = store.collection("campaigns").get(campaignId)!;
  return {
    id: c.id,
    name: c.name,
    modifiedOn: c.modifiedOn,
    createdOn: c.createdOn,
    active: c.active,
    isDefaultCampaign: c.isDefaultCampaign ?? null,
    category: c.category ?? null,
    source: c.source ?? null,
    otherSource: c.otherSource ?? null,
    businessUnit: c.businessUnit ?? null,
    medium: c.medium ?? null,
    otherMedium: c.otherMedium ?? null,
    dnis: c.campaignPhoneNumbers?.[0] ?? null,
  };
}

const agentOf = (store: Store, agentId: number) => ({
  id: agentId,
  name: (store.collection("technicians").get(agentId)?.name as string | undefined) ?? `Agent ${agentId}`,
  externalId: null,
});

/** The lead call with the bookkeeping fields the v3 list and the update answer carry. */
const leadCallOf = (r: SandboxRecord) => ({ ...r.leadCall, id: r.id, active: r.active, createdOn: r.createdOn, modifiedOn: r.modifiedOn });
const callView = (r: SandboxRecord) => ({ ...r, leadCall: leadCallOf(r) });

/** The flat shape of the calls export feed. */
const exportView = (r: SandboxRecord) => {
  const l = r.leadCall ?? {};
  return {
    id: r.id,
    duration: l.duration,
    from: l.from,
    to: l.to,
    direction: l.direction,
    status: "Completed",
    type: l.callType ?? null,
    recordingUrl: l.recordingUrl || null,
    voiceMailPath: l.voiceMailUrl || null,
    createdOn: r.createdOn,
    modifiedOn: r.modifiedOn,
    reason: l.reason ?? null,
    customer: l.customer ? { id: l.customer.id, name: l.customer.name } : null,
    location: r.locationId ? { id: r.locationId } : null,
    campaign: l.campaign ? { id: l.campaign.id, name: l.campaign.name } : null,
    job: r.jobId ? { id: r.jobId, number: r.jobNumber } : null,
    agent: l.agent ?? null,
    createdBy: l.createdBy ?? null,
    excuseMemo: r.excuseMemo ?? "",
    tag: l.tags?.[0]?.typeName ?? "",
    active: r.active,
    lead: null,
  };
};

/** Calls_Update: the body replaces the call's classification. */
function updateCall(ctx: HandlerContext) {
  const call = mustFind(ctx, "calls", ctx.params.id);
  const { body, store } = ctx;
  const lead = { ...call.leadCall };
  const changes: Record<string, unknown> = { excuseMemo: body.excuseMemo };
  if (body.callType !== undefined) lead.callType = body.callType;
  const reason = store.all("call-reasons").find((r) => r.name === body.reason.name);
  lead.reason = { id: reason?.id ?? 0, name: body.reason.name, lead: body.reason.lead, active: reason?.active ?? true };
  if (body.campaignId != null) {
    mustRef(ctx, "campaigns", body.campaignId, "campaignId");
    lead.campaign = callCampaign(store, body.campaignId);
  }
  if (body.agentId != null) lead.agent = agentOf(store, body.agentId);
  mustRef(ctx, "customers", body.customer.id, "customer.id");
  const location = mustRef(ctx, "locations", body.location.id, "location.id");
  if (location.customerId !== body.customer.id) {
    throw badRequest({ "location.id": [`Location ${location.id} does not belong to customer ${body.customer.id}`] });
  }
  lead.customer = callCustomer(store, body.customer.id);
  changes.locationId = location.id;
  if (body.jobId != null) {
    const job = mustRef(ctx, "jobs", body.jobId, "jobId");
    changes.jobId = job.id;
    changes.jobNumber = job.jobNumber;
  }
  lead.tags = body.tag ? [{ id: 1, typeName: body.tag }] : [];
  store.collection("calls").update(call, { ...changes, leadCall: lead });
  return ok(leadCallOf(call));
}

/** The recording or voicemail of a call, as audio bytes (404 when the call has none). */
const audio =
  (field: "recordingUrl" | "voiceMailUrl", what: string): Handler =>
  (ctx) => {
    const call = mustFind(ctx, "calls", ctx.params.id);
    if (!call.leadCall?.[field]) throw notFound(`${what} of call`, call.id);
    return { status: 200, file: { data: Buffer.from(`ID3 sandbox ${what.toLowerCase()} of call ${call.id}`), contentType: "audio/mpeg" } };
  };

const handlers: Record<string, Handler> = {
  Calls_Calls: list("calls", { view: callView }),
  Calls_GetCalls: (ctx) => {
    // The v2 list always reports its total (it declares no includeTotal).
    const page = list("calls", { view: callView })({ ...ctx, query: { ...ctx.query, includeTotal: true } });
    return page;
  },
  Calls_GetDetails: (ctx) => ok(callView(mustFind(ctx, "calls", ctx.params.id))),
  Calls_Update: updateCall,
  Calls_GetRecording: audio("recordingUrl", "Recording"),
  Calls_GetVoiceMail: audio("voiceMailUrl", "Voicemail"),
  Export_Calls: exportFeed("calls", { view: exportView }),
};

/** Ids 180001…: a dozen calls to the demo contractor's campaign numbers, most from demo customers. */
function seed(store: Store) {
  const customers = store.all("customers", { active: true });
  const campaigns = store.all("campaigns", { active: true });
  const reasons = store.all("call-reasons", { active: true });
  for (let i = 0; i < 12; i++) {
    const customer = i < 10 ? customers[i] : undefined;
    const campaign = campaigns[i % campaigns.length];
    const reason = reasons[i % reasons.length];
    const booked = i % 3 === 0;
    const received = new Date(Date.UTC(2025, 0, 20 + i, 15, 5 * i)).toISOString();
    const location = customer && store.all("locations", { customerId: customer.id })[0];
    const call = store.create("calls", {
      jobNumber: booked ? String(1000 + i) : "",
      projectId: 0,
      locationId: location?.id ?? null,
      leadCall: {
        receivedOn: received,
        duration: `00:0${1 + (i % 8)}:${String((i * 7) % 60).padStart(2, "0")}`,
        from: customer
          ? (store.all("customer-contacts", { customerId: customer.id, type: "MobilePhone" })[0]?.value ?? phoneNumber(i))
          : phoneNumber(i + 900),
        to: campaign?.campaignPhoneNumbers?.[0] ?? "4805550100",
        direction: i % 5 === 4 ? "Outbound" : "Inbound",
        callType: booked ? "Booked" : i % 3 === 1 ? "Unbooked" : null,
        reason: reason ? { id: reason.id, name: reason.name, lead: reason.isLead, active: true } : null,
        recordingUrl: i % 4 === 3 ? "" : `https://recordings.example.com/calls/${180001 + i}.mp3`,
        voiceMailUrl: i % 4 === 3 ? `https://recordings.example.com/voicemails/${180001 + i}.mp3` : "",
        createdBy: { id: 1001, name: personName(1) },
        customer: customer ? callCustomer(store, customer.id) : null,
        campaign: campaign ? callCampaign(store, campaign.id) : null,
        agent: agentOf(store, 1001 + (i % 3)),
        sid: `CA${String(i).padStart(32, "0")}`,
        tags: i % 2 ? [{ id: 1, typeName: "Follow up" }] : [],
      },
      createdOn: received,
    });
    void call;
  }
}

// ---- text-message opt-outs (telecom v3, March 2026 documents): one record per number, in E.164 -------------------

/** A number as ServiceTitan stores it (E.164); undefined when it cannot be parsed (the whole request is refused). */
function e164(number: unknown): string | undefined {
  const text = String(number ?? "").replace(/[\s().-]/g, "");
  if (!/^\+?\d{7,15}$/.test(text)) return undefined;
  if (text.startsWith("+")) return text;
  return text.length === 10 ? `+1${text}` : `+${text}`; // ten digits: a North American number without its country code
}
function numbersOf(ctx: HandlerContext): string[] {
  const numbers: unknown[] = ctx.body.contactNumbers ?? [];
  if (!numbers.length) throw badRequest({ contactNumbers: ["At least one contact number is required"] });
  return numbers.map((n, i) => {
    const number = e164(n);
    if (!number) throw badRequest({ [`contactNumbers[${i}]`]: [`"${n}" is not a valid phone number`] });
    return number;
  });
}
const optOutOf = (store: Store, number: string) => store.all("opt-outs", { contactNumber: number, active: true })[0];
const optOutView = (r: SandboxRecord) => ({ contactNumber: r.contactNumber, optOutType: r.optOutType });

const optOutHandlers: Record<string, Handler> = {
  OptInOut_GetAllOptOuts: (ctx) => ok({ data: ctx.store.all("opt-outs", { active: true }).map(optOutView) }),
  OptInOut_GetOptOutList: (ctx) => {
    const numbers = [...new Set(numbersOf(ctx))];
    return ok({
      data: numbers
        .map((n) => optOutOf(ctx.store, n))
        .filter(Boolean)
        .map(optOutView),
    });
  },
  OptInOut_CreateOptOutList: (ctx) => {
    const type = ctx.body.optOutType;
    const data = numbersOf(ctx).map((contactNumber) => {
      const existing = optOutOf(ctx.store, contactNumber);
      // A number opted out globally cannot be opted out for marketing only.
      if (existing?.optOutType === "Global" && type !== "Global") return { contactNumber, status: "LogicalError" };
      if (existing) ctx.store.update("opt-outs", existing.id, { optOutType: type });
      else ctx.store.create("opt-outs", { contactNumber, optOutType: type });
      return { contactNumber, status: "Ok" };
    });
    return ok({ data });
  },
};

export const telecom: SandboxModule = {
  handlers: { ...handlers, ...optOutHandlers },
  collections: (spec) => [
    schemaCollection(spec, {
      name: "calls",
      label: "Call",
      firstId: 180001,
      record: "telecom/Calls_GetDetails",
      filters: {
        campaignId: "leadCall.campaign.id",
        agentId: "leadCall.agent.id",
        agentName: { contains: "leadCall.agent.name" },
        phoneNumberCalled: "leadCall.to",
        callerPhoneNumber: "leadCall.from",
        minDuration: (r, v) => seconds(r.leadCall?.duration) >= Number(v),
        sid: "leadCall.sid",
        tag: (r, v) => (r.leadCall?.tags ?? []).some((t: { typeName: string }) => t.typeName === v),
        createdAfter: { from: "createdOn" },
        modifiedAfter: { from: "modifiedOn" },
      },
    }),
    {
      name: "opt-outs",
      label: "Opt-out",
      firstId: 185001,
      build: (_store, fields) => ({ contactNumber: fields.contactNumber ?? "+16195550100", optOutType: fields.optOutType ?? "Global" }),
      fake: () => ({}),
    },
  ],
  seed: (store) => {
    seed(store);
    // Numbers that replied STOP: two for everything, one for marketing only.
    for (const [contactNumber, optOutType] of [
      ["+16195550101", "Global"],
      ["+16195550102", "Marketing"],
      ["+18585550103", "Global"],
    ]) {
      store.create("opt-outs", { contactNumber, optOutType });
    }
  },
};
