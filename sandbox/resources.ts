/**
 * One declarative entry per simulated ServiceTitan resource: how a complete record is built from partial
 * fields (field names from the specs' components.schemas), how bulk inserts fake one cheaply, and which
 * list query parameters filter on which fields.
 */
import type { SandboxRecord, Store } from "./store";
import { address, COMPANIES, EQUIPMENT, personName, phoneNumber, pick, SKUS } from "./random";

export const TENANT_ID = 1000001;

type Fields = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Built = Record<string, unknown>;

/**
 * A list filter for one query parameter: `"field"` equality (case-insensitive; dotted paths allowed),
 * `{in}` membership in a comma list or array, `{contains}` substring, `{any}` array field intersects the
 * list, `{from}`/`{before}` date bounds, `{above}`/`{below}` numeric bounds, or a predicate.
 */
export type Filter =
  | string
  | { in: string }
  | { contains: string }
  | { any: string }
  | { from: string }
  | { before: string }
  | { above: string }
  | { below: string }
  | ((record: SandboxRecord, value: any, store: Store) => boolean); // eslint-disable-line @typescript-eslint/no-explicit-any

/** What fake() may use: the store, and a cache of referenceable ids (filled by ref()). */
export interface FakeContext {
  store: Store;
  refs: Map<string, number[]>;
}

export interface CollectionDef {
  name: CollectionName;
  /** For messages: "Job with id 99 not found". */
  label: string;
  /** Ids of this resource start here (distinct ranges make mixed-up ids fail loudly). */
  firstId: number;
  /** Inactive means deleted: GET by id answers 404 (appointments, contacts, invoice items). */
  softDelete?: boolean;
  /**
   * A complete record from partial fields. A plain object literal on purpose: spreading into records made
   * 100k-record bulk inserts ~40x slower (V8 map churn). The store adds id/active/createdOn/modifiedOn and
   * keeps any extra field given, except the `inputs` that only steer the build.
   */
  build(store: Store, fields: Fields, id: number): Built;
  /** Convenience fields build() consumes that are not record fields (e.g. an invoice's jobId). */
  inputs?: string[];
  /** Fields of the i-th bulk record: cheap (index arithmetic), realistic, referencing existing records. */
  fake(ctx: FakeContext, i: number): Fields;
  filters?: Record<string, Filter>;
}

/** A collection: one of the hand-written ones below, or a generic export-feed one ("leads", "estimates" …). */
export type CollectionName = KnownCollection | (string & Record<never, never>);
export type KnownCollection =
  | "business-units"
  | "job-types"
  | "job-cancel-reasons"
  | "user-roles"
  | "tag-types"
  | "payment-types"
  | "technicians"
  | "customers"
  | "locations"
  | "customer-contacts"
  | "location-contacts"
  | "jobs"
  | "appointments"
  | "appointment-assignments"
  | "projects"
  | "invoices"
  | "invoice-items"
  | "payments"
  | "bookings"
  | "installed-equipment";

// ---- helpers -------------------------------------------------------------------------------------

/** Id of the i-th existing record of a collection (bulk inserts reference what is there), else 0. */
function ref(ctx: FakeContext, name: CollectionName, i: number): number {
  let ids = ctx.refs.get(name);
  if (!ids) {
    ids = ctx.store
      .collection(name)
      .sortedById()
      .filter((r) => r.active)
      .map((r) => r.id);
    ctx.refs.set(name, ids);
  }
  return ids.length ? ids[i % ids.length] : 0;
}

const get = (store: Store, name: CollectionName, id: unknown) => (typeof id === "number" ? store.collection(name).get(id) : undefined);

/** `{id, name}` of a referenced record, as accounting embeds them; null without an id. */
function idName(store: Store, name: CollectionName, id: unknown): { id: number; name: string | null } | null {
  if (typeof id !== "number" || !id) return null;
  return { id, name: (get(store, name, id)?.name as string) ?? null };
}

export const money = (n: number): string => (Math.round(n * 100) / 100).toFixed(2);

const contactPhoneSettings = (type: string, value: string) =>
  // The spec requires phoneSettings on every contact; e-mail/fax contacts carry an empty phone number.
  ({ phoneNumber: type === "Phone" || type === "MobilePhone" ? value : "", doNotText: false });

function bookingAddress(n: number) {
  const { street, city, state, zip, country } = address(n);
  return { street, city, state, zip, country };
}

const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

/** Customer and location lists filter their address alike: street by substring, the other fields exactly. */
const addressFilters: Record<string, Filter> = {
  street: { contains: "address.street" },
  unit: "address.unit",
  city: "address.city",
  state: "address.state",
  zip: "address.zip",
  country: "address.country",
};

/** Customer and location contacts differ only in their owner (`customerId` / `locationId`) and default type. */
function contacts(
  name: "customer-contacts" | "location-contacts",
  owner: { key: "customerId" | "locationId"; collection: CollectionName },
  firstId: number,
  defaultType: string,
): CollectionDef {
  // The owner id is assigned, not a computed key in the literal: that made bulk inserts ~40% slower.
  const owned = <T extends Fields>(fields: T, ownerId: unknown): T => {
    (fields as Fields)[owner.key] = ownerId;
    return fields;
  };
  return {
    name,
    label: "Contact",
    firstId,
    softDelete: true,
    build: (_store, f, id) => {
      const type = f.type ?? defaultType;
      const value = f.value ?? phoneNumber(id);
      return owned({ type, value, memo: f.memo, phoneSettings: contactPhoneSettings(type, value) }, f[owner.key] ?? 0);
    },
    fake: (ctx, i) => owned({}, ref(ctx, owner.collection, i)),
    filters: { [`${owner.key}s`]: { in: owner.key } },
  };
}

// ---- the resources ------------------------------------------------------------------------------

const defs: CollectionDef[] = [
  {
    name: "business-units",
    label: "Business unit",
    firstId: 101,
    build: (store, f) => ({
      name: f.name ?? "HVAC Service",
      officialName: f.officialName ?? `${f.name ?? "HVAC Service"} LLC`,
      email: f.email ?? "dispatch@sandbox-hvac.example",
      currency: "USD",
      phoneNumber: f.phoneNumber ?? "4805550100",
      invoiceHeader: null,
      invoiceMessage: "Thank you for your business!",
      defaultTaxRate: f.defaultTaxRate ?? 0.086,
      authorizationParagraph: null,
      acknowledgementParagraph: null,
      address: f.address ?? {
        street: "2400 E Camelback Rd",
        unit: "Suite 200",
        city: "Phoenix",
        state: "AZ",
        zip: "85016",
        country: "USA",
      },
      materialSku: null,
      quickbooksClass: null,
      accountCode: f.accountCode ?? null,
      franchiseId: null,
      conceptCode: null,
      corporateContractNumber: null,
      tenant: {
        id: TENANT_ID,
        name: "Sandbox Heating & Air",
        accountCode: null,
        franchiseId: null,
        conceptCode: null,
        modifiedOn: store.now(),
      },
      externalData: [],
    }),
    fake: (_ctx, i) => ({ name: `Business Unit ${i + 1}` }),
    filters: { name: { contains: "name" } },
  },
  {
    name: "job-types",
    label: "Job type",
    firstId: 201,
    build: (_store, f) => ({
      name: f.name ?? "Service Call",
      businessUnitIds: f.businessUnitIds ?? [],
      skills: f.skills ?? [],
      tagTypeIds: f.tagTypeIds ?? [],
      priority: f.priority ?? "Normal",
      duration: f.duration ?? 3600,
      soldThreshold: f.soldThreshold ?? null,
      class: f.class ?? "Service",
      summary: f.summary ?? "",
      noCharge: f.noCharge ?? false,
      enforceRecurringServiceEventSelection: false,
      invoiceSignaturesRequired: f.invoiceSignaturesRequired ?? false,
      externalData: [],
    }),
    fake: (_ctx, i) => ({ name: `Job Type ${i + 1}`, duration: 1800 * (1 + (i % 6)) }),
    filters: {
      name: { contains: "name" },
      priority: "priority",
      minDuration: (r, v) => r.duration >= v,
      maxDuration: (r, v) => r.duration <= v,
    },
  },
  {
    name: "job-cancel-reasons",
    label: "Job cancel reason",
    firstId: 301,
    build: (_store, f) => ({ name: f.name ?? "Customer canceled" }),
    fake: (_ctx, i) => ({ name: `Cancel reason ${i + 1}` }),
  },
  {
    name: "user-roles",
    label: "User role",
    firstId: 401,
    build: (_store, f) => ({ name: f.name ?? "Technician", employeeType: f.employeeType ?? "Technician" }),
    fake: (_ctx, i) => ({ name: `Role ${i + 1}`, employeeType: i % 2 ? "Employee" : "Technician" }),
    filters: { name: { contains: "name" }, employeeType: "employeeType" },
  },
  {
    name: "tag-types",
    label: "Tag type",
    firstId: 501,
    build: (_store, f) => ({
      name: f.name ?? "VIP",
      color: f.color ?? "#1E88E5",
      code:
        f.code ??
        String(f.name ?? "VIP")
          .slice(0, 3)
          .toUpperCase(),
      importance: f.importance ?? "Medium",
      isConversionOpportunity: f.isConversionOpportunity ?? false,
      allowToUseOnTimesheetActivity: false,
    }),
    fake: (_ctx, i) => ({ name: `Tag ${i + 1}` }),
  },
  {
    name: "payment-types",
    label: "Payment type",
    firstId: 601,
    build: (_store, f) => ({ name: f.name ?? "Check" }),
    fake: (_ctx, i) => ({ name: `Payment type ${i + 1}` }),
  },
  {
    name: "technicians",
    label: "Technician",
    firstId: 1001,
    build: (_store, f, id) => {
      const name = f.name ?? personName(id);
      const login = name.toLowerCase().replace(/[^a-z]+/g, ".");
      const home = address(id);
      return {
        userId: f.userId ?? id + 6000,
        name,
        roleIds: f.roleIds ?? [],
        businessUnitId: f.businessUnitId ?? null,
        mainZoneId: null,
        zoneIds: [],
        email: f.email ?? `${login}@sandbox-hvac.example`,
        phoneNumber: f.phoneNumber ?? phoneNumber(id),
        loginName: f.loginName ?? login,
        home: f.home ?? {
          street: home.street,
          unit: null,
          country: home.country,
          city: home.city,
          state: home.state,
          zip: home.zip,
          streetAddress: home.street,
          latitude: home.latitude,
          longitude: home.longitude,
        },
        dailyGoal: f.dailyGoal ?? 1500,
        isManagedTech: f.isManagedTech ?? true,
        customFields: [],
        aadUserId: null,
        burdenRate: f.burdenRate ?? 28.5,
        team: f.team ?? null,
        jobFilter: null,
        permissions: [],
        accountLocked: false,
      };
    },
    fake: (ctx, i) => ({ businessUnitId: ref(ctx, "business-units", i) || null }),
    filters: { name: { contains: "name" }, userIds: { in: "userId" } },
  },
  {
    name: "customers",
    label: "Customer",
    firstId: 2001,
    build: (_store, f, id) => ({
      name: f.name ?? personName(id),
      type: f.type ?? "Residential",
      address: f.address ?? address(id),
      customFields: f.customFields ?? [],
      balance: f.balance ?? 0,
      tagTypeIds: f.tagTypeIds ?? [],
      doNotMail: f.doNotMail ?? false,
      doNotService: f.doNotService ?? false,
      createdById: f.createdById ?? 1,
      externalData: f.externalData ?? [],
    }),
    fake: (_ctx, i) => (i % 10 === 9 ? { name: `${pick(COMPANIES, i)} #${i}`, type: "Commercial" } : {}),
    filters: {
      name: { contains: "name" },
      ...addressFilters,
      phone: (r, v, store) =>
        (store.collection("customer-contacts").groupBy("customerId").get(r.id) || []).some(
          (c) => c.active && String(c.value).replace(/\D/g, "") === String(v).replace(/\D/g, ""),
        ),
    },
  },
  {
    name: "locations",
    label: "Location",
    firstId: 3001,
    build: (store, f, id) => ({
      customerId: f.customerId ?? 0,
      name: f.name ?? (get(store, "customers", f.customerId)?.name as string) ?? `Location ${id}`,
      address: f.address ?? get(store, "customers", f.customerId)?.address ?? address(id),
      customFields: f.customFields ?? [],
      createdById: f.createdById ?? 1,
      tagTypeIds: f.tagTypeIds ?? [],
      externalData: f.externalData ?? [],
    }),
    fake: (ctx, i) => ({ customerId: ref(ctx, "customers", i), name: `Service address ${i + 1}`, address: address(i + 17) }),
    filters: { name: { contains: "name" }, customerId: "customerId", ...addressFilters },
  },
  contacts("customer-contacts", { key: "customerId", collection: "customers" }, 4001, "MobilePhone"),
  contacts("location-contacts", { key: "locationId", collection: "locations" }, 5001, "Phone"),
  {
    name: "jobs",
    label: "Job",
    firstId: 10001,
    build: (_store, f, id) => ({
      jobNumber: f.jobNumber ?? String(id),
      projectId: f.projectId ?? null,
      customerId: f.customerId ?? 0,
      locationId: f.locationId ?? 0,
      jobStatus: f.jobStatus ?? "Scheduled",
      completedOn: f.completedOn ?? null,
      businessUnitId: f.businessUnitId ?? 0,
      jobTypeId: f.jobTypeId ?? 0,
      priority: f.priority ?? "Normal",
      campaignId: f.campaignId ?? 0,
      summary: f.summary ?? null,
      customFields: f.customFields ?? [],
      appointmentCount: f.appointmentCount ?? 0,
      firstAppointmentId: f.firstAppointmentId ?? 0,
      lastAppointmentId: f.lastAppointmentId ?? 0,
      recallForId: f.recallForId ?? null,
      warrantyId: f.warrantyId ?? null,
      jobGeneratedLeadSource: f.jobGeneratedLeadSource ?? null,
      noCharge: f.noCharge ?? false,
      notificationsEnabled: f.notificationsEnabled ?? true,
      createdById: f.createdById ?? 1,
      tagTypeIds: f.tagTypeIds ?? [],
      leadCallId: null,
      bookingId: f.bookingId ?? null,
      soldById: f.soldById ?? null,
      externalData: f.externalData ?? [],
      customerPo: f.customerPo ?? "",
      invoiceId: f.invoiceId ?? 0,
      membershipId: null,
      total: f.total ?? 0,
    }),
    fake: (ctx, i) => {
      const locationId = ref(ctx, "locations", i);
      const location = ctx.store.collection("locations").get(locationId);
      return {
        customerId: location?.customerId ?? ref(ctx, "customers", i),
        locationId,
        businessUnitId: ref(ctx, "business-units", i),
        jobTypeId: ref(ctx, "job-types", i),
        campaignId: 1 + (i % 5),
        jobStatus: i % 7 === 0 ? "Canceled" : i % 3 === 0 ? "Scheduled" : "Completed",
        priority: pick(["Normal", "Normal", "High", "Low", "Urgent"], i),
        summary: `${pick(["No cooling", "Annual maintenance", "Water heater leak", "Thermostat not responding", "Strange noise"], i)}.`,
        total: (i % 40) * 25.5,
      };
    },
    filters: {
      number: "jobNumber",
      projectId: "projectId",
      bookingId: "bookingId",
      jobStatus: "jobStatus",
      priority: "priority",
      customerId: "customerId",
      locationId: "locationId",
      soldById: "soldById",
      jobTypeId: "jobTypeId",
      campaignId: "campaignId",
      businessUnitId: "businessUnitId",
      invoiceId: "invoiceId",
      completedOnOrAfter: { from: "completedOn" },
      completedBefore: { before: "completedOn" },
      tagTypeIds: { any: "tagTypeIds" },
      technicianId: (r, v, store) =>
        (store.collection("appointment-assignments").groupBy("jobId").get(r.id) || []).some((a) => a.active && a.technicianId === v),
      appointmentStatus: (r, v, store) =>
        (store.collection("appointments").groupBy("jobId").get(r.id) || []).some((a) => a.active && a.status === v),
    },
  },
  {
    name: "appointments",
    label: "Appointment",
    firstId: 20001,
    softDelete: true,
    build: (store, f, id) => {
      const job = get(store, "jobs", f.jobId);
      const start = f.start ?? store.now();
      return {
        jobId: f.jobId ?? 0,
        appointmentNumber: f.appointmentNumber ?? (job ? `${job.jobNumber}-${job.appointmentCount + 1}` : String(id)),
        start,
        end: f.end ?? new Date(Date.parse(start) + 2 * 3_600_000).toISOString(),
        arrivalWindowStart: f.arrivalWindowStart ?? null,
        arrivalWindowEnd: f.arrivalWindowEnd ?? null,
        status: f.status ?? "Scheduled",
        specialInstructions: f.specialInstructions ?? null,
        customerId: f.customerId ?? job?.customerId ?? 0,
        unused: f.unused ?? false,
        createdById: f.createdById ?? 1,
        isConfirmed: f.isConfirmed ?? false,
      };
    },
    fake: (ctx, i) => {
      const start = new Date(Date.UTC(2025, 0, 6 + (i % 300), 15 + (i % 4) * 2)).toISOString();
      return { jobId: ref(ctx, "jobs", i), start, status: i % 3 ? "Done" : "Scheduled" };
    },
    filters: {
      jobId: "jobId",
      number: "appointmentNumber",
      status: "status",
      customerId: "customerId",
      unused: "unused",
      startsOnOrAfter: { from: "start" },
      startsBefore: { before: "start" },
      projectId: (r, v, store) => get(store, "jobs", r.jobId)?.projectId === v,
      technicianId: (r, v, store) =>
        (store.collection("appointment-assignments").groupBy("appointmentId").get(r.id) || []).some(
          (a) => a.active && a.technicianId === v,
        ),
    },
  },
  {
    name: "appointment-assignments",
    label: "Appointment assignment",
    firstId: 30001,
    build: (store, f) => {
      const appointment = get(store, "appointments", f.appointmentId);
      return {
        technicianId: f.technicianId ?? 0,
        technicianName: f.technicianName ?? (get(store, "technicians", f.technicianId)?.name as string) ?? "",
        assignedById: f.assignedById ?? 1,
        assignedOn: f.assignedOn ?? store.now(),
        status: f.status ?? (appointment?.status === "Done" ? "Done" : "Scheduled"),
        isPaused: false,
        jobId: f.jobId ?? appointment?.jobId ?? 0,
        appointmentId: f.appointmentId ?? 0,
      };
    },
    fake: (ctx, i) => ({ appointmentId: ref(ctx, "appointments", i), technicianId: ref(ctx, "technicians", i) }),
    filters: { appointmentIds: { in: "appointmentId" }, jobId: "jobId" },
  },
  {
    name: "projects",
    label: "Project",
    firstId: 40001,
    build: (store, f, id) => {
      const location = get(store, "locations", f.locationId);
      return {
        number: f.number ?? String(id),
        name: f.name ?? null,
        summary: f.summary ?? null,
        status: f.status ?? null,
        statusId: f.statusId ?? null,
        subStatus: f.subStatus ?? null,
        subStatusId: f.subStatusId ?? null,
        customerId: f.customerId ?? location?.customerId ?? 0,
        locationId: f.locationId ?? 0,
        projectTypeId: f.projectTypeId ?? null,
        projectManagerIds: f.projectManagerIds ?? [],
        businessUnitIds: f.businessUnitIds ?? [],
        startDate: f.startDate ?? null,
        targetCompletionDate: f.targetCompletionDate ?? null,
        actualCompletionDate: f.actualCompletionDate ?? null,
        customFields: f.customFields ?? [],
        externalData: f.externalData ?? [],
        jobIds: f.jobIds ?? [],
      };
    },
    fake: (ctx, i) => {
      const locationId = ref(ctx, "locations", i);
      return { locationId, name: `Project ${i + 1}`, statusId: 1 + (i % 3), status: pick(["Not Started", "In Progress", "Completed"], i) };
    },
    filters: {
      customerId: "customerId",
      locationId: "locationId",
      projectTypeId: "projectTypeId",
      status: (r, v) =>
        String(v)
          .split(",")
          .some((s) => (s === "None" ? r.status == null : String(r.status).toLowerCase() === s.toLowerCase())),
      jobId: (r, v) => r.jobIds.includes(v),
      projectManagerIds: { any: "projectManagerIds" },
      businessUnitIds: { any: "businessUnitIds" },
      startsOnOrAfter: { from: "startDate" },
      startsBefore: { before: "startDate" },
      completedOnOrAfter: { from: "actualCompletionDate" },
      completedBefore: { before: "actualCompletionDate" },
      targetCompletionDateOnOrAfter: { from: "targetCompletionDate" },
      targetCompletionDateBefore: { before: "targetCompletionDate" },
    },
  },
  {
    name: "invoices",
    label: "Invoice",
    firstId: 50001,
    inputs: ["jobId", "customerId", "locationId", "businessUnitId"],
    build: (store, f, id) => {
      const job = get(store, "jobs", f.jobId);
      const customerId = f.customerId ?? job?.customerId;
      const locationId = f.locationId ?? job?.locationId;
      const customer = get(store, "customers", customerId);
      const location = get(store, "locations", locationId);
      const invoiceDate = f.invoiceDate ?? store.now();
      const plainAddress = (a?: Fields) =>
        a
          ? {
              street: a.street ?? null,
              unit: a.unit ?? null,
              city: a.city ?? null,
              state: a.state ?? null,
              zip: a.zip ?? null,
              country: a.country ?? null,
            }
          : null;
      return {
        syncStatus: f.syncStatus ?? "Pending",
        summary: f.summary ?? job?.summary ?? null,
        referenceNumber: f.referenceNumber ?? String(id),
        invoiceDate,
        dueDate: f.dueDate ?? addDays(invoiceDate, 30),
        subTotal: f.subTotal ?? "0.00",
        salesTax: f.salesTax ?? "0.00",
        salesTaxCode: f.salesTaxCode ?? null,
        total: f.total ?? "0.00",
        balance: f.balance ?? "0.00",
        invoiceType: f.invoiceType ?? null,
        customer: f.customer ?? idName(store, "customers", customerId),
        customerAddress: f.customerAddress ?? plainAddress(customer?.address),
        location: f.location ?? idName(store, "locations", locationId),
        locationAddress: f.locationAddress ?? plainAddress(location?.address),
        businessUnit: f.businessUnit ?? idName(store, "business-units", f.businessUnitId ?? job?.businessUnitId),
        termName: f.termName ?? "Due Upon Receipt",
        createdBy: f.createdBy ?? "sandbox",
        batch: null,
        depositedOn: null,
        adjustmentToId: f.adjustmentToId ?? null,
        job:
          f.job ??
          (job ? { id: job.id, number: job.jobNumber, type: (get(store, "job-types", job.jobTypeId)?.name as string) ?? null } : null),
        projectId: f.projectId ?? job?.projectId ?? null,
        royalty: f.royalty ?? { status: "Pending", date: null, sentOn: null, memo: null },
        employeeInfo: null,
        commissionEligibilityDate: null,
        sentStatus: f.sentStatus ?? "NotSent",
        reviewStatus: f.reviewStatus ?? "NeedsReview",
        assignedTo: f.assignedTo ?? null,
        customFields: f.customFields ?? [],
        discountTotal: f.discountTotal ?? "0.00",
        importId: null,
        exportId: f.exportId ?? null,
        materialSkuId: null,
        membershipId: null,
        paidOn: f.paidOn ?? null,
      };
    },
    fake: (ctx, i) => {
      const subTotal = 89 + (i % 30) * 17.5;
      const tax = subTotal * 0.086;
      return {
        jobId: ref(ctx, "jobs", i) || undefined,
        customerId: ref(ctx, "customers", i) || undefined,
        subTotal: money(subTotal),
        salesTax: money(tax),
        total: money(subTotal + tax),
        balance: i % 4 ? "0.00" : money(subTotal + tax),
      };
    },
    filters: {
      jobId: "job.id",
      jobNumber: "job.number",
      businessUnitId: "businessUnit.id",
      customerId: "customer.id",
      adjustmentToId: "adjustmentToId",
      number: "referenceNumber",
      statuses: { in: "syncStatus" },
      reviewStatuses: { in: "reviewStatus" },
      assignedToIds: { in: "assignedTo.id" },
      batchId: "batch.id",
      invoicedOnOrAfter: { from: "invoiceDate" },
      invoicedOnBefore: { before: "invoiceDate" },
      dueDateOnOrAfter: { from: "dueDate" },
      dueDateBefore: { before: "dueDate" },
      totalGreater: { above: "total" },
      totalLess: { below: "total" },
    },
  },
  {
    name: "invoice-items",
    label: "Invoice item",
    firstId: 60001,
    inputs: ["unitPrice", "unitCost"],
    softDelete: true,
    build: (store, f) => {
      const invoice = get(store, "invoices", f.invoiceId);
      const quantity = Number(f.quantity ?? 1);
      const unitPrice = Number(f.unitPrice ?? f.price ?? 0);
      const unitCost = Number(f.unitCost ?? f.cost ?? 0);
      return {
        invoiceId: f.invoiceId ?? 0,
        description: f.description ?? f.skuName ?? "Service",
        quantity: money(quantity),
        cost: money(unitCost),
        totalCost: money(unitCost * quantity),
        inventoryLocation: null,
        price: money(unitPrice),
        type: f.type ?? "Service",
        skuName: f.skuName ?? null,
        skuId: f.skuId ?? 0,
        total: money(unitPrice * quantity),
        inventory: false,
        taxable: f.taxable ?? true,
        generalLedgerAccount: null,
        costOfSaleAccount: null,
        assetAccount: null,
        membershipTypeId: 0,
        itemGroup: null,
        displayName: f.displayName ?? f.skuName ?? null,
        soldHours: null,
        serviceDate: f.serviceDate ?? invoice?.invoiceDate ?? null,
        order: f.order ?? 1,
        businessUnit: f.businessUnit ?? invoice?.businessUnit ?? null,
        createdById: 1,
        displayInAmount: true,
        importId: null,
        exportId: null,
        inventoryStatus: null,
        addOn: f.addOn ?? false,
        memberPrice: null,
        technicianId: f.technicianId ?? null,
        installedEquipmentId: null,
      };
    },
    fake: (ctx, i) => {
      const [skuName, price] = pick(SKUS, i);
      return { invoiceId: ref(ctx, "invoices", i), skuName, skuId: 700 + (i % SKUS.length), unitPrice: price, quantity: 1 + (i % 3) };
    },
    filters: { invoiceId: "invoiceId" },
  },
  {
    name: "payments",
    label: "Payment",
    firstId: 70001,
    build: (store, f, id) => {
      const splits: { invoiceId: number | null; amount: number | null }[] = f.splits ?? [];
      const paidOn = f.paidOn ?? store.now();
      const firstInvoice = get(store, "invoices", splits[0]?.invoiceId);
      const total = splits.reduce((sum, s) => sum + Number(s.amount ?? 0), 0);
      return {
        // The write endpoints speak typeId (int)/splits/status; the list shape has typeId as a string.
        paymentTypeId: f.paymentTypeId ?? f.typeId ?? 0,
        splits,
        status: f.status ?? "Posted",
        transactionStatus: f.transactionStatus ?? "Success",
        paidOn,
        syncStatus: f.syncStatus ?? "Pending",
        referenceNumber: f.referenceNumber ?? String(id),
        date: paidOn,
        type: (get(store, "payment-types", f.paymentTypeId ?? f.typeId)?.name as string) ?? null,
        typeId: String(f.paymentTypeId ?? f.typeId ?? ""),
        total: money(total),
        unappliedAmount: "0.00",
        memo: f.memo ?? null,
        customer: f.customer ?? firstInvoice?.customer ?? null,
        businessUnit: f.businessUnit ?? firstInvoice?.businessUnit ?? null,
        batch: null,
        createdBy: "sandbox",
        generalLedgerAccount: null,
        appliedTo: splits
          .filter((s) => s.invoiceId)
          .map((s, n) => ({
            appliedId: id * 10 + n,
            appliedTo: s.invoiceId as number,
            appliedAmount: money(Number(s.amount ?? 0)),
            appliedOn: paidOn,
            appliedBy: "sandbox",
            appliedToReferenceNumber: (get(store, "invoices", s.invoiceId)?.referenceNumber as string) ?? null,
          })),
        customFields: f.customFields ?? [],
        authCode: f.authCode ?? null,
        checkNumber: f.checkNumber ?? null,
        exportId: f.exportId ?? null,
      };
    },
    fake: (ctx, i) => ({
      paymentTypeId: ref(ctx, "payment-types", i),
      splits: [{ invoiceId: ref(ctx, "invoices", i) || null, amount: 89 + (i % 30) * 17.5 }],
    }),
    filters: {
      appliedToInvoiceIds: (r, v) => {
        const ids = new Set(String(v).split(",").map(Number));
        return r.appliedTo.some((a: Fields) => ids.has(a.appliedTo));
      },
      appliedToReferenceNumber: (r, v) => r.appliedTo.some((a: Fields) => a.appliedToReferenceNumber === v),
      customerId: "customer.id",
      businessUnitIds: { in: "businessUnit.id" },
      statuses: { in: "status" },
      paidOnAfter: { from: "paidOn" },
      paidOnBefore: { before: "paidOn" },
      totalGreater: { above: "total" },
      totalLess: { below: "total" },
    },
  },
  {
    name: "bookings",
    label: "Booking",
    firstId: 80001,
    build: (store, f, id) => ({
      bookingProviderId: f.bookingProviderId ?? 0,
      source: f.source ?? "Website",
      name: f.name ?? personName(id),
      address: f.address ?? bookingAddress(id),
      customerType: f.customerType ?? "Residential",
      start: f.start ?? store.now(),
      summary: f.summary ?? "",
      campaignId: f.campaignId,
      businessUnitId: f.businessUnitId,
      isFirstTimeClient: f.isFirstTimeClient ?? true,
      uploadedImages: f.uploadedImages ?? [],
      isSendConfirmationEmail: f.isSendConfirmationEmail ?? false,
      status: f.status ?? "New",
      externalId: f.externalId ?? `ext-${id}`,
      priority: f.priority ?? "Normal",
      jobTypeId: f.jobTypeId,
      contacts: f.contacts ?? [],
    }),
    fake: (_ctx, i) => ({ bookingProviderId: 7, externalId: `bulk-${i + 1}`, summary: "Requested a maintenance visit." }),
    filters: { externalId: "externalId" },
  },
  {
    name: "installed-equipment",
    label: "Installed equipment",
    firstId: 90001,
    build: (store, f, id) => {
      const [manufacturer, model, name] = pick(EQUIPMENT, id);
      return {
        equipmentId: f.equipmentId ?? null,
        locationId: f.locationId ?? 0,
        customerId: f.customerId ?? get(store, "locations", f.locationId)?.customerId ?? 0,
        invoiceItemId: f.invoiceItemId ?? null,
        name: f.name ?? name,
        installedOn: f.installedOn ?? null,
        serialNumber: f.serialNumber ?? `SN${String(id * 7919).padStart(9, "0")}`,
        barcodeId: f.barcodeId ?? null,
        memo: f.memo ?? "",
        manufacturer: f.manufacturer ?? manufacturer,
        model: f.model ?? model,
        cost: f.cost ?? 0,
        manufacturerWarrantyStart: f.manufacturerWarrantyStart ?? null,
        manufacturerWarrantyEnd: f.manufacturerWarrantyEnd ?? null,
        serviceProviderWarrantyStart: f.serviceProviderWarrantyStart ?? null,
        serviceProviderWarrantyEnd: f.serviceProviderWarrantyEnd ?? null,
        tags: f.tags ?? [],
        actualReplacementDate: f.actualReplacementDate ?? null,
        predictedReplacementMonths: f.predictedReplacementMonths ?? null,
        predictedReplacementDate: f.predictedReplacementDate ?? null,
        customFields: f.customFields ?? [],
        attachments: f.attachments ?? [],
      };
    },
    fake: (ctx, i) => ({ locationId: ref(ctx, "locations", i), cost: 400 + (i % 20) * 150 }),
    filters: { locationIds: { in: "locationId" } },
  },
];

export const COLLECTIONS = Object.fromEntries(defs.map((d) => [d.name, d])) as Record<KnownCollection, CollectionDef>;
