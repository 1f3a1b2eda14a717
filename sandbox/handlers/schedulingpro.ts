/**
 * /schedulingpro/v2: the tenant's schedulers (online booking and call center) and their sessions are seeded
 * collections; a router (not listable through the API) sends some sessions on to a scheduler. Ids are GUIDs (the API
 * types them as text). Performance figures are counted from the sessions of the period asked for.
 */
import { createHash } from "crypto";
import { schemaCollection } from "../generic";
import { notFound } from "../problem";
import { phoneNumber } from "../random";
import type { SandboxRecord, Store } from "../store";
import { list, ok, type HandlerContext, type SandboxModule } from "./kit";

const SCHEDULERS = "schedulers";
const SESSIONS = "scheduler-sessions";

/** A stable GUID for a seeded record (the same every run). */
const guidFor = (seed: string) => {
  const hex = createHash("sha256").update(`schedulingpro:${seed}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** Routers of the demo tenant: the API has no operation that lists them. */
export const ROUTERS = [{ guid: guidFor("router:website"), name: "Website booking button" }];

const SCHEDULER_SEED = [
  { name: "Website booking", mode: "Standard", isDefault: true, status: "Active" },
  { name: "Google Business Profile", mode: "Standard", isDefault: false, status: "Active" },
  { name: "Call center", mode: "Call_Center", isDefault: false, status: "Active" },
  { name: "Spring tune-up landing page", mode: "Standard", isDefault: false, status: "Inactive" },
];

/** What a session ended with, in turn: a job, a booking to review, a lead, or abandoned. */
const OUTCOMES = ["JobBooked", "Abandoned", "BookingCreated", "JobBooked", "LeadCreated", "Abandoned"] as const;
const LAST_STEP: Record<(typeof OUTCOMES)[number], string> = {
  JobBooked: "Booked",
  BookingCreated: "Booked",
  LeadCreated: "Details",
  Abandoned: "Schedule",
};
const BROWSERS = [
  { browserName: "Chrome", browserVersion: "122.0.6261.94", osName: "Windows", osVersion: "10", deviceType: "desktop" },
  { browserName: "Mobile Safari", browserVersion: "17.3", osName: "iOS", osVersion: "17.3.1", deviceType: "mobile" },
  { browserName: "Chrome Mobile", browserVersion: "121.0.6167.178", osName: "Android", osVersion: "14", deviceType: "mobile" },
];

const schedulerView = (r: SandboxRecord) => ({ ...r, id: r.guid });
const sessionView = (store: Store) => (r: SandboxRecord) => ({
  ...r,
  id: r.guid,
  schedulerId: r.schedulerId ? (store.collection(SCHEDULERS).get(r.schedulerId)?.guid ?? null) : null,
});

/** The scheduler a path `{id}` names (its GUID), or 404. */
function mustFindScheduler(ctx: HandlerContext): SandboxRecord {
  const scheduler = ctx.store.all(SCHEDULERS).find((s) => s.guid === ctx.params.id);
  if (!scheduler) throw notFound("Scheduler", ctx.params.id);
  return scheduler;
}
function mustFindRouter(ctx: HandlerContext) {
  const router = ROUTERS.find((r) => r.guid === ctx.params.id);
  if (!router) throw notFound("Router", ctx.params.id);
  return router;
}

/** Sessions created in the period of a performance query. */
const inPeriod = (ctx: HandlerContext) => (r: SandboxRecord) =>
  r.createdOn >= new Date(ctx.query.sessionCreatedOnOrAfter).toISOString() &&
  r.createdOn < new Date(ctx.query.sessionCreatedBefore).toISOString();

const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : 0);

/** A scheduler's conversion figures over its sessions of the period. */
function schedulerPerformance(scheduler: SandboxRecord, sessions: SandboxRecord[]) {
  const count = (test: (s: SandboxRecord) => boolean) => sessions.filter(test).length;
  const booked = count((s) => s.jobId != null || s.bookingId != null);
  const abandoned = count((s) => s.sessionOutcome === "Abandoned");
  const interacted = count((s) => s.lastStep !== "Opened");
  const withContact = count((s) => !!(s.customer?.email || s.customer?.phone));
  return {
    id: scheduler.guid,
    schedulerName: scheduler.name,
    brandName: scheduler.companyName,
    schedulerCompletionRate: rate(booked, sessions.length),
    openedCompletionRate: rate(booked, sessions.length),
    totalCustomerContactsCaptured: withContact,
    totalJobsCreated: count((s) => s.jobId != null),
    totalBookingsCreated: count((s) => s.bookingId != null),
    totalAbandonedSessionsSentToBookings: 0,
    totalAbandonedSessionsSentToLeads: count((s) => s.sessionOutcome === "Abandoned" && s.leadId != null),
    totalBookingsRecoveredFromAbandonedSessionsRecoveryLink: 0,
    totalJobsRecoveredFromAbandonedSessionsRecoveryLink: 0,
    totalBookingsRecoveredFromAbandonedSessionsAiAgent: 0,
    totalJobsRecoveredFromAbandonedSessionsAiAgent: 0,
    totalSmsSentToRecoverAbandonedSessionRecoveryLink: abandoned,
    totalSmsSentToRecoverAbandonedSessionAiAgent: 0,
    totalBookingsRecoveredFromAbandonedSessions: 0,
    totalJobsRecoveredFromAbandonedSessions: 0,
    totalMembershipInterest: count((s) => s.membershipInterest === "Yes"),
    totalSessions: sessions.length,
    milestoneFrequencyCount: {
      opened: sessions.length,
      zipcode: interacted,
      interacted,
      issue: count((s) => s.lastStep !== "Opened" && s.lastStep !== "Zipcode"),
      schedule: count((s) => ["Schedule", "Details", "Booked"].includes(s.lastStep)),
      customer: count((s) => ["Details", "Booked"].includes(s.lastStep)),
      details: count((s) => ["Details", "Booked"].includes(s.lastStep)),
      booked,
      abandoned,
    },
  };
}

/** The demo tenant's schedulers, and six sessions for each active one (plus two sessions its router kept). */
function seed(store: Store) {
  const customers = store.all("customers");
  const jobs = store.all("jobs");
  const bookings = store.all("bookings");
  store.setClock("2024-11-04T17:00:00Z");
  const schedulers = SCHEDULER_SEED.map((s) => {
    const key = createHash("sha256").update(`scheduler-key:${s.name}`).digest("hex").slice(0, 32);
    return store.create(SCHEDULERS, {
      guid: guidFor(`scheduler:${s.name}`),
      name: s.name,
      companyName: "Sandbox Heating & Air",
      schedulerStatus: s.status,
      dataApiKey: key,
      isDefault: s.isDefault,
      mode: s.mode,
      quickLaunchLink: `https://scheduler.servicetitan.com/launch/${key}`,
    });
  });
  let n = 0;
  const session = (scheduler: SandboxRecord | null, routerGuid: string | null) => {
    const outcome = OUTCOMES[n % OUTCOMES.length];
    const customer = customers[n % customers.length];
    const location = store.all("locations", { customerId: customer.id })[0];
    const [firstName, lastName] = String(customer.name).split(" ");
    const job = outcome === "JobBooked" ? jobs[n % jobs.length] : undefined;
    const booking = outcome === "BookingCreated" ? bookings[n % bookings.length] : undefined;
    const created = Date.parse("2025-03-03T15:00:00Z") + n * 26 * 3_600_000;
    const slot = new Date(created + 2 * 86_400_000);
    slot.setUTCHours(15, 0, 0, 0);
    store.setClock(new Date(created).toISOString());
    const record = store.create(SESSIONS, {
      guid: guidFor(`session:${n}`),
      schedulerId: scheduler?.id ?? null,
      routerId: routerGuid,
      lastCheckinDate: new Date(created + 6 * 60_000).toISOString(),
      sessionOutcome: outcome,
      jobId: job?.id ?? null,
      bookingId: booking?.id ?? null,
      leadId: null,
      gbpName: scheduler?.name === "Google Business Profile" ? "Sandbox Heating & Air" : null,
      timeslotStart: outcome === "Abandoned" || outcome === "LeadCreated" ? null : slot.toISOString(),
      timeslotEnd: outcome === "Abandoned" || outcome === "LeadCreated" ? null : new Date(slot.getTime() + 4 * 3_600_000).toISOString(),
      category: n % 2 ? "Plumbing" : "HVAC",
      jobTypeId: job?.jobTypeId ?? null,
      businessUnitId: job?.businessUnitId ?? null,
      customer: {
        isNewCustomer: n % 3 === 0,
        id: n % 3 === 0 ? null : customer.id,
        firstName,
        lastName: lastName ?? "",
        email: `${firstName}.${lastName ?? "customer"}@example.com`.toLowerCase(),
        phone: phoneNumber(customer.id),
        locationId: n % 3 === 0 ? null : (location?.id ?? null),
        isNewLocation: n % 3 === 0,
        address: location
          ? {
              street: location.address.street,
              unit: null,
              city: location.address.city,
              state: location.address.state,
              zip: location.address.zip,
              country: "USA",
            }
          : null,
        ...BROWSERS[n % BROWSERS.length],
        cpuArchitecture: null,
        deviceModel: null,
        deviceVendor: null,
        engineName: null,
        engineVersion: null,
        ipAddress: `203.0.113.${10 + n}`,
        isBot: false,
        userAgent: null,
      },
      zoneId: null,
      customerResponses: ["AC not cooling", "Central air"],
      notes: outcome === "Abandoned" ? null : "Please call before arriving.",
      sourceTracking: {
        isRWGSession: scheduler?.name === "Google Business Profile",
        campaignId: null,
        landingPageUrl: "https://www.sandbox-hvac.example/book-online",
        gclid: null,
        fbclid: null,
        msclkid: null,
        utmSource: n % 2 ? "google" : "website",
        utmMedium: n % 2 ? "cpc" : "organic",
        utmCampaign: n % 2 ? "spring-tune-up" : null,
        utmAdgroup: null,
        utmTerm: null,
        utmContent: null,
        googleAnalyticsClientId: null,
        bookedFrom: routerGuid ? "Router" : "Scheduler",
        sourcedFromMarketingPro: null,
        gbraid: null,
        wbraid: null,
        marketingSource: n % 2 ? "Google Ads" : "Website",
      },
      mobileNotificationOptIn: n % 2 === 0,
      blockerType: null,
      blockerToBookAdditionalData: null,
      lastStep: LAST_STEP[outcome],
      dispatchFeeQuoted: outcome === "Abandoned" ? null : "89.00",
      isLocationTakeover: false,
      customOptIn: false,
      marketingOptIn: n % 2 === 0,
      membershipInterest: n % 4 === 0 ? "Yes" : "No",
      paymentInfoCaptured: false,
      externalId: null,
      recurringServiceId: null,
      campaignName: n % 2 ? "Spring AC Tune-Up Mailer" : null,
      linearNavigationEnabled: true,
      aiModeEnabled: false,
      previousSessionId: null,
    });
    n++;
    return record;
  };
  for (const scheduler of schedulers.filter((s) => s.schedulerStatus === "Active")) {
    for (let i = 0; i < 6; i++) session(scheduler, i < 2 ? ROUTERS[0].guid : null);
  }
  // Visitors of the router who never reached a scheduler.
  for (let i = 0; i < 2; i++) {
    const s = session(null, ROUTERS[0].guid);
    store.collection(SESSIONS).update(s, { sessionOutcome: "Abandoned", lastStep: "Opened", jobId: null, bookingId: null });
  }
  store.setClock(null);
}

export const schedulingpro: SandboxModule = {
  collections: (spec) => [
    schemaCollection(spec, { name: SCHEDULERS, label: "Scheduler", firstId: 520_001, record: "schedulingpro/Scheduler_Schedulers" }),
    schemaCollection(spec, {
      name: SESSIONS,
      label: "Session",
      firstId: 525_001,
      record: "schedulingpro/Scheduler_SchedulerSessions",
    }),
  ],
  seed,
  handlers: {
    Scheduler_Schedulers: list(SCHEDULERS, { view: schedulerView }),
    Scheduler_SchedulerSessions: (ctx) => {
      const scheduler = mustFindScheduler(ctx);
      return list(SESSIONS, { scope: () => (s) => s.schedulerId === scheduler.id, view: sessionView(ctx.store) })(ctx);
    },
    Scheduler_SchedulerPerformance: (ctx) => {
      const scheduler = mustFindScheduler(ctx);
      const sessions = ctx.store.all(SESSIONS, { schedulerId: scheduler.id }).filter(inPeriod(ctx));
      return ok(schedulerPerformance(scheduler, sessions));
    },
    Router_RouterSessions: (ctx) => {
      const router = mustFindRouter(ctx);
      return list(SESSIONS, { scope: () => (s) => s.routerId === router.guid, view: sessionView(ctx.store) })(ctx);
    },
    Router_RouterPerformance: (ctx) => {
      const router = mustFindRouter(ctx);
      const sessions = ctx.store.all(SESSIONS, { routerId: router.guid }).filter(inPeriod(ctx));
      const bySchedulers = new Map<string | null, number>();
      for (const s of sessions) {
        const guid = s.schedulerId ? (ctx.store.collection(SCHEDULERS).get(s.schedulerId)?.guid ?? null) : null;
        bySchedulers.set(guid, (bySchedulers.get(guid) ?? 0) + 1);
      }
      return ok({
        id: router.guid,
        openedCount: sessions.length,
        interactedCount: sessions.filter((s) => s.lastStep !== "Opened").length,
        sessionCountBySchedulerId: [...bySchedulers].map(([schedulerId, openedCount]) => ({ schedulerId, openedCount })),
      });
    },
  },
};
