import { useSandbox } from "../support";
import { actionsOn } from "../resources-a/helpers";

const guid = (id: number) => `00000000-0000-4000-8000-${String(id).padStart(12, "0")}`;

/**
 * CRM contacts (replace, contact methods, communication preferences), the contacts of many customers or locations,
 * text-message opt-outs (telecom v3) and rating a technician for a job through the older endpoint.
 */
describe("CRM contacts, preferences, opt-outs and ratings", () => {
  const ctx = useSandbox();
  const { run, only, calls, expectRefused, failure, picklist } = actionsOn(ctx);
  const db = () => ctx.sandbox.db;

  beforeEach(() => ctx.sandbox.resetStats());

  describe("contacts and contact methods", () => {
    it("replaces a contact: the fields left empty are cleared", async () => {
      const id = guid(120001);
      expect(db().get("contacts", 120001)).toMatchObject({ title: "Property Manager", referenceId: "crm-1000" });
      const replaced = await run("replaceContact", { id, name: "Avery Quinn", isArchived: false });
      expect(only("PUT", `/contacts/${id}`).body).toEqual({ name: "Avery Quinn", isArchived: false });
      expect(replaced).toMatchObject({ id, name: "Avery Quinn", title: null, referenceId: null, isArchived: false });
      expect(await run("getContact", { id })).toMatchObject({ name: "Avery Quinn", title: null });
    });

    it("reads one contact method and replaces it as a whole", async () => {
      const [contactId, contactMethodId] = [guid(120002), guid(130003)];
      const method = await run("getContactMethod", { contactId, contactMethodId });
      only("GET", `/contacts/${contactId}/contact-methods/${contactMethodId}`);
      expect(method).toMatchObject({ id: contactMethodId, contactId, type: "MobilePhone", memo: "Cell" });
      const replaced = await run("replaceContactMethod", { contactId, contactMethodId, type: "Phone", value: "6195550188" });
      expect(only("PUT", `/contacts/${contactId}/contact-methods/${contactMethodId}`).body).toEqual({ type: "Phone", value: "6195550188" });
      expect(replaced).toMatchObject({ id: contactMethodId, type: "Phone", value: "6195550188", memo: null });
      expect(await run("getContactMethod", { contactId, contactMethodId })).toMatchObject({ type: "Phone", value: "6195550188" });
      // Another contact's method is not this contact's.
      expect((await failure("getContactMethod", { contactId: guid(120001), contactMethodId })).message).toMatch(/not found/);
    });

    it("refuses a replace without its required fields and ids that are not GUIDs, naming the input", async () => {
      await expectRefused("replaceContact", { id: guid(120001), name: "x" }, /Input "Is Archived": is required/);
      await expectRefused(
        "replaceContactMethod",
        { contactId: guid(120002), contactMethodId: guid(130003), type: "Pager", value: "1" },
        /Input "Type": "Pager" is not one of/,
      );
      await expectRefused("getContactMethod", { contactId: guid(120002), contactMethodId: "5" }, /Input "Contact Method ID"/);
    });
  });

  describe("contact method preferences", () => {
    const [contactId, contactMethodId] = [guid(120003), guid(130005)];

    it("lists the preference types and offers them in a dropdown", async () => {
      const types = await run("listContactPreferenceTypes");
      only("GET", "/contacts/preferences");
      expect(types.map((t: { name: string }) => t.name)).toEqual(
        expect.arrayContaining(["JobReminders", "MarketingUpdates", "InvoiceNotification"]),
      );
      const options = await picklist("selectContactPreference");
      expect(options.length).toBe(types.length);
      for (const option of options) expect(option.label.trim()).not.toBe("");
      expect(options).toContainEqual({ key: "MarketingUpdates", label: "MarketingUpdates · Receives marketing updates and promotions" });
    });

    it("opts a phone number out of marketing updates and reads the preference back", async () => {
      const before = await run("getContactMethodPreference", { contactId, contactMethodId, preferenceName: "JobReminders" });
      only("GET", `/contacts/${contactId}/contact-methods/${contactMethodId}/preferences/JobReminders`);
      expect(before).toEqual({ name: "JobReminders", dataType: "Bool", value: "true" });
      const updated = await run("updateContactMethodPreference", {
        contactId,
        contactMethodId,
        preferenceName: "JobReminders",
        value: "false",
      });
      expect(only("PATCH", `/contacts/${contactId}/contact-methods/${contactMethodId}/preferences/JobReminders`).body).toEqual({
        value: "false",
      });
      expect(updated).toMatchObject({ name: "JobReminders", value: "false" });
      const all = await run("listContactMethodPreferences", { contactId, contactMethodId });
      only("GET", `/contacts/${contactId}/contact-methods/${contactMethodId}/preferences`);
      expect(all).toContainEqual({ name: "JobReminders", dataType: "Bool", value: "false" });
      expect(all).toContainEqual({ name: "MarketingUpdates", dataType: "Bool", value: "false" });
      // Another contact method keeps its own value.
      const other = await run("getContactMethodPreference", { contactId, contactMethodId: guid(130006), preferenceName: "JobReminders" });
      expect(other.value).toBe("true");
    });

    it("refuses a preference without a name or value before any request; the API refuses a non-Bool value", async () => {
      await expectRefused(
        "updateContactMethodPreference",
        { contactId, contactMethodId, preferenceName: "JobReminders" },
        /Input "Value": is required/,
      );
      await expectRefused("getContactMethodPreference", { contactId, contactMethodId }, /Input "Preference Name": is required/);
      const refused = await failure("updateContactMethodPreference", {
        contactId,
        contactMethodId,
        preferenceName: "JobReminders",
        value: "maybe",
      });
      expect(refused.message).toMatch(/true or false/);
      expect((await failure("getContactMethodPreference", { contactId, contactMethodId, preferenceName: "Pigeons" })).message).toMatch(
        /not found/,
      );
    });
  });

  describe("contacts of many customers and locations", () => {
    it("lists the contacts of the customers given, each with its customer", async () => {
      const page = await run("listAllCustomerContacts", { customerIds: ["2001", "2002"] });
      expect(only("GET", "/customers/contacts").query).toEqual({ customerIds: "2001,2002" });
      expect(page.data.length).toBe(4);
      expect(new Set(page.data.map((c: { customerId: number }) => c.customerId))).toEqual(new Set([2001, 2002]));
    });

    it("fetches every customer contact changed since a date, and sees a new one", async () => {
      const since = new Date(Date.now() - 60_000).toISOString();
      const created = await run("createCustomerContact", { customerId: "2003", type: "Email", value: "billing@example.com" });
      ctx.sandbox.resetStats();
      const all = await run("listAllCustomerContacts", { modifiedOnOrAfter: since, fetchAll: true });
      expect(calls("GET", "/customers/contacts")[0].query).toMatchObject({ modifiedOnOrAfter: since });
      expect(all.data).toContainEqual(expect.objectContaining({ id: created.id, customerId: 2003, value: "billing@example.com" }));
      expect(all).toMatchObject({ recordCount: all.data.length, capped: false });
    });

    it("lists the contacts of locations by id or creation date", async () => {
      const page = await run("listAllLocationContacts", { locationIds: ["3001"], createdOnOrAfter: "2000-01-01T00:00:00Z" });
      expect(only("GET", "/locations/contacts").query).toEqual({ locationIds: "3001", createdOnOrAfter: "2000-01-01T00:00:00.000Z" });
      expect(page.data.length).toBeGreaterThan(0);
      expect(page.data.every((c: { locationId: number }) => c.locationId === 3001)).toBe(true);
    });

    it("refuses a list without any filter, a range that ends before it starts and a text id", async () => {
      await expectRefused(
        "listAllCustomerContacts",
        {},
        /Input "Customer IDs": is empty, and so is every date filter \(Modified On Or After/,
      );
      await expectRefused("listAllLocationContacts", { fetchAll: true }, /Input "Location IDs": is empty, and so is every date filter/);
      await expectRefused(
        "listAllCustomerContacts",
        { modifiedOnOrAfter: "2025-03-01", modifiedBefore: "2025-02-01" },
        /Input "Modified Before": must be after Modified On Or After/,
      );
      await expectRefused(
        "listAllLocationContacts",
        { createdOnOrAfter: "2025-03-01", createdBefore: "2025-03-01" },
        /Input "Created Before": must be after Created On Or After/,
      );
      await expectRefused("listAllCustomerContacts", { customerIds: ["acme"] }, /Input "Customer IDs": "acme" is not a whole number/);
      await expectRefused("listAllLocationContacts", { modifiedOnOrAfter: "last week" }, /Input "Modified On Or After"/);
    });
  });

  describe("text-message opt-outs", () => {
    it("lists the opt-outs", async () => {
      const result = await run("listOptOuts");
      only("GET", "/optinouts/optouts");
      expect(result.data).toEqual(
        expect.arrayContaining([
          { contactNumber: "+16195550101", optOutType: "Global" },
          { contactNumber: "+16195550102", optOutType: "Marketing" },
        ]),
      );
    });

    it("adds opt-outs with the numbers' formatting dropped, and they are then listed and found", async () => {
      const added = await run("addOptOuts", {
        optOutType: "Marketing",
        contactNumbers: ["(619) 555-0144", "+1 858.555.0145", "619-555-0144", "6195550101"],
      });
      expect(only("POST", "/optinouts/optouts").body).toEqual({
        optOutType: "Marketing",
        contactNumbers: ["6195550144", "+18585550145", "6195550101"],
      });
      expect(added.data).toEqual([
        { contactNumber: "+16195550144", status: "Ok" },
        { contactNumber: "+18585550145", status: "Ok" },
        // Opted out globally already: not for marketing only.
        { contactNumber: "+16195550101", status: "LogicalError" },
      ]);
      expect((await run("listOptOuts")).data).toContainEqual({ contactNumber: "+18585550145", optOutType: "Marketing" });
      ctx.sandbox.resetStats();
      const status = await run("getOptOutStatus", { contactNumbers: "6195550144, 6195550101, 6195550999" });
      expect(only("POST", "/optinouts/optouts/getlist").body).toEqual({ contactNumbers: ["6195550144", "6195550101", "6195550999"] });
      expect(status.data).toEqual([
        { contactNumber: "+16195550144", optOutType: "Marketing" },
        { contactNumber: "+16195550101", optOutType: "Global" },
      ]);
    });

    it("refuses what is not a phone number, no number and an unknown opt-out type, naming the input", async () => {
      await expectRefused(
        "addOptOuts",
        { optOutType: "Global", contactNumbers: ["6195550144", "call me"] },
        /Input "Phone Numbers": "call me" is not a phone number/,
      );
      await expectRefused("getOptOutStatus", { contactNumbers: ["12345"] }, /Input "Phone Numbers": "12345" is not a phone number/);
      await expectRefused("getOptOutStatus", { contactNumbers: [] }, /Input "Phone Numbers": needs at least one value/);
      await expectRefused("addOptOuts", { optOutType: "Sms", contactNumbers: ["6195550144"] }, /Input "Opt-Out Type": "Sms" is not one of/);
      expect(
        db()
          .all("opt-outs")
          .map((o) => o.contactNumber),
      ).not.toContain("call me");
    });
  });

  describe("rating a technician for a job", () => {
    it("records a rating, then replaces it", async () => {
      expect(await run("rateTechnicianForJob", { technicianId: "1002", jobId: "10005", value: "9.5" })).toEqual({});
      expect(only("PUT", "/technician-rating/technician/1002/job/10005").body).toEqual({ value: 9.5 });
      await run("rateTechnicianForJob", { technicianId: "1002", jobId: "10005", value: "7" });
      const listed = await run("listTechnicianRatings", { technicianId: "1002", jobId: "10005" });
      expect(listed.data).toEqual([expect.objectContaining({ technicianId: 1002, jobId: 10005, rating: 7 })]);
    });

    it("refuses a rating out of range and text ids, naming the input; an unknown job is the API's 400", async () => {
      await expectRefused(
        "rateTechnicianForJob",
        { technicianId: "1002", jobId: "10005", value: "11" },
        /Input "Rating": 11 is out of range/,
      );
      await expectRefused("rateTechnician", { technicianId: "1002", jobId: "10005", rating: "-1" }, /Input "Rating": -1 is out of range/);
      await expectRefused(
        "rateTechnicianForJob",
        { technicianId: "1002", jobId: "J-5", value: "8" },
        /Input "Job ID": "J-5" is not a whole number/,
      );
      await expectRefused("rateTechnicianForJob", { technicianId: "1002", jobId: "10005" }, /Input "Rating": is required/);
      expect((await failure("rateTechnicianForJob", { technicianId: "1002", jobId: "99999", value: "8" })).message).toMatch(/99999/);
    });
  });
});
