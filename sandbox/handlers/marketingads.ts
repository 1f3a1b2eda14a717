/**
 * /marketingads/v2: the attribution writes are stateful. Each stores the web session it names (the job, booking or lead
 * must exist), and the attributed-leads report lists them in its own shape. Other operations (performance, capacity
 * warnings) answer from their response schema (sandbox/generic.ts).
 */
import type { SandboxRecord } from "../store";
import { schemaCollection } from "../generic";
import { list, mustRef, ok, type Handler, type HandlerContext, type SandboxModule } from "./kit";

const LEAD_TYPES = ["Call", "WebBooking", "WebLeadForm", "ManualJob"];

function attribute(ctx: HandlerContext, leadType: string, entity?: { field: string; collection: string }) {
  const fields: Record<string, unknown> = { leadType, webSessionData: ctx.body.webSessionData };
  if (entity) fields[entity.field] = mustRef(ctx, entity.collection, ctx.body[entity.field], entity.field).id;
  if (ctx.body.externalCallData) fields.externalCallData = ctx.body.externalCallData;
  ctx.store.create("ads-attributions", fields);
  return ok();
}

/** An attribution as the attributed-leads report shows it. */
const view = (r: SandboxRecord, ctx: HandlerContext) => {
  const session = r.webSessionData ?? {};
  const lead = r.leadId ? ctx.store.collection("leads").get(r.leadId) : undefined;
  const job = r.jobId ? ctx.store.collection("jobs").get(r.jobId) : undefined;
  const customerId = (lead?.customerId ?? job?.customerId) as number | undefined;
  const customer = customerId ? ctx.store.collection("customers").get(customerId) : undefined;
  const call = r.externalCallData ?? {};
  return {
    dateTime: r.createdOn,
    leadType: LEAD_TYPES.indexOf(r.leadType) + 1,
    attribution: {
      utmSource: session.utmSource ?? "",
      utmMedium: session.utmMedium ?? "",
      utmCampaign: session.utmCampaign ?? "",
      landingPageUrl: session.landingPageUrl ?? "",
      referrerUrl: session.referrerUrl ?? "",
      clickId: session.gclid ?? session.msclkid ?? session.fbclid ?? "",
      gbraid: session.gbraid ?? "",
      wbraid: session.wbraid ?? "",
      stCampaignId: (lead?.campaignId as number | undefined) ?? null,
      originalCampaign: session.utmCampaign ?? "",
      adGroupId: "",
      adGroupName: session.utmAdgroup ?? "",
      keywordId: "",
      keywordName: session.utmTerm ?? "",
    },
    job: { id: job?.id ?? null, name: job ? `Job ${job.jobNumber}` : "" },
    customer: { id: customer?.id ?? null, name: (customer?.name as string | undefined) ?? "" },
    call: {
      duration: "",
      id: null,
      type: r.leadType === "Call" ? "External" : "",
      source: "",
      callerNumber: call.customerPhoneNumber ?? "",
      trackingNumber: call.trackingPhoneNumber ?? "",
      excusedReason: "",
    },
    leadForm: {
      leadNumber: lead?.id ?? null,
      leadStatus: (lead?.status as string | undefined) ?? "",
      notes: (lead?.summary as string | undefined) ?? "",
    },
    booking: { id: (r.bookingId as number | undefined) ?? null },
  };
};

const handlers: Record<string, Handler> = {
  ExternalCallAttributions_Create: (ctx) => attribute(ctx, "Call"),
  ScheduledJobAttributions_Create: (ctx) => attribute(ctx, "ManualJob", { field: "jobId", collection: "jobs" }),
  WebBookingAttributions_Create: (ctx) => attribute(ctx, "WebBooking", { field: "bookingId", collection: "bookings" }),
  WebLeadFormAttributions_Create: (ctx) => attribute(ctx, "WebLeadForm", { field: "leadId", collection: "leads" }),
  AttributedLeads_Get: list("ads-attributions", { view }),
};

export const marketingads: SandboxModule = {
  handlers,
  collections: (spec) => [
    schemaCollection(spec, {
      name: "ads-attributions",
      label: "Attribution",
      firstId: 193001,
      // Stored as written (the request's shape); the report's shape is the view above.
      record: "marketingads/WebLeadFormAttributions_Create",
      filters: { fromUtc: { from: "createdOn" }, toUtc: { before: "createdOn" }, leadType: "leadType" },
    }),
  ],
  seed: () => undefined,
};
