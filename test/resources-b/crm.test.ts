import { resourceSuite } from "./helpers";

/** Customers, customer contacts and locations against the sandbox (which fails the suite on any spec violation). */
const { ctx, act, source, requests, lastRequest, tenant, rejectsBeforeSending, failure } = resourceSuite();
const db = () => ctx.sandbox.db;
const activeCustomers = () =>
  db()
    .all("customers")
    .filter((c) => c.active);
const firstCustomer = () => activeCustomers()[0];

const address = { street: "500 Palm Ln", unit: "2", city: "Tempe", state: "AZ", zip: "85281", country: "USA" };

describe("customers", () => {
  it("List Customers sends the declared filters, typed (dates as RFC 3339 UTC)", async () => {
    const name = firstCustomer().name as string;
    const { data } = await act("listCustomers", {
      name,
      active: "Any",
      sort: "-Id",
      createdOnOrAfter: "2025-01-01T00:00:00Z",
      pageSize: "10",
      includeTotal: true,
    });
    expect(lastRequest().query).toEqual({
      name,
      active: "Any",
      sort: "-Id",
      createdOnOrAfter: "2025-01-01T00:00:00.000Z",
      pageSize: "10",
      includeTotal: "true",
    });
    expect(data.data.map((c: { name: string }) => c.name)).toContain(name);
    expect(data.totalCount).toBeGreaterThan(0);
  });

  it("List Customers with Fetch All returns every active customer (the API's default) with a record count", async () => {
    const { data } = await act("listCustomers", { fetchAll: true });
    expect(data.recordCount).toBe(activeCustomers().length);
    expect(new Set(data.data.map((c: { id: number }) => c.id)).size).toBe(activeCustomers().length);
    expect(data.capped).toBe(false);
  });

  it("Get Customer returns the record; a missing one names the customer and id", async () => {
    const customer = firstCustomer();
    const { data } = await act("getCustomer", { id: String(customer.id) });
    expect(data).toMatchObject({ id: customer.id, name: customer.name });
    const error = await failure(act("getCustomer", { id: "1999999" }));
    expect(error.message).toMatch(/Customer 1999999 was not found/);
    expect(error.message).not.toContain(ctx.sandbox.credentials.clientSecret);
    expect(error.message).not.toContain(ctx.sandbox.credentials.appKey);
  });

  it("Create Customer builds the required first location from the customer's address, with integer ids; Get returns it", async () => {
    const tag = db()
      .all("tag-types")
      .find((t) => t.active)!;
    const { data: created } = await act("createCustomer", {
      name: "Ada Lovelace",
      type: "Residential",
      ...address,
      doNotMail: "true",
      contacts: JSON.stringify([{ type: "Email", value: "ada@example.com" }]),
      tagTypeIds: [String(tag.id)],
      customFields: "",
    });
    const sent = lastRequest();
    expect(sent).toMatchObject({ method: "POST", path: `/crm/v2/tenant/${tenant()}/customers` });
    expect(sent.body).toEqual({
      name: "Ada Lovelace",
      type: "Residential",
      address,
      doNotMail: true,
      contacts: [{ type: "Email", value: "ada@example.com" }],
      tagTypeIds: [tag.id],
      locations: [{ name: "Ada Lovelace", address }],
    });
    expect(created.locations).toHaveLength(1);
    const { data: fetched } = await act("getCustomer", { id: String(created.id) });
    expect(fetched).toMatchObject({ id: created.id, name: "Ada Lovelace", address, doNotMail: true, tagTypeIds: [tag.id] });
    expect(db().all("locations", { customerId: created.id })).toHaveLength(1);
  });

  it("Create Customer takes the first location's own name and address, plus more locations as JSON", async () => {
    const cabin = { name: "Cabin", address: { street: "9 Pine Rd", city: "Flagstaff", state: "AZ", zip: "86001", country: "USA" } };
    const { data: created } = await act("createCustomer", {
      name: "Grace Hopper",
      ...address,
      locationName: "Main House",
      locationStreet: "77 Oak St",
      locationCity: "Mesa",
      locationState: "AZ",
      locationZip: "85201",
      locationCountry: "USA",
      additionalLocations: JSON.stringify([cabin]),
    });
    expect(lastRequest().body).toMatchObject({
      locations: [{ name: "Main House", address: { street: "77 Oak St", city: "Mesa", state: "AZ", zip: "85201", country: "USA" } }, cabin],
    });
    expect(
      db()
        .all("locations", { customerId: created.id })
        .map((l) => l.name),
    ).toEqual(["Main House", "Cabin"]);
  });

  it("Update Customer changes only what was entered: a new street keeps the rest of the current address", async () => {
    const customer = firstCustomer();
    const before = db().get("customers", customer.id)!;
    await act("updateCustomer", { id: String(customer.id), street: "1 Changed Ave", doNotService: "true" });
    const [get, patch] = requests().slice(-2);
    expect(get).toMatchObject({ method: "GET", path: `/crm/v2/tenant/${tenant()}/customers/${customer.id}` });
    expect(patch.method).toBe("PATCH");
    expect(patch.body).toEqual({
      doNotService: true,
      address: expect.objectContaining({
        street: "1 Changed Ave",
        city: before.address.city,
        zip: before.address.zip,
        country: before.address.country,
      }),
    });
    expect(db().get("customers", customer.id)).toMatchObject({
      doNotService: true,
      address: expect.objectContaining({ street: "1 Changed Ave" }),
    });
  });

  it("Update Customer without address fields sends one PATCH; Active=False deactivates (there is no delete)", async () => {
    const customer = activeCustomers()[1];
    const count = requests().length;
    const { data } = await act("updateCustomer", { id: String(customer.id), active: "false", name: "Renamed Customer" });
    expect(requests().length).toBe(count + 1);
    expect(lastRequest().body).toEqual({ active: false, name: "Renamed Customer" });
    expect(data).toMatchObject({ id: customer.id, active: false, name: "Renamed Customer" });
    expect(db().get("customers", customer.id)!.active).toBe(false);
  });

  it("Update Customer refuses a new street for a customer saved without coordinates (the PATCH requires them), naming Latitude", async () => {
    const { data: created } = await act("createCustomer", { name: "No Coordinates", ...address });
    const before = requests().length;
    const error = await failure(act("updateCustomer", { id: String(created.id), street: "2 Moved St" }));
    expect(error.message).toContain('Input "Latitude"');
    expect(error.message).toContain(`Customer ${created.id} has no latitude on record`);
    // Only the read of the current address went out: no PATCH ServiceTitan would refuse.
    expect(
      requests()
        .slice(before)
        .map((r) => r.method),
    ).toEqual(["GET"]);

    await act("updateCustomer", { id: String(created.id), street: "2 Moved St", latitude: "33.42", longitude: "-111.94" });
    expect(lastRequest().body).toEqual({ address: { ...address, street: "2 Moved St", latitude: 33.42, longitude: -111.94 } });
  });

  it("Update Customer on a missing customer names it", async () => {
    expect((await failure(act("updateCustomer", { id: "1999998", name: "X" }))).message).toMatch(/Customer 1999998 was not found/);
  });

  it("Select Customer lists every active customer as 'Name (ID: id)', alphabetically", async () => {
    const { result } = await source("selectCustomers");
    const active = activeCustomers();
    expect(result).toHaveLength(active.length);
    expect(new Set(result.map((o) => o.key))).toEqual(new Set(active.map((c) => String(c.id))));
    const one = active[0];
    expect(result).toContainEqual({ key: String(one.id), label: `${one.name} (ID: ${one.id})` });
    const labels = result.map((o) => o.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base", numeric: true })));
    expect(lastRequest().query).toMatchObject({ active: "True", sort: "-Id" });
  });

  it("Select Customer keeps a customer edited while its pages are read (ids, unlike modifiedOn, never move a record)", async () => {
    const sandbox = ctx.sandbox;
    sandbox.setPageSizeCap(5); // several pages, read concurrently after the first
    sandbox.faults.add({ method: "GET", path: /\/customers$/, query: { page: "2" }, delayMs: 1500 });
    try {
      // The customer page 2 would hold if the list were ordered by modifiedOn, newest first (the old sort): an edit
      // moves it to page 1, which has been read by then, so that order would lose it.
      const byModified = activeCustomers().sort((a, b) => b.modifiedOn.localeCompare(a.modifiedOn) || b.id - a.id);
      expect(byModified.length).toBeGreaterThan(10);
      const edited = byModified[7];
      const loading = source("selectCustomers");
      while (!requests().some((r) => r.method === "GET" && /\/customers$/.test(r.path) && r.query.page === "2")) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      db().update("customers", edited.id, { name: "Edited While Loading" }); // while page 2 waits
      const { result } = await loading;
      expect(result).toContainEqual({ key: String(edited.id), label: `Edited While Loading (ID: ${edited.id})` });
      expect(result).toHaveLength(activeCustomers().length);
    } finally {
      sandbox.faults.clear();
      sandbox.setPageSizeCap(5000);
    }
  });
});

describe("customer contacts", () => {
  it("create, list, update and delete a contact; each changes the sandbox as ServiceTitan would", async () => {
    const customer = firstCustomer();
    const { data: created } = await act("createCustomerContact", {
      customerId: String(customer.id),
      type: "Phone",
      value: "(602) 555-0100",
      memo: "Office",
    });
    expect(lastRequest()).toMatchObject({
      method: "POST",
      path: `/crm/v2/tenant/${tenant()}/customers/${customer.id}/contacts`,
      body: { type: "Phone", value: "(602) 555-0100", memo: "Office" },
    });

    const listed = await act("listCustomersContact", { customerId: String(customer.id), pageSize: "50" });
    expect(listed.data.data).toContainEqual(expect.objectContaining({ id: created.id, value: "(602) 555-0100" }));

    const { data: updated } = await act("updateCustomerContact", {
      customerId: String(customer.id),
      contactId: String(created.id),
      value: "(602) 555-0199",
    });
    expect(lastRequest().body).toEqual({ value: "(602) 555-0199" });
    expect(updated).toMatchObject({ id: created.id, type: "Phone", value: "(602) 555-0199", memo: "Office" });

    const deleted = await act("deletCustomersContact", { customerId: String(customer.id), contactId: String(created.id) });
    expect(deleted).toEqual({ data: {} });
    const after = await act("listCustomersContact", { customerId: String(customer.id), fetchAll: true });
    expect(after.data.data.map((c: { id: number }) => c.id)).not.toContain(created.id);
  });

  it("a contact that does not exist names the contact and its customer", async () => {
    const customer = firstCustomer();
    const error = await failure(act("deletCustomersContact", { customerId: String(customer.id), contactId: "4999999" }));
    expect(error.message).toMatch(new RegExp(`Contact 4999999 of customer ${customer.id} was not found`));
  });

  it("Select Customer Contact lists a customer's contacts as 'type: value'", async () => {
    const customer = firstCustomer();
    const contacts = db()
      .all("customer-contacts", { customerId: customer.id })
      .filter((c) => c.active);
    const { result } = await source("selectCustomerContact", { customerId: String(customer.id) });
    expect(result.map((o) => o.key).sort()).toEqual(contacts.map((c) => String(c.id)).sort());
    for (const contact of contacts) {
      expect(result.find((o) => o.key === String(contact.id))!.label).toMatch(
        new RegExp(`^${contact.type}: ${contact.value.replace(/[()+.]/g, "\\$&")}`),
      );
    }
  });
});

describe("locations", () => {
  it("List Locations filters by customer", async () => {
    const customer = db()
      .all("customers")
      .find((c) => c.active && db().all("locations", { customerId: c.id }).length > 1)!;
    const { data } = await act("listLocations", { customerId: String(customer.id) });
    expect(lastRequest().query).toMatchObject({ customerId: String(customer.id), active: "True" });
    expect(data.data.length).toBeGreaterThan(1);
    expect(data.data.every((l: { customerId: number }) => l.customerId === customer.id)).toBe(true);
  });

  it("Create Location then Get Location returns it; Update changes the name and keeps the address", async () => {
    const customer = firstCustomer();
    const { data: created } = await act("createLocation", {
      customerId: String(customer.id),
      name: "Shop",
      ...address,
      latitude: "33.42",
      longitude: "-111.94",
    });
    expect(lastRequest().body).toEqual({
      customerId: customer.id,
      name: "Shop",
      address: { ...address, latitude: 33.42, longitude: -111.94 },
    });
    const { data: fetched } = await act("getLocation", { id: String(created.id) });
    expect(fetched).toMatchObject({ id: created.id, customerId: customer.id, name: "Shop", address: expect.objectContaining(address) });

    const { data: updated } = await act("updateLocation", { id: String(created.id), name: "Workshop", active: "false" });
    expect(lastRequest().body).toEqual({ name: "Workshop", active: false });
    expect(updated).toMatchObject({ id: created.id, name: "Workshop", active: false, address: expect.objectContaining(address) });
  });

  it("Get Location on a missing location names it", async () => {
    expect((await failure(act("getLocation", { id: "3999999" }))).message).toMatch(/Location 3999999 was not found/);
  });

  it("Select Location shows name, street and city of active locations, alphabetically; it can narrow to one customer", async () => {
    const { result } = await source("selectLocation");
    const active = db()
      .all("locations")
      .filter((l) => l.active);
    expect(result).toHaveLength(active.length);
    const one = active[0];
    expect(result).toContainEqual({
      key: String(one.id),
      label: `${one.name} — ${one.address.street}, ${one.address.city} (ID: ${one.id})`,
    });
    const labels = result.map((o) => o.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base", numeric: true })));

    expect(lastRequest().query).toMatchObject({ active: "True", sort: "-Id" }); // a stable order for concurrent pages

    const customer = firstCustomer();
    const own = await source("selectLocation", { customerId: String(customer.id) });
    expect(own.result.map((o) => o.key).sort()).toEqual(
      db()
        .all("locations", { customerId: customer.id })
        .filter((l) => l.active)
        .map((l) => String(l.id))
        .sort(),
    );
  });
});

describe("bad input fails before any request, naming the input", () => {
  const customerId = () => String(firstCustomer().id);
  const externalData = { applicationGuid: "3fa85f64-5717-4562-b3fc-2c963f66afa6", externalData: [{ key: "erpId", value: "A-1" }] };
  it.each([
    [
      "listCustomers",
      'Additional Query Parameters": "customerName" is not a query parameter',
      () => ({ additionalQueryParameters: { customerName: "Ada" } }),
    ],
    ["listCustomers", "Created On Or After", () => ({ createdOnOrAfter: "last week" })],
    ["listCustomers", "Latitude", () => ({ latitude: "north" })],
    ["getCustomer", "Customer ID", () => ({ id: "abc" })],
    ["createCustomer", "Name", () => ({ ...address })],
    ["createCustomer", "Contacts", () => ({ name: "X", ...address, contacts: "[{" })],
    ["createCustomer", "Contacts", () => ({ name: "X", ...address, contacts: '[{"type":"Pager","value":"1"}]' })],
    ["createCustomer", "Location City", () => ({ name: "X", ...address, locationStreet: "1 Elm St" })],
    ["createCustomer", "Tag Type IDs", () => ({ name: "X", ...address, tagTypeIds: ["VIP"] })],
    ["updateCustomer", "Customer ID", () => ({ name: "X" })],
    ["updateCustomer", "Custom Fields", () => ({ id: customerId(), customFields: '[{"typeId":"gate","value":"1"}]' })],
    ["updateCustomer", "External Data", () => ({ id: customerId(), externalData: '{"externalData":[]}' })],
    ["listCustomersContact", "Customer ID", () => ({})],
    ["createCustomerContact", "Contact Type", () => ({ customerId: customerId(), value: "x@example.com" })],
    ["createCustomerContact", "Value", () => ({ customerId: customerId(), type: "Email" })],
    ["updateCustomerContact", "Contact ID", () => ({ customerId: customerId(), contactId: "x1" })],
    ["deletCustomersContact", "Contact ID", () => ({ customerId: customerId() })],
    ["listLocations", "Customer ID", () => ({ customerId: "abc" })],
    ["getLocation", "Location ID", () => ({ id: "1.5" })],
    ["createLocation", "Customer ID", () => ({ name: "Shop", ...address })],
    ["createLocation", "Zip Code", () => ({ customerId: customerId(), name: "Shop", ...address, zip: "" })],
    ["updateLocation", "Latitude", () => ({ id: "3001", latitude: "north" })],
    // A field name the spec does not declare would be ignored by ServiceTitan, dropping the value silently.
    ["createCustomer", "Contacts", () => ({ name: "X", ...address, contacts: '[{"type":"Email","value":"a@b.co","note":"x"}]' })],
    [
      "createCustomer",
      "Additional Locations",
      () => ({ name: "X", ...address, additionalLocations: JSON.stringify([{ name: "Cabin", address, tagIds: [1] }]) }),
    ],
    [
      "createCustomer",
      "Additional Locations",
      () => ({ name: "X", ...address, additionalLocations: JSON.stringify([{ name: "Cabin", address: { ...address, zipCode: "1" } }]) }),
    ],
    [
      "createCustomer",
      "Additional Locations",
      () => ({ name: "X", ...address, additionalLocations: JSON.stringify([{ name: "Cabin", address: { ...address, city: undefined } }]) }),
    ],
    ["updateLocation", "Custom Fields", () => ({ id: "3001", customFields: '[{"typeId":1,"Value":"x"}]' })],
    [
      "updateLocation",
      "External Data",
      () => ({ id: "3001", externalData: JSON.stringify({ ...externalData, externalData: [{ key: "k", value: "v", note: "x" }] }) }),
    ],
    [
      "createLocation",
      "External Data",
      () => ({ customerId: customerId(), name: "Shop", ...address, externalData: JSON.stringify({ ...externalData, patchMode: "Merge" }) }),
    ],
    ["getLocation", "Location ID", () => ({ id: "0" })],
  ] as Array<[string, string, () => Record<string, unknown>]>)("%s refuses bad input naming %s (case %#)", async (key, input, params) => {
    await rejectsBeforeSending(() => act(key, params()), input);
  });

  it("selectCustomerContact without a customer", async () => {
    await rejectsBeforeSending(() => source("selectCustomerContact"), "Customer ID");
  });
});
