import { DEMO_BOOKING_PROVIDER_ID, OTHER_BOOKING_PROVIDER_ID } from "../../sandbox";
import { useSandbox } from "../support";
import { actionsOn } from "../resources-a/helpers";

const guid = (id: number) => `00000000-0000-4000-8000-${String(id).padStart(12, "0")}`;
const PROVIDER = String(DEMO_BOOKING_PROVIDER_ID);

/** CRM contacts (crm v2, GUID ids) with contact methods and relationships; booking contacts, dismissal, provider tags. */
describe("CRM contacts and bookings", () => {
  const ctx = useSandbox();
  const { run, only, expectRefused, failure, picklist } = actionsOn(ctx);
  const db = () => ctx.sandbox.db;

  beforeEach(() => ctx.sandbox.resetStats());

  describe("contacts", () => {
    it("creates a contact, reads it back, lists it by name, updates and deletes it", async () => {
      const created = await run("createContact", { name: "Pat Morgan", title: "Property Manager", referenceId: "erp-77" });
      expect(only("POST", "/contacts").body).toEqual({ name: "Pat Morgan", title: "Property Manager", referenceId: "erp-77" });
      expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(await run("getContact", { id: created.id })).toMatchObject({ id: created.id, name: "Pat Morgan", isArchived: false });

      const listed = await run("listContacts", { name: "Pat", isArchived: "false" });
      expect(listed.data.map((c: { id: string }) => c.id)).toEqual([created.id]);
      expect(only("GET", "/contacts").query).toEqual({ name: "Pat", isArchived: "false" });

      await run("updateContact", { id: created.id, title: "Owner", isArchived: "true" });
      expect(only("PATCH", `/contacts/${created.id}`).body).toEqual({ title: "Owner", isArchived: true });
      expect(await run("getContact", { id: created.id })).toMatchObject({ title: "Owner", isArchived: true });

      expect(await run("deleteContact", { id: created.id })).toEqual({});
      expect((await failure("getContact", { id: created.id })).message).toMatch(/Contact .* was not found/);
    });

    it("refuses an id that is not a GUID, and an update without Is Archived (ServiceTitan requires it)", async () => {
      await expectRefused("getContact", { id: "120001" }, /Input "Contact ID": "120001" is not a GUID/);
      await expectRefused("updateContact", { id: guid(120001), name: "X" }, /Input "Is Archived": is required/);
    });
  });

  describe("contact methods", () => {
    it("adds, lists, finds, updates and deletes a contact's phone number", async () => {
      const contact = guid(120002);
      const method = await run("createContactMethod", { contactId: contact, type: "MobilePhone", value: "6025550177", memo: "Work cell" });
      expect(only("POST", `/contacts/${contact}/contact-methods`).body).toEqual({
        type: "MobilePhone",
        value: "6025550177",
        memo: "Work cell",
      });
      expect(method).toMatchObject({ contactId: contact, type: "MobilePhone", value: "6025550177" });

      const listed = await run("listContactMethods", { contactId: contact, type: "MobilePhone" });
      expect(listed.data.map((m: { id: string }) => m.id)).toContain(method.id);
      const found = await run("searchContactMethods", { value: "6025550177" });
      expect(found.data).toEqual([expect.objectContaining({ id: method.id, contactId: contact })]);

      await run("updateContactMethod", { contactId: contact, contactMethodId: method.id, memo: "Personal cell" });
      expect(only("PATCH", `/contacts/${contact}/contact-methods/${method.id}`).body).toEqual({ memo: "Personal cell" });
      await run("deleteContactMethod", { contactId: contact, contactMethodId: method.id });
      const after = await run("listContactMethods", { contactId: contact });
      expect(after.data.map((m: { id: string }) => m.id)).not.toContain(method.id);
    });

    it("refuses a type ServiceTitan does not know and a method id that is not a GUID", async () => {
      await expectRefused(
        "createContactMethod",
        { contactId: guid(120002), type: "Pager", value: "1" },
        /Input "Type": "Pager" is not one of/,
      );
      await expectRefused(
        "deleteContactMethod",
        { contactId: guid(120002), contactMethodId: "5" },
        /Input "Contact Method ID": "5" is not a GUID/,
      );
    });
  });

  describe("relationships", () => {
    it("links a contact to a location, lists the link and unlinks it", async () => {
      const contact = guid(120003);
      expect(await run("linkContact", { contactId: contact, locationId: "3005" })).toEqual({});
      only("POST", `/contacts/${contact}/relationships/3005/location`);
      const listed = await run("listContactRelationships", { contactId: contact, typeSlug: "location" });
      expect(listed.data).toEqual([expect.objectContaining({ relatedEntityId: 3005, typeSlug: "location", typeName: "Location" })]);
      expect((await failure("linkContact", { contactId: contact, locationId: "3005" })).message).toMatch(/already linked/);

      await run("unlinkContact", { contactId: contact, locationId: "3005" });
      only("DELETE", `/contacts/${contact}/relationships/3005/location`);
      expect((await run("listContactRelationships", { contactId: contact, typeSlug: "location" })).data).toEqual([]);
    });

    it("links to a customer or a booking by the input that is filled", async () => {
      await run("linkContact", { contactId: guid(120004), bookingId: "80003" });
      only("POST", `/contacts/${guid(120004)}/relationships/80003/booking`);
    });

    it("refuses no record and two records", async () => {
      await expectRefused("linkContact", { contactId: guid(120003) }, /Input "Customer ID": or Location ID or Booking ID is required/);
      await expectRefused(
        "unlinkContact",
        { contactId: guid(120003), customerId: "2001", bookingId: "80001" },
        /Input "Booking ID": cannot be combined with Customer ID/,
      );
    });
  });

  describe("booking contacts", () => {
    const booking = () => db().all("bookings", { bookingProviderId: DEMO_BOOKING_PROVIDER_ID, status: "New" })[0];

    it("creates, lists (tenant and provider routes), updates and deletes a booking's contact", async () => {
      const id = String(booking().id);
      const created = await run("createBookingContact", { bookingProvider: PROVIDER, id, type: "Email", value: "jo@example.com" });
      expect(only("POST", `/booking-provider/${PROVIDER}/bookings/${id}/contacts`).body).toEqual({
        type: "Email",
        value: "jo@example.com",
      });

      const byTenant = await run("listBookingContacts", { id });
      expect(byTenant.data.map((c: { value: string }) => c.value)).toEqual(
        expect.arrayContaining(["jo@example.com", booking().contacts[0].value]),
      );
      const byProvider = await run("listBookingContactsByProvider", { bookingProvider: PROVIDER, id });
      expect(byProvider.data).toEqual(byTenant.data);

      await run("updateBookingContact", { bookingProvider: PROVIDER, id, contactId: String(created.id), memo: "Billing" });
      expect(only("PATCH", `/booking-provider/${PROVIDER}/bookings/${id}/contacts/${created.id}`).body).toEqual({ memo: "Billing" });
      expect(db().get("booking-contacts", created.id)!.memo).toBe("Billing");

      await run("deleteBookingContact", { bookingProvider: PROVIDER, id, contactId: String(created.id) });
      expect(db().get("booking-contacts", created.id)!.active).toBe(false);
    });

    it("keeps another provider's booking out of reach", async () => {
      const other = db().all("bookings", { bookingProviderId: OTHER_BOOKING_PROVIDER_ID })[0];
      const error = await failure("createBookingContact", { bookingProvider: PROVIDER, id: String(other.id), type: "Phone", value: "1" });
      expect(error.message).toMatch(new RegExp(`Booking ${other.id} of booking provider ${PROVIDER} was not found`));
    });

    it("a booking created with contacts lists them", async () => {
      const created = await run("createBookingByProvider", {
        bookingProvider: PROVIDER,
        source: "Website",
        name: "Lee Park",
        summary: "No heat",
        isFirstTimeClient: "true",
        externalId: "web-9001",
        contacts: '[{ "type": "MobilePhone", "value": "6025550123" }]',
      });
      const listed = await run("listBookingContacts", { id: String(created.id) });
      expect(listed.data).toEqual([expect.objectContaining({ type: "MobilePhone", value: "6025550123" })]);
    });

    it("dismisses a booking with a reason and a memo (a second time is a conflict)", async () => {
      const id = String(booking().id);
      await run("dismissBooking", { bookingProvider: PROVIDER, id, callReasonId: "192005", dismissingMemo: "Duplicate request" });
      expect(only("POST", `/booking-provider/${PROVIDER}/bookings/${id}/dismiss`).body).toEqual({
        callReasonId: 192005,
        dismissingMemo: "Duplicate request",
      });
      expect(db().get("bookings", Number(id))).toMatchObject({ status: "Dismissed", dismissingReasonId: 192005 });
      expect((await run("getBookingByTenant", { id })).status).toBe("Dismissed");
      expect((await failure("dismissBooking", { bookingProvider: PROVIDER, id })).message).toMatch(/cannot be dismissed/);
    });

    it("refuses a missing provider and a text contact id", async () => {
      await expectRefused("dismissBooking", { id: "80004" }, /Input "Booking Provider ID": is required/);
      await expectRefused(
        "deleteBookingContact",
        { bookingProvider: PROVIDER, id: "80004", contactId: "first" },
        /Input "Contact ID": "first" is not a whole number/,
      );
    });
  });

  describe("booking provider tags", () => {
    it("creates, reads, lists and renames a tag", async () => {
      const tag = await run("createBookingProviderTag", { tagName: "Google Local Services", description: "Bookings from LSA" });
      expect(only("POST", "/booking-provider-tags").body).toEqual({ tagName: "Google Local Services", description: "Bookings from LSA" });
      expect(await run("getBookingProviderTag", { id: String(tag.id) })).toMatchObject({ tagName: "Google Local Services" });
      const listed = await run("listBookingProviderTags", { name: "Google" });
      expect(listed.data.map((t: { id: number }) => t.id)).toEqual([tag.id]);
      await run("updateBookingProviderTag", { id: String(tag.id), tagName: "Google LSA" });
      expect(only("PATCH", `/booking-provider-tags/${tag.id}`).body).toEqual({ tagName: "Google LSA" });
      expect(db().get("booking-provider-tags", tag.id)!.tagName).toBe("Google LSA");
    });

    it("refuses a tag without a description", async () => {
      await expectRefused("createBookingProviderTag", { tagName: "X" }, /Input "Description": is required/);
    });
  });

  describe("dropdowns", () => {
    it.each([
      ["selectContact", {}],
      ["selectContactMethod", { contactId: guid(120001) }],
      ["selectBookingContact", { id: "80001" }],
      ["selectBookingProviderTag", {}],
    ])("%s returns records with labels", async (key, params) => {
      const options = await picklist(key, params);
      expect(options.length).toBeGreaterThan(0);
      for (const option of options) expect(option.label.trim()).not.toBe("");
    });

    it("selectContact keys contacts by GUID and shows name and title", async () => {
      const options = await picklist("selectContact");
      const first = db().get("contacts", 120001)!;
      expect(options).toContainEqual({ key: guid(120001), label: `${first.name}, ${first.title} (ID: 00000000…)` });
    });
  });
});
