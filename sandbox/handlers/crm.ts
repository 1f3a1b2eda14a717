/** crm/v2: customers, locations, their contacts, and bookings (which belong to a booking provider). */
import type { CollectionName, SandboxRecord } from "../store";
import { badRequest, notFound } from "../problem";
import {
  customAndExternalData,
  exportFeed,
  getOne,
  list,
  mustFind,
  mustRef,
  mustRefAll,
  ok,
  pickDefined,
  type Handler,
  type HandlerContext,
  type HandlerTable,
  type Json,
} from "./kit";

/** Fields customers and locations share (name, address, custom fields, tags, external data, active). */
function partyFields(ctx: HandlerContext, body: Json, current?: SandboxRecord): Record<string, unknown> {
  if (body.tagTypeIds !== undefined) mustRefAll(ctx, "tag-types", body.tagTypeIds, "tagTypeIds");
  return {
    ...pickDefined(body, ["name", "type", "address", "doNotMail", "doNotService", "active", "tagTypeIds", "taxZoneId"]),
    ...customAndExternalData(body, current),
  };
}

const CONTACT_FIELDS = ["type", "value", "memo"];

/** A customer's or location's contact from the fields of a request. */
const createContact = (ctx: HandlerContext, contacts: CollectionName, key: string, ownerId: number, fields: Json) =>
  ctx.store.create(contacts, { [key]: ownerId, ...pickDefined(fields, CONTACT_FIELDS) });

/** The contacts a created customer/location embeds, as it shows them: `{id, type, value, memo}`. */
const createEmbeddedContacts = (ctx: HandlerContext, contacts: CollectionName, key: string, ownerId: number, list: Json[] | undefined) =>
  (list ?? []).map((fields) => {
    const c = createContact(ctx, contacts, key, ownerId, fields);
    return { id: c.id, type: c.type, value: c.value, memo: c.memo };
  });

function createLocation(ctx: HandlerContext, customerId: number, body: Json) {
  const location = ctx.store.create("locations", { ...partyFields(ctx, body), customerId });
  return { ...location, contacts: createEmbeddedContacts(ctx, "location-contacts", "locationId", location.id, body.contacts) };
}

/** The contact endpoints of a parent resource (customers or locations). */
function contactHandlers(parent: CollectionName, contacts: CollectionName, key: string) {
  const owned = (ctx: HandlerContext) => {
    const parentRecord = mustFind(ctx, parent, ctx.params.id);
    const contact = mustFind(ctx, contacts, ctx.params.contactId);
    if (contact[key] !== parentRecord.id) throw notFound("Contact", ctx.params.contactId);
    return contact;
  };
  const getList: Handler = (ctx) => {
    mustFind(ctx, parent, ctx.params.id);
    return list(contacts, { scope: (c) => (r) => r[key] === c.params.id })(ctx);
  };
  const create: Handler = (ctx) => {
    mustFind(ctx, parent, ctx.params.id);
    return ok(createContact(ctx, contacts, key, ctx.params.id, ctx.body));
  };
  const update: Handler = (ctx) => {
    const contact = owned(ctx);
    const changes = pickDefined(ctx.body, CONTACT_FIELDS);
    const type = (changes.type ?? contact.type) as string;
    const value = (changes.value ?? contact.value) as string;
    ctx.store
      .collection(contacts)
      .update(contact, { ...changes, phoneSettings: { ...contact.phoneSettings, phoneNumber: /Phone/.test(type) ? value : "" } });
    return ok(contact);
  };
  const remove: Handler = (ctx) => {
    ctx.store.collection(contacts).update(owned(ctx), { active: false });
    return ok();
  };
  return { getList, create, update, remove };
}

const customerContacts = contactHandlers("customers", "customer-contacts", "customerId");
const locationContacts = contactHandlers("locations", "location-contacts", "locationId");

/** Provider-scoped booking routes only see that provider's bookings. */
const ofProvider = (ctx: HandlerContext) => (r: SandboxRecord) => r.bookingProviderId === ctx.params.booking_provider;

function bookingFields(ctx: HandlerContext, body: Json): Record<string, unknown> {
  if (body.businessUnitId !== undefined) mustRef(ctx, "business-units", body.businessUnitId, "businessUnitId");
  if (body.jobTypeId !== undefined) mustRef(ctx, "job-types", body.jobTypeId, "jobTypeId");
  return pickDefined(body, [
    "source",
    "name",
    "address",
    "contacts",
    "customerType",
    "start",
    "summary",
    "campaignId",
    "businessUnitId",
    "jobTypeId",
    "priority",
    "isFirstTimeClient",
    "uploadedImages",
    "isSendConfirmationEmail",
    "externalId",
  ]);
}

export const crm: HandlerTable = {
  // ---- customers ----
  Customers_GetList: list("customers"),
  Customers_Get: getOne("customers"),

  Customers_Create: (ctx) => {
    const { body, store } = ctx;
    if (!body.locations?.length) throw badRequest({ locations: ["A customer needs at least one location"] });
    const customer = store.create("customers", partyFields(ctx, body));
    const contacts = createEmbeddedContacts(ctx, "customer-contacts", "customerId", customer.id, body.contacts);
    const locations = body.locations.map((l: Json) => createLocation(ctx, customer.id, l));
    return ok({ ...customer, locations, contacts });
  },

  Customers_Update: (ctx) => {
    const customer = mustFind(ctx, "customers", ctx.params.id);
    ctx.store.collection("customers").update(customer, partyFields(ctx, ctx.body, customer));
    return ok(customer);
  },

  Customers_GetContactList: customerContacts.getList,
  Customers_CreateContact: customerContacts.create,
  Customers_UpdateContact: customerContacts.update,
  Customers_DeleteContact: customerContacts.remove,
  Customers_GetModifiedContactsList: list("customer-contacts"),

  // ---- locations ----
  Locations_GetList: list("locations"),
  Locations_Get: getOne("locations"),

  Locations_Create: (ctx) => {
    mustRef(ctx, "customers", ctx.body.customerId, "customerId");
    return ok(createLocation(ctx, ctx.body.customerId, ctx.body));
  },

  Locations_Update: (ctx) => {
    const location = mustFind(ctx, "locations", ctx.params.id);
    if (ctx.body.customerId !== undefined) mustRef(ctx, "customers", ctx.body.customerId, "customerId");
    const changes = { ...partyFields(ctx, ctx.body, location), ...pickDefined(ctx.body, ["customerId"]) };
    ctx.store.collection("locations").update(location, changes);
    return ok(location);
  },

  Locations_GetContactList: locationContacts.getList,
  Locations_CreateContact: locationContacts.create,
  Locations_UpdateContact: locationContacts.update,
  Locations_DeleteContact: locationContacts.remove,
  Locations_GetLocationsContactsList: list("location-contacts"),

  // ---- bookings ----
  Bookings_GetList: list("bookings"),
  Bookings_Get: getOne("bookings"),
  Bookings_GetList2: list("bookings", { scope: ofProvider }),
  Bookings_GetForProvider: getOne("bookings", { scope: ofProvider }),

  Bookings_Create: (ctx) => {
    const booking = ctx.store.create("bookings", { ...bookingFields(ctx, ctx.body), bookingProviderId: ctx.params.booking_provider });
    return ok(booking);
  },

  Bookings_Update: (ctx) => {
    const booking = mustFind(ctx, "bookings", ctx.params.id);
    if (!ofProvider(ctx)(booking)) throw notFound("Booking", ctx.params.id);
    ctx.store.collection("bookings").update(booking, bookingFields(ctx, ctx.body));
    return ok(booking);
  },

  ExportCustomers_GetCustomers: exportFeed("customers"),
  ExportLocations_Locations: exportFeed("locations"),
  ExportContacts_CustomersContacts: exportFeed("customer-contacts"),
  ExportContacts_LocationsContacts: exportFeed("location-contacts"),
  ExportBookings_Get: exportFeed("bookings"),
};
