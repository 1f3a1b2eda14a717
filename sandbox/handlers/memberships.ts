/**
 * /memberships/v2: customer memberships (status changes recorded), membership types with their billing options,
 * recurring service types, recurring services and their events, invoice templates. Their export feeds page through
 * these collections (sandbox/generic.ts). Operations without a handler answer from their response schema.
 */
import type { SandboxRecord, Store } from "../store";
import { schemaCollection } from "../generic";
import { badRequest, conflict } from "../problem";
import { getOne, list, mustFind, mustRef, mustRefAll, ok, type HandlerContext, type Json, type SandboxModule } from "./kit";

const MONTHS_PER_BILL: Record<string, number> = { OneTime: 0, Monthly: 1, EveryOtherMonth: 2, Quarterly: 3, BiAnnual: 6, Annual: 12 };

const addMonths = (iso: string, months: number) => {
  const date = new Date(iso);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString();
};

const billingOptionsOf = (store: Store, membershipTypeId: number) =>
  store.collection("membership-billing-options").groupBy("membershipTypeId").get(membershipTypeId) ?? [];
const serviceTypesOf = (store: Store, membershipTypeId: number) =>
  (store.collection("recurring-service-types").groupBy("membershipTypeId").get(membershipTypeId) ?? []).filter((t) => t.active);

/** The billing option as ServiceTitan lists it (MembershipTypeDurationBillingItemResponse). */
const billingEntry = (option: SandboxRecord) => ({
  duration: option.duration,
  billingFrequency: option.billingFrequency,
  salePrice: option.salePrice,
  billingPrice: option.billingPrice,
  renewalPrice: option.renewalPrice,
});

/** A recurring service type as one of a membership type's recurring service items. */
const serviceItem = (type: SandboxRecord) => ({
  membershipTypeId: type.membershipTypeId,
  recurringServiceTypeId: type.id,
  offset: type.offset ?? 0,
  offsetType: type.offsetType ?? "Months",
  allocation: type.allocation ?? 0,
  id: type.id + 3000, // 245001…: one item per type
  importId: null,
  createdOn: type.createdOn,
  createdById: null,
});

/** A membership type as listed: billing options, discounts, recurring services and tags only when asked for. */
const membershipTypeView = (record: SandboxRecord, ctx: HandlerContext) => ({
  ...record,
  durationBilling: ctx.query.includeDurationBilling
    ? billingOptionsOf(ctx.store, record.id)
        .filter((o) => o.active)
        .map(billingEntry)
    : null,
  discounts: ctx.query.includeDiscounts
    ? (record.discountItems ?? []).map((d: Json) => ({ targetId: d.targetId, discount: d.discount }))
    : null,
  recurringServices: ctx.query.includeRecurringServices ? serviceTypesOf(ctx.store, record.id).map(serviceItem) : null,
  tagTypeIds: ctx.query.includeTags ? (record.tagTypeIds ?? []) : null,
});

function changeStatus(store: Store, membership: SandboxRecord, to: string, note: string | null = null): void {
  if (membership.status === to) return;
  store.create("membership-status-changes", {
    membershipId: membership.id,
    oldStatus: membership.status,
    newStatus: to,
    note,
    createdById: null,
  });
}

/** Two visits of a new recurring service: the next spring and fall ones. */
function scheduleEvents(store: Store, service: SandboxRecord, from: string): void {
  for (const months of [1, 7]) {
    store.create("recurring-service-events", {
      locationRecurringServiceId: service.id,
      locationRecurringServiceName: service.name,
      membershipId: service.membershipId,
      membershipName: service.membershipName,
      status: "NotAttempted",
      date: addMonths(from, months),
      jobId: null,
      createdById: null,
    });
  }
}

/** The recurring services a new membership brings, at the locations recurringServiceAction says. */
function createRecurringServices(ctx: HandlerContext, membership: SandboxRecord, body: Json): void {
  const { store } = ctx;
  const locations =
    body.recurringServiceAction === "All"
      ? store.all("locations", { customerId: membership.customerId }).filter((l) => l.active)
      : body.recurringServiceAction === "Single"
        ? [store.get("locations", body.recurringLocationId)!]
        : [];
  const type = store.get("membership-types", membership.membershipTypeId);
  for (const location of locations) {
    for (const serviceType of serviceTypesOf(store, membership.membershipTypeId)) {
      const service = store.create("recurring-services", {
        name: serviceType.name,
        membershipId: membership.id,
        membershipName: type?.name ?? null,
        locationId: location.id,
        recurringServiceTypeId: serviceType.id,
        durationType: serviceType.durationType,
        durationLength: serviceType.durationLength,
        from: membership.from,
        to: membership.to,
        recurrenceType: serviceType.recurrenceType,
        recurrenceInterval: serviceType.recurrenceInterval,
        recurrenceMonths: serviceType.recurrenceMonths,
        priority: serviceType.priority,
        jobTypeId: serviceType.jobTypeId,
        businessUnitId: serviceType.businessUnitId,
        invoiceTemplateId: serviceType.invoiceTemplateId,
        firstVisitComplete: false,
      });
      scheduleEvents(store, service, membership.from);
    }
  }
}

const MEMBERSHIP_REFS = {
  businessUnitId: "business-units",
  soldById: "technicians",
  locationId: "locations",
  recurringLocationId: "locations",
  billingTemplateId: "invoice-templates",
  paymentTypeId: "payment-types",
  cancellationBalanceInvoiceId: "invoices",
  cancellationInvoiceId: "invoices",
} as const;

function checkRefs(ctx: HandlerContext, refs: Record<string, string>): void {
  for (const [field, collection] of Object.entries(refs)) {
    const value = ctx.body?.[field];
    if (Array.isArray(value)) mustRefAll(ctx, collection, value, field);
    else if (value != null) mustRef(ctx, collection, value, field);
  }
}

const recurringServiceAction = (body: Json) => {
  if (body.recurringLocationId != null && body.recurringServiceAction == null) {
    throw badRequest({ recurringServiceAction: ["Required when RecurringLocationId is set"] });
  }
  if (body.recurringServiceAction === "Single" && body.recurringLocationId == null) {
    throw badRequest({ recurringLocationId: ["Required when RecurringServiceAction is Single"] });
  }
};

/**
 * An invoice template's items as records show them, and its total: an item with the id of a current one keeps it
 * (an unknown id is refused), others get new ids (after every item id in use).
 */
function templateItems(ctx: HandlerContext, items: Json[], current: Json[] = []): { items: Json[]; total: number } {
  let next = Math.max(243_100, ...ctx.store.all("invoice-templates").flatMap((t) => (t.items ?? []).map((i: Json) => i.id))) + 1;
  const out = items.map((item, i) => {
    if (item.id != null && !current.some((c) => c.id === item.id)) {
      throw badRequest({ [`items[${i}].id`]: [`Invoice template item with id ${item.id} not found`] });
    }
    return {
      id: item.id ?? next++,
      skuId: item.skuId,
      skuType: "Service",
      quantity: item.quantity,
      unitPrice: item.unitPrice,
      isAddOn: item.isAddOn,
      importId: null,
      workflowActionItemId: item.workflowActionItemId ?? null,
      description: item.description ?? null,
      cost: item.cost ?? null,
      hours: item.hours ?? null,
    };
  });
  const total = Math.round(out.reduce((sum, i) => sum + i.quantity * i.unitPrice, 0) * 100) / 100;
  return { items: out, total };
}

export const memberships: SandboxModule = {
  collections: (spec) => [
    schemaCollection(spec, {
      name: "memberships",
      label: "Membership",
      firstId: 220001,
      record: "memberships/CustomerMemberships_Get",
      defaults: () => ({ status: "Active", followUpStatus: "NotAttempted", customFields: [], memo: null, soldById: null }),
      filters: {
        customerIds: { in: "customerId" },
        status: "status",
        duration: "duration",
        billingFrequency: "billingFrequency",
      },
    }),
    schemaCollection(spec, {
      name: "membership-status-changes",
      label: "Membership status change",
      firstId: 225001,
      record: "memberships/Export_MembershipStatusChanges",
    }),
    schemaCollection(spec, {
      name: "recurring-services",
      label: "Recurring service",
      firstId: 230001,
      record: "memberships/LocationRecurringServices_Get",
      defaults: () => ({
        recurrenceDaysOfWeek: [],
        recurrenceWeek: "None",
        recurrenceDayOfNthWeek: null,
        recurrenceDaysOfMonth: [],
        tagTypeIds: [],
        preferredTechnicianIds: [],
        memo: null,
      }),
      filters: { membershipIds: { in: "membershipId" }, locationIds: { in: "locationId" } },
    }),
    schemaCollection(spec, {
      name: "recurring-service-events",
      label: "Recurring service event",
      firstId: 235001,
      record: "memberships/Export_LocationRecurringServiceEvents",
      filters: {
        locationId: (r, v, store) => store.collection("recurring-services").get(r.locationRecurringServiceId)?.locationId === Number(v),
        jobId: "jobId",
        status: "status",
      },
    }),
    schemaCollection(spec, {
      name: "membership-types",
      label: "Membership type",
      firstId: 240001,
      record: "memberships/MembershipTypes_Get",
      defaults: () => ({
        discountMode: "Basic",
        locationTarget: "AllLocations",
        revenueRecognitionMode: "PointOfSale",
        discount: 0,
        discountItems: [],
        tagTypeIds: [],
      }),
      filters: {
        duration: (r, v, store) => billingOptionsOf(store, r.id).some((o) => o.duration === Number(v)),
        billingFrequency: (r, v, store) => billingOptionsOf(store, r.id).some((o) => o.billingFrequency === v),
      },
    }),
    schemaCollection(spec, {
      name: "membership-billing-options",
      label: "Duration billing option",
      firstId: 241001,
      record: "memberships/MembershipTypes_GetDurationBillingList",
    }),
    schemaCollection(spec, {
      name: "recurring-service-types",
      label: "Recurring service type",
      firstId: 242001,
      record: "memberships/RecurringServiceTypes_Get",
      filters: { membershipTypeId: "membershipTypeId", recurrenceType: "recurrenceType", durationType: "durationType" },
    }),
    schemaCollection(spec, {
      name: "invoice-templates",
      label: "Invoice template",
      firstId: 243001,
      record: "memberships/InvoiceTemplates_Get",
      defaults: () => ({ isSettingsTemplate: true, items: [] }),
    }),
  ],

  seed: (store) => {
    store.setClock("2025-01-20T16:00:00Z");
    const templates = [
      [
        "Comfort Club Silver – annual billing",
        199,
        [
          ["AC Tune-Up", 129],
          ["Filter Replacement", 45],
        ],
      ],
      [
        "Comfort Club Gold – monthly billing",
        24.99,
        [
          ["AC Tune-Up", 129],
          ["Drain Line Flush", 150],
        ],
      ],
      ["Plumbing Protection – annual billing", 149, [["Water Heater Flush", 175]]],
    ].map(([name, total, items], t) =>
      store.create("invoice-templates", {
        name,
        total,
        isSettingsTemplate: true,
        importId: null,
        createdById: null,
        items: (items as [string, number][]).map(([sku, price], i) => ({
          id: 243101 + t * 10 + i,
          skuId: 400001 + i,
          skuType: "Service",
          quantity: 1,
          unitPrice: price,
          isAddOn: false,
          importId: null,
          workflowActionItemId: null,
          description: sku,
          cost: null,
          hours: 1,
        })),
      }),
    );
    const types = [
      {
        name: "Comfort Club Silver",
        discount: 10,
        billing: [
          [12, "Annual", 199, 199, 189],
          [12, "Monthly", 0, 17.99, 17.99],
        ],
        template: templates[0],
      },
      {
        name: "Comfort Club Gold",
        discount: 15,
        billing: [
          [12, "Monthly", 0, 24.99, 24.99],
          [24, "Annual", 379, 379, 359],
        ],
        template: templates[1],
      },
      { name: "Plumbing Protection Plan", discount: 10, billing: [[12, "Annual", 149, 149, 149]], template: templates[2] },
    ].map((t, i) => {
      const type = store.create("membership-types", {
        name: t.name,
        displayName: t.name,
        discount: t.discount,
        billingTemplateId: t.template.id,
        discountItems: [{ id: 244001 + i, targetId: 501 + i, discount: t.discount, createdOn: store.now(), createdById: null }],
        tagTypeIds: [501],
        importId: null,
        createdById: null,
        autoCalculateInvoiceTemplates: true,
        useMembershipPricingTable: false,
        showMembershipSavings: true,
      });
      for (const [duration, billingFrequency, salePrice, billingPrice, renewalPrice] of t.billing) {
        store.create("membership-billing-options", {
          membershipTypeId: type.id,
          duration,
          billingFrequency,
          salePrice,
          billingPrice,
          renewalPrice,
          importId: null,
          createdById: null,
        });
      }
      return type;
    });
    store.create("membership-types", { name: "Legacy Club (retired)", active: false, discount: 5 });
    const serviceTypes = [
      { name: "AC Tune-Up – Spring", membershipTypeId: types[0].id, recurrenceMonths: ["April"], jobTypeId: 202 },
      { name: "Furnace Tune-Up – Fall", membershipTypeId: types[1].id, recurrenceMonths: ["October"], jobTypeId: 202 },
      { name: "AC Tune-Up – Spring (Gold)", membershipTypeId: types[1].id, recurrenceMonths: ["April"], jobTypeId: 202 },
      { name: "Water Heater Flush", membershipTypeId: types[2].id, recurrenceMonths: ["March"], jobTypeId: 204 },
    ].map((s) =>
      store.create("recurring-service-types", {
        ...s,
        recurrenceType: "Seasonal",
        recurrenceInterval: 0,
        durationType: "Continuous",
        durationLength: 0,
        priority: "Normal",
        businessUnitId: s.jobTypeId === 204 ? 103 : 101,
        invoiceTemplateId: null,
        campaignId: null,
        jobSummary: `${s.name} included in the membership`,
        offset: 0,
        offsetType: "Months",
        allocation: 0,
        importId: null,
        createdById: null,
      }),
    );
    void serviceTypes;
    // Customers 2001–2005 bought memberships; 2005's was canceled.
    store
      .all("customers")
      .slice(0, 5)
      .forEach((customer, i) => {
        const type = types[i % types.length];
        const option = billingOptionsOf(store, type.id)[0];
        const from = "2025-01-20T16:00:00.000Z";
        const location = store.all("locations", { customerId: customer.id })[0];
        const membership = store.create("memberships", {
          customerId: customer.id,
          membershipTypeId: type.id,
          businessUnitId: 101,
          locationId: null,
          recurringLocationId: location?.id ?? null,
          billingFrequency: option.billingFrequency,
          duration: option.duration,
          renewalDuration: option.duration,
          renewalBillingFrequency: option.billingFrequency,
          from,
          to: addMonths(from, option.duration),
          nextScheduledBillDate: addMonths(from, MONTHS_PER_BILL[option.billingFrequency] || 12),
          followUpOn: addMonths(from, option.duration - 1),
          billingTemplateId: type.billingTemplateId,
          initialDeferredRevenue: 0,
          soldById: 1001 + i,
          customerPo: null,
          importId: null,
          cancellationDate: null,
          activatedById: null,
          activatedFromId: null,
          paymentMethodId: null,
          paymentTypeId: null,
          renewalMembershipTaskId: null,
          renewedById: null,
          createdById: null,
          followUpCustomStatusId: null,
          cancellationBalanceInvoiceId: null,
          cancellationInvoiceId: null,
        });
        if (location)
          createRecurringServices({ store } as HandlerContext, membership, {
            recurringServiceAction: "Single",
            recurringLocationId: location.id,
          });
        if (i === 4) {
          changeStatus(store, membership, "Canceled", "Moved out of the area");
          store.collection("memberships").update(membership, { status: "Canceled", cancellationDate: store.now() });
        }
      });
    store.setClock(null);
  },

  handlers: {
    CustomerMemberships_GetList: list("memberships"),
    CustomerMemberships_Get: getOne("memberships"),

    CustomerMemberships_Update: (ctx) => {
      const { body, store } = ctx;
      const membership = mustFind(ctx, "memberships", ctx.params.id);
      checkRefs(ctx, MEMBERSHIP_REFS);
      recurringServiceAction(body);
      if (body.paymentMethodId != null && body.paymentTypeId != null) {
        throw badRequest({ paymentTypeId: ["PaymentMethodId and PaymentTypeId are mutually exclusive"] });
      }
      const changes: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(body as Record<string, unknown>)) {
        if (field !== "recurringServiceAction" && value !== undefined) changes[field] = value;
      }
      if (body.status && body.status !== membership.status) {
        changeStatus(store, membership, body.status, body.memo ?? null);
        if (body.status === "Canceled") changes.cancellationDate = store.now();
      }
      store.collection("memberships").update(membership, changes);
      if (body.recurringServiceAction === "None") {
        for (const service of store.all("recurring-services", { membershipId: membership.id })) {
          if (service.active) store.update("recurring-services", service.id, { active: false });
        }
      }
      return ok({ id: membership.id });
    },

    CustomerMemberships_GetStatusChanges: (ctx) => {
      const membership = mustFind(ctx, "memberships", ctx.params.id);
      return ok(ctx.store.collection("membership-status-changes").groupBy("membershipId").get(membership.id) ?? []);
    },

    CustomerMemberships_Create: (ctx) => {
      const { body, store } = ctx;
      const customer = mustRef(ctx, "customers", body.customerId, "customerId");
      mustRef(ctx, "business-units", body.businessUnitId, "businessUnitId");
      const option = mustRef(ctx, "membership-billing-options", body.durationBillingId, "durationBillingId");
      if (!option.active) throw badRequest({ durationBillingId: [`Duration billing option ${option.id} is inactive`] });
      for (const field of ["locationId", "recurringLocationId"]) {
        if (body[field] == null) continue;
        const location = mustRef(ctx, "locations", body[field], field);
        if (location.customerId !== customer.id)
          throw badRequest({ [field]: [`Location ${location.id} does not belong to customer ${customer.id}`] });
      }
      recurringServiceAction(body);
      const now = store.now();
      const type = store.get("membership-types", option.membershipTypeId)!;
      const membership = store.create("memberships", {
        customerId: customer.id,
        membershipTypeId: type.id,
        businessUnitId: body.businessUnitId,
        locationId: body.locationId ?? null,
        recurringLocationId: body.recurringLocationId ?? null,
        billingFrequency: option.billingFrequency,
        renewalBillingFrequency: option.billingFrequency,
        duration: option.duration,
        renewalDuration: option.duration,
        from: now,
        to: option.duration ? addMonths(now, option.duration) : null,
        nextScheduledBillDate: addMonths(now, MONTHS_PER_BILL[option.billingFrequency] || 12),
        followUpOn: addMonths(now, Math.max(0, (option.duration ?? 12) - 1)),
        billingTemplateId: type.billingTemplateId ?? null,
        initialDeferredRevenue: 0,
        soldById: null,
        cancellationDate: null,
      });
      createRecurringServices(ctx, membership, body);
      const price = Number(option.salePrice || option.billingPrice).toFixed(2);
      const invoice = store.create("invoices", {
        customerId: customer.id,
        locationId: body.locationId ?? store.all("locations", { customerId: customer.id })[0]?.id,
        businessUnitId: body.businessUnitId,
        summary: `Membership sale: ${type.name}`,
        subTotal: price,
        total: price,
        balance: price,
      });
      return ok({ invoiceId: invoice.id, customerMembershipId: membership.id });
    },

    MembershipTypes_GetList: list("membership-types", { view: membershipTypeView }),
    MembershipTypes_Get: getOne("membership-types"),
    MembershipTypes_GetDurationBillingList: (ctx) => {
      const type = mustFind(ctx, "membership-types", ctx.params.id);
      const mode = String(ctx.query.active ?? "True");
      return ok(billingOptionsOf(ctx.store, type.id).filter((o) => mode === "Any" || o.active === (mode === "True")));
    },
    MembershipTypes_GetDiscountsList: (ctx) => ok(mustFind(ctx, "membership-types", ctx.params.id).discountItems ?? []),
    MembershipTypes_GetRecurringServiceItems: (ctx) => {
      const type = mustFind(ctx, "membership-types", ctx.params.id);
      return ok(serviceTypesOf(ctx.store, type.id).map(serviceItem));
    },

    RecurringServiceTypes_GetList: list("recurring-service-types"),
    RecurringServiceTypes_Get: getOne("recurring-service-types"),

    LocationRecurringServices_GetList: list("recurring-services"),
    LocationRecurringServices_Get: getOne("recurring-services"),
    LocationRecurringServices_Update: (ctx) => {
      const service = mustFind(ctx, "recurring-services", ctx.params.id);
      checkRefs(ctx, {
        recurringServiceTypeId: "recurring-service-types",
        invoiceTemplateId: "invoice-templates",
        invoiceTemplateForFollowingYearsId: "invoice-templates",
        businessUnitId: "business-units",
        jobTypeId: "job-types",
        tagTypeIds: "tag-types",
        preferredTechnicianIds: "technicians",
      });
      if (ctx.body.recurrenceType === "Weekly" && ctx.body.recurrenceDaysOfWeek?.length === 0) {
        throw badRequest({ recurrenceDaysOfWeek: ["A weekly recurring service needs at least one day"] });
      }
      ctx.store.collection("recurring-services").update(service, ctx.body);
      return ok({ id: service.id });
    },

    LocationRecurringServiceEvents_GetList: list("recurring-service-events"),
    LocationRecurringServiceEvents_MarkComplete: (ctx) => {
      const event = mustFind(ctx, "recurring-service-events", ctx.params.id);
      mustRef(ctx, "jobs", ctx.body.jobId, "jobId");
      if (event.status === "Won") throw conflict(`Recurring service event ${event.id} is already complete (job ${event.jobId})`);
      ctx.store.collection("recurring-service-events").update(event, { status: "Won", jobId: ctx.body.jobId });
      const service = ctx.store.collection("recurring-services").get(event.locationRecurringServiceId);
      if (service && !service.firstVisitComplete) ctx.store.collection("recurring-services").update(service, { firstVisitComplete: true });
      return ok({ id: event.id });
    },
    LocationRecurringServiceEvents_MarkIncomplete: (ctx) => {
      const event = mustFind(ctx, "recurring-service-events", ctx.params.id);
      mustRef(ctx, "jobs", ctx.body.jobId, "jobId");
      if (event.status !== "Won" || event.jobId !== ctx.body.jobId) {
        throw conflict(`Recurring service event ${event.id} was not completed on job ${ctx.body.jobId}`);
      }
      ctx.store.collection("recurring-service-events").update(event, { status: "NotAttempted", jobId: null });
      return ok({ id: event.id });
    },

    InvoiceTemplates_GetList: list("invoice-templates"),
    InvoiceTemplates_Get: getOne("invoice-templates"),
    InvoiceTemplates_Create: (ctx) => {
      const template = ctx.store.create("invoice-templates", {
        name: null,
        isSettingsTemplate: false,
        importId: null,
        createdById: null,
        ...templateItems(ctx, ctx.body.items ?? []),
      });
      return ok({ id: template.id });
    },
    InvoiceTemplates_Update: (ctx) => {
      const template = mustFind(ctx, "invoice-templates", ctx.params.id);
      const { name, active, items } = ctx.body;
      ctx.store.collection("invoice-templates").update(template, {
        ...(name !== undefined ? { name } : {}),
        ...(active !== undefined ? { active } : {}),
        ...(items != null ? templateItems(ctx, items, template.items ?? []) : {}),
      });
      return ok({ id: template.id });
    },
  },
};
