/**
 * crm/v2, the resources added for curated actions: leads (notes, follow-ups, dismissal, web forms), notes of customers
 * and locations, tags, preferred technicians, CRM contacts (GUID ids) with contact methods and relationships, booking
 * contacts, dismissing bookings and booking provider tags. Records are built from the spec's schemas
 * (generic.ts schemaCollection); the demo seed gives them realistic values.
 */
import type { Spec } from "../spec";
import type { SandboxRecord, Store } from "../store";
import { schemaCollection } from "../generic";
import { badRequest, conflict, notFound } from "../problem";
import { address, personName, phoneNumber, pick } from "../random";
import { crm } from "./crm";
import {
  create,
  getOne,
  list,
  mustFind,
  mustRef,
  mustRefAll,
  ok,
  pickDefined,
  setFields,
  update,
  type Handler,
  type HandlerContext,
  type Json,
  type SandboxModule,
} from "./kit";

// ---- GUID ids (crm v2 contacts): the store's integer ids shown as GUIDs -------------------------------------------

const GUID_PREFIX = "00000000-0000-4000-8000-";
export const guidOf = (id: number) => `${GUID_PREFIX}${String(id).padStart(12, "0")}`;
const idOfGuid = (guid: unknown): number | undefined => {
  const m = /^00000000-0000-4000-8000-(\d{12})$/i.exec(String(guid));
  return m ? Number(m[1]) : undefined;
};
/** The record a GUID path parameter names, or 404 with the GUID. */
function mustFindGuid(ctx: HandlerContext, name: string, label: string, guid: unknown): SandboxRecord {
  const id = idOfGuid(guid);
  const record = id === undefined ? undefined : ctx.store.collection(name).get(id);
  if (!record || !record.active) throw notFound(label, guid);
  return record;
}
const contactView = (r: SandboxRecord) => ({ ...r, id: guidOf(r.id) });
const methodView = (r: SandboxRecord) => ({ ...r, id: guidOf(r.id), contactId: guidOf(r.contactId) });
const relationshipView = (r: SandboxRecord) => ({ ...r, id: guidOf(r.id) });

// ---- leads ------------------------------------------------------------------------------------------------------

const LEAD_REFS = {
  customerId: "customers",
  locationId: "locations",
  businessUnitId: "business-units",
  jobTypeId: "job-types",
  campaignId: "campaigns",
  callReasonId: "call-reasons",
  bookingId: "bookings",
  tagTypeIds: "tag-types",
} as const;
const LEAD_FIELDS = [
  "leadCustomerName",
  "leadPhone",
  "leadEmail",
  "leadStreet",
  "leadUnit",
  "leadCity",
  "leadState",
  "leadZip",
  "leadCountry",
];

const nulls = (fields: string[]) => Object.fromEntries(fields.map((f) => [f, null]));

function checkRefs(ctx: HandlerContext, refs: Record<string, string>) {
  for (const [field, collection] of Object.entries(refs)) {
    const value = ctx.body?.[field];
    if (Array.isArray(value)) mustRefAll(ctx, collection, value, field);
    else if (value !== undefined && value !== null) mustRef(ctx, collection, value, field);
  }
}

const customerOf = (store: Store, lead: SandboxRecord) =>
  typeof lead.customerId === "number" ? store.collection("customers").get(lead.customerId) : undefined;

/** A note on a lead, customer or location. */
const addNote = (store: Store, ownerType: string, ownerId: number, text: string, pinned?: boolean) =>
  store.create("notes", { ownerType, ownerId, text, isPinned: !!pinned, createdById: 1001 });

const notesOf =
  (ownerType: string, parent: string): Handler =>
  (ctx) => {
    mustFind(ctx, parent, ctx.params.id);
    return list("notes", { scope: (c) => (r) => r.ownerType === ownerType && r.ownerId === c.params.id })(ctx);
  };

function deleteNote(ownerType: string, parent: string): Handler {
  return (ctx) => {
    mustFind(ctx, parent, ctx.params.id);
    const note = mustFind(ctx, "notes", ctx.params.noteId);
    if (note.ownerType !== ownerType || note.ownerId !== ctx.params.id) throw notFound("Note", ctx.params.noteId);
    ctx.store.collection("notes").update(note, { active: false });
    return ok();
  };
}

const leadHandlers: Record<string, Handler> = {
  Leads_GetList: list("leads"),
  Leads_Get: getOne("leads"),
  Leads_Create: (ctx) => {
    checkRefs(ctx, LEAD_REFS);
    if (ctx.body.callReasonId == null && ctx.body.followUpDate == null) {
      throw badRequest({ callReasonId: ["Either a call reason or a follow-up date is required"] });
    }
    if (ctx.body.bookingId != null) ctx.store.update("bookings", ctx.body.bookingId, { status: "Dismissed" });
    return ok(ctx.store.create("leads", ctx.body));
  },
  Leads_Update: update("leads", { refs: LEAD_REFS }),
  Leads_Dismiss: (ctx) => {
    mustRef(ctx, "call-reasons", ctx.body.dismissingReasonId, "dismissingReasonId");
    return setFields("leads", () => ({ status: "Dismissed", dismissingReasonId: ctx.body.dismissingReasonId }), {
      check: (lead) => {
        if (lead.status !== "Open") throw conflict(`Lead ${lead.id} is ${lead.status}; only open leads can be dismissed`);
      },
      answer: "none",
    })(ctx);
  },
  Leads_CreateFollowUp: (ctx) => {
    const lead = mustFind(ctx, "leads", ctx.params.id);
    if (lead.status !== "Open") throw conflict(`Lead ${lead.id} is ${lead.status}; follow-ups are for open leads`);
    ctx.store.collection("leads").update(lead, { followUpDate: ctx.body.followUpDate });
    if (ctx.body.text) addNote(ctx.store, "lead", lead.id, ctx.body.text, ctx.body.pinToTop);
    return ok({ leadId: lead.id, followUpDate: ctx.body.followUpDate, text: ctx.body.text ?? null, pinToTop: !!ctx.body.pinToTop });
  },
  Leads_GetNotes: notesOf("lead", "leads"),
  Leads_CreateNote: (ctx) => {
    const lead = mustFind(ctx, "leads", ctx.params.id);
    return ok(addNote(ctx.store, "lead", lead.id, ctx.body.text, ctx.body.pinToTop));
  },
  Leads_SubmitLeadForm: (ctx) => {
    const campaigns = ctx.store.all("campaigns", { active: true });
    const campaign = campaigns.find((c) => c.isDefaultCampaign) ?? campaigns[0];
    const a = ctx.body.address ?? {};
    const lead = ctx.store.create("leads", {
      campaignId: campaign?.id ?? 0,
      summary: ctx.body.summary ?? "",
      leadCustomerName: ctx.body.name,
      leadEmail: ctx.body.email ?? null,
      leadPhone: ctx.body.phoneNumber ?? null,
      leadStreet: a.street ?? null,
      leadUnit: a.unit ?? null,
      leadCity: a.city ?? null,
      leadState: a.state ?? null,
      leadZip: a.zip ?? null,
      leadCountry: a.country ?? null,
      captureSource: "Form",
    });
    return ok({ leadId: lead.id });
  },
};

// ---- customers and locations: notes, tags, preferred technician -------------------------------------------------

function tagHandlers(parent: string, key: string) {
  const answer = (record: SandboxRecord) => ok({ [key]: record.id, tagTypeIds: record.tagTypeIds ?? [] });
  const add: Handler = (ctx) => {
    const record = mustFind(ctx, parent, ctx.params.id);
    mustFind(ctx, "tag-types", ctx.params.tagTypeId);
    const tags = new Set<number>(record.tagTypeIds ?? []);
    tags.add(ctx.params.tagTypeId);
    ctx.store.collection(parent).update(record, { tagTypeIds: [...tags] });
    return answer(record);
  };
  const remove: Handler = (ctx) => {
    const record = mustFind(ctx, parent, ctx.params.id);
    if (!(record.tagTypeIds ?? []).includes(ctx.params.tagTypeId))
      throw notFound(`Tag on ${parent.replace(/s$/, "")} ${record.id}`, ctx.params.tagTypeId);
    ctx.store.collection(parent).update(record, { tagTypeIds: record.tagTypeIds.filter((t: number) => t !== ctx.params.tagTypeId) });
    return ok();
  };
  return { add, remove };
}
const customerTags = tagHandlers("customers", "customerId");
const locationTags = tagHandlers("locations", "locationId");

const bulkTags =
  (adding: boolean): Handler =>
  (ctx) => {
    const customers = mustRefAll(ctx, "customers", ctx.body.customerIds, "customerIds");
    const tags = mustRefAll(ctx, "tag-types", ctx.body.tagTypeIds, "tagTypeIds");
    for (const id of customers) {
      const record = ctx.store.collection("customers").get(id)!;
      const current = new Set<number>(record.tagTypeIds ?? []);
      for (const tag of tags) {
        if (adding) current.add(tag);
        else current.delete(tag);
      }
      ctx.store.collection("customers").update(record, { tagTypeIds: [...current] });
    }
    return ok();
  };

const partyHandlers: Record<string, Handler> = {
  Customers_GetNotes: notesOf("customer", "customers"),
  Customers_CreateNote: (ctx) => {
    const customer = mustFind(ctx, "customers", ctx.params.id);
    const note = addNote(ctx.store, "customer", customer.id, ctx.body.text, ctx.body.pinToTop);
    if (ctx.body.addToLocations) {
      for (const location of ctx.store.all("locations", { customerId: customer.id, active: true })) {
        addNote(ctx.store, "location", location.id, ctx.body.text, ctx.body.pinToTop);
      }
    }
    return ok(note);
  },
  Customers_DeleteNote: deleteNote("customer", "customers"),
  Locations_GetNotes: notesOf("location", "locations"),
  Locations_CreateNote: (ctx) => {
    const location = mustFind(ctx, "locations", ctx.params.id);
    const note = addNote(ctx.store, "location", location.id, ctx.body.text, ctx.body.pinToTop);
    if (ctx.body.addToCustomer) addNote(ctx.store, "customer", location.customerId, ctx.body.text, ctx.body.pinToTop);
    return ok(note);
  },
  Locations_DeleteNote: deleteNote("location", "locations"),
  Customers_CreateTag: customerTags.add,
  Customers_DeleteTag: customerTags.remove,
  Locations_CreateTag: locationTags.add,
  Locations_DeleteTag: locationTags.remove,
  BulkTags_AddTags: bulkTags(true),
  BulkTags_RemoveTags: bulkTags(false),
  Locations_GetPreferredTechnician: (ctx) => ok(mustFind(ctx, "locations", ctx.params.id).preferredTechnicianId ?? null),
  Locations_UpdatePreferredTechnician: (ctx) => {
    const location = mustFind(ctx, "locations", ctx.params.id);
    mustFind(ctx, "technicians", ctx.params.preferredTechnicianId);
    ctx.store.collection("locations").update(location, { preferredTechnicianId: ctx.params.preferredTechnicianId });
    return ok();
  },
};

// ---- CRM contacts (GUID ids), contact methods, relationships ----------------------------------------------------

const RELATED: Record<string, { collection: string; typeName: string }> = {
  customer: { collection: "customers", typeName: "Customer" },
  location: { collection: "locations", typeName: "Location" },
  booking: { collection: "bookings", typeName: "Booking" },
};
const CONTACT_FIELDS = ["name", "title", "referenceId", "isArchived"];
const METHOD_FIELDS = ["referenceId", "type", "value", "memo"];

function relationshipTarget(ctx: HandlerContext) {
  const related = RELATED[String(ctx.params.typeSlug).toLowerCase()];
  if (!related) throw badRequest({ typeSlug: [`Unknown relationship type "${ctx.params.typeSlug}"; use customer, location or booking`] });
  mustFind(ctx, related.collection, ctx.params.relatedEntityId);
  return related;
}

/** The contact method of `{contactId}/contact-methods/{contactMethodId}` (404 when it is another contact's). */
function methodOf(ctx: HandlerContext): SandboxRecord {
  const contact = mustFindGuid(ctx, "contacts", "Contact", ctx.params.contactId);
  const method = mustFindGuid(ctx, "contact-methods", "Contact method", ctx.params.contactMethodId);
  if (method.contactId !== contact.id) throw notFound("Contact method", ctx.params.contactMethodId);
  return method;
}

/** The tenant's contact preference types (Bool only, as ServiceTitan has for now), with each one's default value. */
const PREFERENCE_TYPES = [
  ["JobReminders", "Receives appointment and job reminders", "true"],
  ["MarketingUpdates", "Receives marketing updates and promotions", "false"],
  ["InvoiceNotification", "Receives invoices", "true"],
  ["StatementNotification", "Receives account statements", "true"],
].map(([name, description, value], i) => ({ id: guidOf(195001 + i), name, description, dataType: "Bool", value }));
type PreferenceType = (typeof PREFERENCE_TYPES)[number];

function preferenceType(ctx: HandlerContext): PreferenceType {
  const type = PREFERENCE_TYPES.find((t) => t.name.toLowerCase() === String(ctx.params.preferenceName).toLowerCase());
  if (!type) throw notFound("Preference", ctx.params.preferenceName);
  return type;
}
/** A method's preference: its own value once set, else the type's default. */
const preferenceView = (method: SandboxRecord, type: PreferenceType) => ({
  name: type.name,
  dataType: type.dataType,
  value: method.preferences?.[type.name] ?? type.value,
});

const contactHandlers: Record<string, Handler> = {
  Contacts_GetList: list("contacts", { view: contactView }),
  Contacts_Get: (ctx) => ok(contactView(mustFindGuid(ctx, "contacts", "Contact", ctx.params.id))),
  Contacts_Create: (ctx) => ok(contactView(ctx.store.create("contacts", { ...pickDefined(ctx.body, CONTACT_FIELDS), isArchived: false }))),
  Contacts_Update: (ctx) => {
    const contact = mustFindGuid(ctx, "contacts", "Contact", ctx.params.id);
    ctx.store.collection("contacts").update(contact, pickDefined(ctx.body, CONTACT_FIELDS));
    return ok(contactView(contact));
  },
  Contacts_Replace: (ctx) => {
    const contact = mustFindGuid(ctx, "contacts", "Contact", ctx.params.id);
    ctx.store
      .collection("contacts")
      .update(contact, { ...nulls(["name", "title", "referenceId"]), ...pickDefined(ctx.body, CONTACT_FIELDS) });
    return ok(contactView(contact));
  },
  Contacts_DeleteContact: (ctx) => {
    const contact = mustFindGuid(ctx, "contacts", "Contact", ctx.params.id);
    ctx.store.collection("contacts").update(contact, { active: false });
    for (const name of ["contact-methods", "contact-relationships"]) {
      for (const r of ctx.store.all(name, { contactId: contact.id, active: true })) ctx.store.update(name, r.id, { active: false });
    }
    return ok();
  },
  ContactMethods_GetContactMethods: (ctx) => {
    const contact = mustFindGuid(ctx, "contacts", "Contact", ctx.params.contactId);
    return list("contact-methods", { scope: () => (r) => r.contactId === contact.id, view: methodView })(ctx);
  },
  Contacts_SearchContactMethods: list("contact-methods", { view: methodView }),
  ContactMethods_GetContactMethod: (ctx) => {
    const contact = mustFindGuid(ctx, "contacts", "Contact", ctx.params.contactId);
    const method = mustFindGuid(ctx, "contact-methods", "Contact method", ctx.params.contactMethodId);
    if (method.contactId !== contact.id) throw notFound("Contact method", ctx.params.contactMethodId);
    return ok(methodView(method));
  },
  ContactMethods_CreateContactMethod: (ctx) => {
    const contact = mustFindGuid(ctx, "contacts", "Contact", ctx.params.contactId);
    return ok(methodView(ctx.store.create("contact-methods", { ...pickDefined(ctx.body, METHOD_FIELDS), contactId: contact.id })));
  },
  ContactMethods_UpdateContactMethod: (ctx) => {
    const contact = mustFindGuid(ctx, "contacts", "Contact", ctx.params.contactId);
    const method = mustFindGuid(ctx, "contact-methods", "Contact method", ctx.params.contactMethodId);
    if (method.contactId !== contact.id) throw notFound("Contact method", ctx.params.contactMethodId);
    ctx.store.collection("contact-methods").update(method, pickDefined(ctx.body, ["value", "memo"]));
    return ok(methodView(method));
  },
  ContactMethods_UpsertContactMethod: (ctx) => {
    // A replace: fields not given are cleared. (ServiceTitan may create a method under a new GUID; the sandbox's GUIDs
    // stand for its integer ids, so an unknown one is 404 here.)
    const method = methodOf(ctx);
    ctx.store.collection("contact-methods").update(method, { ...nulls(["referenceId", "memo"]), ...pickDefined(ctx.body, METHOD_FIELDS) });
    return ok(methodView(method));
  },
  Contacts_GetPreferenceMetadataList: () => ok(PREFERENCE_TYPES.map(({ value: _value, ...type }) => type)),
  ContactPreferences_GetContactMethodPreferences: (ctx) => {
    const method = methodOf(ctx);
    return ok(PREFERENCE_TYPES.map((type) => preferenceView(method, type)));
  },
  ContactPreferences_GetContactMethodPreference: (ctx) => {
    const method = methodOf(ctx);
    return ok(preferenceView(method, preferenceType(ctx)));
  },
  ContactPreferences_UpdateContactMethodPreference: (ctx) => {
    const method = methodOf(ctx);
    const type = preferenceType(ctx);
    const value = String(ctx.body.value ?? "").toLowerCase();
    if (type.dataType === "Bool" && value !== "true" && value !== "false") {
      throw badRequest({ value: [`Preference ${type.name} is a Bool: its value must be true or false, not "${ctx.body.value ?? ""}"`] });
    }
    ctx.store.collection("contact-methods").update(method, { preferences: { ...method.preferences, [type.name]: value } });
    return ok(preferenceView(method, type));
  },
  ContactMethods_DeleteContactMethod: (ctx) => {
    const contact = mustFindGuid(ctx, "contacts", "Contact", ctx.params.contactId);
    const method = mustFindGuid(ctx, "contact-methods", "Contact method", ctx.params.contactMethodId);
    if (method.contactId !== contact.id) throw notFound("Contact method", ctx.params.contactMethodId);
    ctx.store.collection("contact-methods").update(method, { active: false });
    return ok();
  },
  Contacts_GetContactRelationshipList: (ctx) => {
    const contact = mustFindGuid(ctx, "contacts", "Contact", ctx.params.contactId);
    return list("contact-relationships", { scope: () => (r) => r.contactId === contact.id, view: relationshipView })(ctx);
  },
  // The contacts linked to one customer, location or booking (by that record's id, whatever its type).
  Contacts_GetByRelationshipId: list("contacts", {
    scope: (ctx) => {
      const linked = new Set(
        ctx.store
          .all("contact-relationships", { relatedEntityId: ctx.params.relationshipId })
          .filter((r) => r.active)
          .map((r) => r.contactId),
      );
      return (contact) => linked.has(contact.id);
    },
    view: contactView,
  }),
  Contacts_CreateContactRelationship: (ctx) => {
    const contact = mustFindGuid(ctx, "contacts", "Contact", ctx.params.contactId);
    const related = relationshipTarget(ctx);
    const slug = String(ctx.params.typeSlug).toLowerCase();
    const existing = ctx.store
      .all("contact-relationships", { contactId: contact.id, relatedEntityId: ctx.params.relatedEntityId, typeSlug: slug })
      .find((r) => r.active);
    if (existing) throw conflict(`Contact ${ctx.params.contactId} is already linked to ${slug} ${ctx.params.relatedEntityId}`);
    ctx.store.create("contact-relationships", {
      contactId: contact.id,
      relatedEntityId: ctx.params.relatedEntityId,
      typeSlug: slug,
      typeName: related.typeName,
      createdBy: 1,
    });
    return ok();
  },
  Contacts_DeleteContactRelationship: (ctx) => {
    const contact = mustFindGuid(ctx, "contacts", "Contact", ctx.params.contactId);
    relationshipTarget(ctx);
    const slug = String(ctx.params.typeSlug).toLowerCase();
    const existing = ctx.store
      .all("contact-relationships", { contactId: contact.id, relatedEntityId: ctx.params.relatedEntityId, typeSlug: slug })
      .find((r) => r.active);
    if (!existing) throw notFound(`Relationship of contact ${ctx.params.contactId} with ${slug}`, ctx.params.relatedEntityId);
    ctx.store.update("contact-relationships", existing.id, { active: false });
    return ok();
  },
};

// ---- bookings: contacts, dismissal, provider tags ---------------------------------------------------------------

/** The booking of a provider-scoped route (404 for another provider's booking). */
function providerBooking(ctx: HandlerContext): SandboxRecord {
  const booking = mustFind(ctx, "bookings", ctx.params.id);
  if (booking.bookingProviderId !== Number(ctx.params.booking_provider)) throw notFound("Booking", ctx.params.id);
  return booking;
}
function bookingContact(ctx: HandlerContext): SandboxRecord {
  const booking = providerBooking(ctx);
  const contact = mustFind(ctx, "booking-contacts", ctx.params.contactId);
  if (contact.bookingId !== booking.id) throw notFound("Contact", ctx.params.contactId);
  return contact;
}
const contactsOfBooking =
  (booking: () => (ctx: HandlerContext) => SandboxRecord): Handler =>
  (ctx) => {
    const record = booking()(ctx);
    return list("booking-contacts", { scope: () => (r) => r.bookingId === record.id })(ctx);
  };
const addBookingContacts = (store: Store, bookingId: number, contacts: Json[] | undefined) => {
  for (const c of contacts ?? []) store.create("booking-contacts", { bookingId, type: c.type, value: c.value, memo: c.memo ?? "" });
};

const bookingHandlers: Record<string, Handler> = {
  // A booking's contacts given on create are its first booking contacts.
  Bookings_Create: async (ctx) => {
    const result = await crm.Bookings_Create(ctx);
    addBookingContacts(ctx.store, (result.body as SandboxRecord).id, ctx.body.contacts);
    return result;
  },
  Bookings_GetContactList: contactsOfBooking(() => (ctx) => mustFind(ctx, "bookings", ctx.params.id)),
  Bookings_GetContactList2: contactsOfBooking(() => providerBooking),
  Bookings_CreateContact: (ctx) => {
    const booking = providerBooking(ctx);
    return ok(
      ctx.store.create("booking-contacts", {
        bookingId: booking.id,
        ...pickDefined(ctx.body, ["type", "value"]),
        memo: ctx.body.memo ?? "",
      }),
    );
  },
  Bookings_UpdateBookingContact: (ctx) => {
    const contact = bookingContact(ctx);
    ctx.store.collection("booking-contacts").update(contact, pickDefined(ctx.body, ["type", "value", "memo"]));
    return ok(contact);
  },
  Bookings_DeleteContact: (ctx) => {
    ctx.store.collection("booking-contacts").update(bookingContact(ctx), { active: false });
    return ok();
  },
  Bookings_DismissBooking: (ctx) => {
    const booking = providerBooking(ctx);
    if (ctx.body.callReasonId != null) mustRef(ctx, "call-reasons", ctx.body.callReasonId, "callReasonId");
    if (booking.status !== "New" && booking.status !== "Accepted")
      throw conflict(`Booking ${booking.id} is ${booking.status}; it cannot be dismissed`);
    ctx.store.collection("bookings").update(booking, {
      status: "Dismissed",
      dismissingReasonId: ctx.body.callReasonId ?? null,
      dismissingMemo: ctx.body.dismissingMemo ?? null,
    });
    return ok();
  },
  BookingProviderTags_GetList: list("booking-provider-tags"),
  BookingProviderTags_Get: getOne("booking-provider-tags"),
  BookingProviderTags_Create: (ctx) => {
    if (ctx.store.all("booking-provider-tags").some((t) => t.tagName === ctx.body.tagName)) {
      throw conflict(`A booking provider tag named "${ctx.body.tagName}" already exists`);
    }
    return create("booking-provider-tags")(ctx);
  },
  BookingProviderTags_Update: update("booking-provider-tags"),
};

// ---- collections and seed ---------------------------------------------------------------------------------------

const collections = (spec: Spec) => [
  schemaCollection(spec, {
    name: "leads",
    label: "Lead",
    firstId: 100001,
    record: "crm/Leads_Get",
    defaults: () => ({
      status: "Open",
      priority: "Normal",
      createdById: 1001,
      tagTypeIds: [],
      captureSource: null,
      leadUrl: null,
      ...nulls([
        "customerId",
        "locationId",
        "businessUnitId",
        "jobTypeId",
        "followUpDate",
        "dismissingReasonId",
        "summary",
        "callReasonId",
      ]),
      ...nulls(["callId", "bookingId", "manualCallId", ...LEAD_FIELDS]),
    }),
    filters: {
      customerId: "customerId",
      status: "status",
      isProspect: (r, v) => (r.customerId == null) === (v === true),
      withoutCustomer: (r, v) => (r.customerId == null) === (v === true),
      customerCity: (r, v, store) => String(customerOf(store, r)?.address?.city ?? "").toLowerCase() === String(v).toLowerCase(),
      customerState: (r, v, store) => String(customerOf(store, r)?.address?.state ?? "").toLowerCase() === String(v).toLowerCase(),
      customerZip: (r, v, store) => String(customerOf(store, r)?.address?.zip ?? "") === String(v),
      leadCustomerName: { contains: "leadCustomerName" },
      leadPhone: { contains: "leadPhone" },
      isCaptureSourceForm: (r, v) => (r.captureSource === "Form") === (v === true),
    },
  }),
  schemaCollection(spec, { name: "notes", label: "Note", firstId: 110001, record: "crm/Leads_GetNotes", softDelete: true }),
  schemaCollection(spec, {
    name: "contacts",
    label: "Contact",
    firstId: 120001,
    record: "crm/Contacts_Get",
    softDelete: true,
    defaults: () => ({ referenceId: null, name: null, title: null, isArchived: false, createdBy: 1, modifiedBy: 1 }),
    filters: {
      name: { contains: "name" },
      title: { contains: "title" },
      referenceId: "referenceId",
      isArchived: (r, v) => String(r.isArchived) === String(v).toLowerCase(),
    },
  }),
  schemaCollection(spec, {
    name: "contact-methods",
    label: "Contact method",
    firstId: 130001,
    record: "crm/ContactMethods_GetContactMethod",
    softDelete: true,
    defaults: () => ({ referenceId: null, memo: null, createdBy: 1, modifiedBy: 1 }),
    filters: {
      contactId: (r, v) => r.contactId === idOfGuid(v),
      referenceId: "referenceId",
      type: "type",
      value: { contains: "value" },
    },
  }),
  schemaCollection(spec, {
    name: "contact-relationships",
    label: "Contact relationship",
    firstId: 140001,
    record: "crm/Contacts_GetContactRelationshipList",
    softDelete: true,
    filters: { relatedEntityId: "relatedEntityId", typeSlug: "typeSlug", typeName: "typeName" },
  }),
  schemaCollection(spec, {
    name: "booking-contacts",
    label: "Booking contact",
    firstId: 150001,
    record: "crm/Bookings_GetContactList",
    softDelete: true,
    defaults: () => ({ memo: "" }),
  }),
  schemaCollection(spec, {
    name: "booking-provider-tags",
    label: "Booking provider tag",
    firstId: 190001,
    record: "crm/BookingProviderTags_Get",
    defaults: () => ({ type: "V2Api" }),
    filters: { name: { contains: "tagName" } },
  }),
];

const CALL_REASON_IDS = { newQuote: 192001, repair: 192002, wrongNumber: 192005 };
const CAMPAIGN_IDS = [160001, 160002, 160003, 160004];

function seed(store: Store) {
  // Leads: open ones from calls and web forms, one dismissed, one converted; prospects without a customer too.
  const customers = store.all("customers", { active: true });
  const summaries = [
    "Wants a quote for a new AC unit",
    "Furnace short-cycling",
    "Water heater leaking",
    "Interested in a maintenance plan",
  ];
  for (let i = 0; i < 8; i++) {
    const customer = i < 5 ? customers[i * 3] : undefined;
    const location = customer && store.all("locations", { customerId: customer.id })[0];
    const prospect = customer ? {} : { leadCustomerName: personName(i + 700), leadPhone: phoneNumber(i + 700), ...leadAddress(i + 700) };
    store.create("leads", {
      customerId: customer?.id ?? null,
      locationId: location?.id ?? null,
      campaignId: CAMPAIGN_IDS[i % CAMPAIGN_IDS.length],
      businessUnitId: 101,
      jobTypeId: 201,
      summary: pick(summaries, i),
      priority: i % 3 === 0 ? "High" : "Normal",
      callReasonId: i % 2 ? CALL_REASON_IDS.newQuote : CALL_REASON_IDS.repair,
      followUpDate: new Date(Date.UTC(2025, 1, 10 + i, 16)).toISOString(),
      status: i === 6 ? "Dismissed" : i === 7 ? "Converted" : "Open",
      dismissingReasonId: i === 6 ? CALL_REASON_IDS.wrongNumber : null,
      captureSource: i === 4 || i === 5 ? "Form" : null,
      ...prospect,
    });
  }
  addNote(store, "lead", 100001, "Customer asked for a call back after 5pm.", true);
  addNote(store, "lead", 100001, "Sent a quote by email.");
  // Notes on the first customers and their locations.
  for (const customer of customers.slice(0, 3)) {
    addNote(store, "customer", customer.id, "Prefers text messages over calls.", true);
    const location = store.all("locations", { customerId: customer.id })[0];
    if (location) addNote(store, "location", location.id, "Gate code 4411; dog in the back yard.");
  }
  // A preferred technician at the first locations.
  for (const [i, location] of store.all("locations", { active: true }).slice(0, 3).entries()) {
    store.update("locations", location.id, { preferredTechnicianId: 1001 + i });
  }
  // CRM contacts: property managers and office contacts with phone/email, linked to customers and locations.
  const titles = ["Property Manager", "Office Manager", "Tenant", "Owner"];
  for (let i = 0; i < 5; i++) {
    const name = personName(i + 800);
    const contact = store.create("contacts", { name, title: pick(titles, i), referenceId: `crm-${1000 + i}`, isArchived: i === 4 });
    store.create("contact-methods", { contactId: contact.id, type: "MobilePhone", value: phoneNumber(i + 800), memo: "Cell" });
    store.create("contact-methods", {
      contactId: contact.id,
      type: "Email",
      value: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@example.com`,
      memo: null,
    });
    const customer = customers[i];
    store.create("contact-relationships", {
      contactId: contact.id,
      relatedEntityId: customer.id,
      typeSlug: "customer",
      typeName: "Customer",
      createdBy: 1,
    });
  }
  // Each booking's contacts (the bookings carry them from their creation).
  for (const booking of store.all("bookings")) addBookingContacts(store, booking.id, booking.contacts);
  // Booking provider tags.
  for (const [tagName, description] of [
    ["Online Scheduler", "Bookings from the website's scheduler"],
    ["Partner Referral", "Bookings sent by a referral partner"],
    ["Chat Widget", "Bookings from the website's chat"],
  ]) {
    store.create("booking-provider-tags", { tagName, description, type: "V2Api" });
  }
}

function leadAddress(n: number) {
  const { street, city, state, zip, country } = address(n);
  return { leadStreet: street, leadUnit: null, leadCity: city, leadState: state, leadZip: zip, leadCountry: country };
}

/** The crm module's added resources: merged into the crm module's handlers (see handlers/index.ts). */
export const crmExtra: SandboxModule = {
  handlers: { ...leadHandlers, ...partyHandlers, ...contactHandlers, ...bookingHandlers },
  collections,
  seed,
};
