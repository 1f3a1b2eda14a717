import { useSandbox } from "../support";
import { actionsOn } from "../resources-a/helpers";

/** Customers and locations, the rest: notes, tags, location contacts, preferred technician, custom field types. */
describe("customers and locations: notes, tags, contacts, preferred technician, custom fields", () => {
  const ctx = useSandbox();
  const { run, only, calls, expectRefused, failure, picklist } = actionsOn(ctx);
  const db = () => ctx.sandbox.db;
  const notesOf = (ownerType: string, ownerId: number) => db().all("notes", { ownerType, ownerId, active: true });

  beforeEach(() => ctx.sandbox.resetStats());

  describe("customer notes", () => {
    it("adds a pinned note (copied to the customer's active locations), lists it and deletes it", async () => {
      const locations = db().all("locations", { customerId: 2003, active: true });
      const note = await run("createCustomerNote", { id: "2003", text: "Prefers mornings", pinToTop: "true", addToLocations: "true" });
      expect(only("POST", "/customers/2003/notes").body).toEqual({ text: "Prefers mornings", pinToTop: true, addToLocations: true });
      expect(note).toMatchObject({ text: "Prefers mornings", isPinned: true });
      for (const location of locations) expect(notesOf("location", location.id).map((n) => n.text)).toContain("Prefers mornings");

      const listed = await run("listCustomerNotes", { customerId: "2003", fetchAll: true });
      expect(listed.data.map((n: { id: number }) => n.id)).toContain(note.id);

      expect(await run("deleteCustomerNote", { id: "2003", noteId: String(note.id) })).toEqual({});
      only("DELETE", `/customers/2003/notes/${note.id}`);
      expect(notesOf("customer", 2003).map((n) => n.id)).not.toContain(note.id);
      expect((await failure("deleteCustomerNote", { id: "2003", noteId: String(note.id) })).message).toMatch(
        /Note \d+ of customer 2003 was not found/,
      );
    });

    it("refuses an empty note and a text note id", async () => {
      await expectRefused("createCustomerNote", { id: "2003", text: "" }, /Input "Text": is required/);
      await expectRefused("deleteCustomerNote", { id: "2003", noteId: "latest" }, /Input "Note ID": "latest" is not a whole number/);
    });
  });

  describe("location notes", () => {
    it("adds a note (also to the customer), lists it and deletes it", async () => {
      const location = db().get("locations", 3002)!;
      const note = await run("createLocationNote", { id: "3002", text: "Side gate sticks", addToCustomer: "true" });
      expect(only("POST", "/locations/3002/notes").body).toEqual({ text: "Side gate sticks", addToCustomer: true });
      expect(notesOf("customer", location.customerId).map((n) => n.text)).toContain("Side gate sticks");
      const listed = await run("listLocationNotes", { locationId: "3002" });
      expect(listed.data.map((n: { id: number }) => n.id)).toContain(note.id);
      await run("deleteLocationNote", { id: "3002", noteId: String(note.id) });
      expect(notesOf("location", 3002).map((n) => n.id)).not.toContain(note.id);
    });
  });

  describe("tags", () => {
    it("adds one tag to a customer (keeping the others) and removes it", async () => {
      const before: number[] = db().get("customers", 2005)!.tagTypeIds;
      const answer = await run("addCustomerTag", { id: "2005", tagTypeId: "504" });
      only("POST", "/customers/2005/tags/504");
      expect(answer).toEqual({ customerId: 2005, tagTypeIds: expect.arrayContaining([...before, 504]) });
      await run("removeCustomerTag", { id: "2005", tagTypeId: "504" });
      only("DELETE", "/customers/2005/tags/504");
      expect(db().get("customers", 2005)!.tagTypeIds).not.toContain(504);
    });

    it("adds and removes one tag on a location", async () => {
      await run("addLocationTag", { id: "3005", tagTypeId: "505" });
      expect(db().get("locations", 3005)!.tagTypeIds).toContain(505);
      await run("removeLocationTag", { id: "3005", tagTypeId: "505" });
      expect(db().get("locations", 3005)!.tagTypeIds).not.toContain(505);
    });

    it("adds and removes several tags on many customers at once", async () => {
      await run("addTagsToCustomers", { customerIds: ["2007", "2008"], tagTypeIds: ["502", "503"] });
      expect(only("PUT", "/tags").body).toEqual({ customerIds: [2007, 2008], tagTypeIds: [502, 503] });
      for (const id of [2007, 2008]) expect(db().get("customers", id)!.tagTypeIds).toEqual(expect.arrayContaining([502, 503]));
      await run("removeTagsFromCustomers", { customerIds: "2007, 2008", tagTypeIds: ["503"] });
      expect(only("DELETE", "/tags").body).toEqual({ customerIds: [2007, 2008], tagTypeIds: [503] });
      for (const id of [2007, 2008]) expect(db().get("customers", id)!.tagTypeIds).not.toContain(503);
    });

    it("refuses an empty customer list and a text tag", async () => {
      await expectRefused("addTagsToCustomers", { customerIds: [], tagTypeIds: ["502"] }, /Input "Customer IDs": needs at least one id/);
      await expectRefused("addCustomerTag", { id: "2005", tagTypeId: "VIP" }, /Input "Tag Type ID": "VIP" is not a whole number/);
    });
  });

  describe("location contacts", () => {
    it("creates, lists, updates and deletes a location's contact", async () => {
      const created = await run("createLocationContact", { id: "3004", type: "Email", value: "site@example.com", memo: "Site manager" });
      expect(only("POST", "/locations/3004/contacts").body).toEqual({ type: "Email", value: "site@example.com", memo: "Site manager" });
      const listed = await run("listLocationContacts", { locationId: "3004" });
      expect(listed.data.map((c: { id: number }) => c.id)).toContain(created.id);

      await run("updateLocationContact", { id: "3004", contactId: String(created.id), value: "gate@example.com" });
      expect(only("PATCH", `/locations/3004/contacts/${created.id}`).body).toEqual({ value: "gate@example.com" });
      expect(db().get("location-contacts", created.id)!.value).toBe("gate@example.com");

      await run("deleteLocationContact", { id: "3004", contactId: String(created.id) });
      only("DELETE", `/locations/3004/contacts/${created.id}`);
      expect(db().get("location-contacts", created.id)!.active).toBe(false);
    });

    it("refuses a contact type ServiceTitan does not know and a missing contact id", async () => {
      await expectRefused(
        "createLocationContact",
        { id: "3004", type: "Pager", value: "1" },
        /Input "Contact Type": "Pager" is not one of/,
      );
      await expectRefused("deleteLocationContact", { id: "3004" }, /Input "Contact ID": is required/);
    });
  });

  describe("preferred technician", () => {
    it("sets and reads a location's preferred technician", async () => {
      await run("setPreferredTechnician", { id: "3010", preferredTechnicianId: "1004" });
      only("POST", "/locations/3010/preferredtechnician/1004");
      expect(db().get("locations", 3010)!.preferredTechnicianId).toBe(1004);
      expect(await run("getPreferredTechnician", { id: "3010" })).toBe(1004);
    });

    it("names the technician ServiceTitan does not know, and refuses a text id", async () => {
      expect((await failure("setPreferredTechnician", { id: "3010", preferredTechnicianId: "9999" })).message).toMatch(/9999/);
      await expectRefused("setPreferredTechnician", { id: "3010", preferredTechnicianId: "Marcus" }, /Input "Preferred Technician ID"/);
    });
  });

  describe("custom field types", () => {
    it.each(["listCustomerCustomFieldTypes", "listLocationCustomFieldTypes"])("%s lists the types", async (key) => {
      const page = await run(key, { pageSize: "10" });
      expect(page.data.length).toBeGreaterThan(0);
      expect(calls("GET", key.includes("Customer") ? "/customers/custom-fields" : "/locations/custom-fields")[0].query).toEqual({
        pageSize: "10",
      });
    });
  });

  describe("dropdowns", () => {
    it.each([
      ["selectCustomerNote", { customerId: "2001" }],
      ["selectLocationNote", { locationId: "3001" }],
      ["selectLocationContact", { locationId: "3001" }],
      ["selectCustomerCustomFieldType", {}],
      ["selectLocationCustomFieldType", {}],
    ])("%s returns records with labels", async (key, params) => {
      const options = await picklist(key, params);
      expect(options.length).toBeGreaterThan(0);
      for (const option of options) expect(option.label.trim()).not.toBe("");
    });

    it("selectCustomerNote shows a pinned note's text", async () => {
      const options = await picklist("selectCustomerNote", { customerId: "2001" });
      expect(options.map((o) => o.label)).toContainEqual(expect.stringMatching(/^📌 Prefers text messages over calls\. \(ID: \d+\)$/));
    });
  });
});
