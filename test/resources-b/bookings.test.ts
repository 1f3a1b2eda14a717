import { DEMO_BOOKING_PROVIDER_ID, OTHER_BOOKING_PROVIDER_ID } from "../../sandbox";
import component from "../../src";
import { resourceSuite } from "./helpers";

/** Tenant and booking-provider bookings against the sandbox (which fails the suite on any spec violation). */
const { ctx, act, source, requests, lastRequest, tenant, rejectsBeforeSending, failure } = resourceSuite();
const db = () => ctx.sandbox.db;
const provider = String(DEMO_BOOKING_PROVIDER_ID);
const bookingOf = (providerId: number) =>
  db()
    .all("bookings")
    .find((b) => b.bookingProviderId === providerId)!;

const newBooking = {
  bookingProvider: provider,
  source: "Website",
  name: "Katherine Johnson",
  summary: "AC not cooling",
  isFirstTimeClient: "true",
  externalId: "WEB-1",
  street: "12 Mesa Dr",
  city: "Phoenix",
  state: "AZ",
  zip: "85004",
  country: "USA",
  start: "2025-03-01T09:00:00-07:00",
  priority: "High",
};

describe("bookings", () => {
  it("List Bookings by Tenant sends sort and page size and returns the envelope", async () => {
    const { data } = await act("listBookingByTenant", { sort: "-CreatedOn", pageSize: "5", includeTotal: true });
    expect(lastRequest()).toMatchObject({
      path: `/crm/v2/tenant/${tenant()}/bookings`,
      query: { sort: "-CreatedOn", pageSize: "5", includeTotal: "true" },
    });
    expect(data.data.length).toBeLessThanOrEqual(5);
    expect(data.totalCount).toBe(
      db()
        .all("bookings")
        .filter((b) => b.active).length,
    );
  });

  it("Get Booking by Tenant returns a booking; a missing one is named", async () => {
    const booking = bookingOf(DEMO_BOOKING_PROVIDER_ID);
    expect((await act("getBookingByTenant", { id: String(booking.id) })).data).toMatchObject({ id: booking.id, name: booking.name });
    expect((await failure(act("getBookingByTenant", { id: "8999999" }))).message).toMatch(/Booking 8999999 was not found/);
  });

  it("List Bookings by Provider only sees that provider's bookings (the provider id is in the path)", async () => {
    const { data } = await act("listBookingByProvider", { bookingProvider: provider, fetchAll: true });
    expect(lastRequest().path).toBe(`/crm/v2/tenant/${tenant()}/booking-provider/${provider}/bookings`);
    expect(data.recordCount).toBe(
      db()
        .all("bookings")
        .filter((b) => b.active && b.bookingProviderId === DEMO_BOOKING_PROVIDER_ID).length,
    );
    expect(data.data.every((b: { bookingProviderId: number }) => b.bookingProviderId === DEMO_BOOKING_PROVIDER_ID)).toBe(true);
  });

  it("Get Booking by Provider: another provider's booking is 'not found', naming booking and provider", async () => {
    const mine = bookingOf(DEMO_BOOKING_PROVIDER_ID);
    expect((await act("getBookingByProvider", { bookingProvider: provider, id: String(mine.id) })).data).toMatchObject({ id: mine.id });
    const other = bookingOf(OTHER_BOOKING_PROVIDER_ID);
    const error = await failure(act("getBookingByProvider", { bookingProvider: provider, id: String(other.id) }));
    expect(error.message).toMatch(new RegExp(`Booking ${other.id} of booking provider ${provider} was not found`));
  });

  it("Create Booking by Provider sends typed fields (booleans, integer ids, UTC start); Get returns it", async () => {
    const unit = db()
      .all("business-units")
      .find((u) => u.active)!;
    const { data: created } = await act("createBookingByProvider", {
      ...newBooking,
      businessUnitId: String(unit.id),
      uploadedImages: ["https://example.com/a.jpg"],
    });
    expect(lastRequest().body).toEqual({
      source: "Website",
      name: "Katherine Johnson",
      summary: "AC not cooling",
      isFirstTimeClient: true,
      externalId: "WEB-1",
      address: { street: "12 Mesa Dr", city: "Phoenix", state: "AZ", zip: "85004", country: "USA" },
      start: "2025-03-01T16:00:00.000Z",
      priority: "High",
      businessUnitId: unit.id,
      uploadedImages: ["https://example.com/a.jpg"],
    });
    const { data: fetched } = await act("getBookingByProvider", { bookingProvider: provider, id: String(created.id) });
    expect(fetched).toMatchObject({
      id: created.id,
      name: "Katherine Johnson",
      bookingProviderId: DEMO_BOOKING_PROVIDER_ID,
      businessUnitId: unit.id,
    });
  });

  it("Update Booking changes the summary and, for a new street, keeps the rest of the address", async () => {
    const { data: created } = await act("createBookingByProvider", { ...newBooking, externalId: "WEB-2" });
    await act("updateBooking", { bookingProvider: provider, id: String(created.id), summary: "Now heating too", street: "99 New St" });
    const patch = lastRequest();
    expect(requests()[requests().length - 2]).toMatchObject({
      method: "GET",
      path: `/crm/v2/tenant/${tenant()}/booking-provider/${provider}/bookings/${created.id}`,
    });
    expect(patch.body).toEqual({
      summary: "Now heating too",
      address: { street: "99 New St", unit: "", city: "Phoenix", state: "AZ", zip: "85004", country: "USA" },
    });
    expect(db().get("bookings", created.id)).toMatchObject({
      summary: "Now heating too",
      address: expect.objectContaining({ street: "99 New St", city: "Phoenix" }),
    });
  });

  it("Update Booking refuses a street alone for a booking without an address (ServiceTitan needs the whole address), naming City", async () => {
    const created = db().insert("bookings", { bookingProviderId: DEMO_BOOKING_PROVIDER_ID, address: {} });
    const before = requests().length;
    const error = await failure(act("updateBooking", { bookingProvider: provider, id: String(created.id), street: "99 New St" }));
    expect(error.message).toContain('Input "City"');
    expect(
      requests()
        .slice(before)
        .map((r) => r.method),
    ).toEqual(["GET"]); // the current address was read; no PATCH went out
  });

  it("Update Booking of another provider's booking is named as not found", async () => {
    const other = bookingOf(OTHER_BOOKING_PROVIDER_ID);
    const error = await failure(act("updateBooking", { bookingProvider: provider, id: String(other.id), summary: "x" }));
    expect(error.message).toMatch(new RegExp(`Booking ${other.id} of booking provider ${provider} was not found`));
  });

  it("Select Booking lists every booking newest first as 'Name (ID: id)'", async () => {
    const { result } = await source("selectBooking");
    const all = db()
      .all("bookings")
      .filter((b) => b.active);
    expect(result).toHaveLength(all.length);
    const newestFirst = [...all].sort((a, b) => b.createdOn.localeCompare(a.createdOn) || b.id - a.id);
    expect(result[0].key).toBe(String(newestFirst[0].id));
    expect(result).toContainEqual({ key: String(all[0].id), label: `${all[0].name} (ID: ${all[0].id})` });
    // Ids are unique, so concurrently read pages agree on the order even for bookings created in the same instant.
    expect(lastRequest().query).toMatchObject({ sort: "-Id" });
  });

  it("Is First Time Client, being required, offers only True and False", () => {
    const input = (
      component.actions.createBookingByProvider.inputs as unknown as Array<{ key: string; model?: Array<{ value: string }> }>
    ).find((i) => i.key === "isFirstTimeClient")!;
    expect(input.model!.map((m) => m.value)).toEqual(["true", "false"]);
  });
});

describe("bad input fails before any request, naming the input", () => {
  it.each([
    [
      "listBookingByTenant",
      'Additional Query Parameters": "bookingProviderId" is not a query parameter',
      { additionalQueryParameters: { bookingProviderId: "7" } },
    ],
    ["listBookingByTenant", "Modified Before", { modifiedBefore: "soon" }],
    ["getBookingByTenant", "Booking ID", { id: "abc" }],
    ["listBookingByProvider", "Booking Provider ID", {}],
    ["getBookingByProvider", "Booking ID", { bookingProvider: provider }],
    ["createBookingByProvider", "External ID", { ...newBooking, externalId: "" }],
    ["createBookingByProvider", "City", { ...newBooking, city: "" }],
    ["createBookingByProvider", "Is First Time Client", { ...newBooking, isFirstTimeClient: "maybe" }],
    ["createBookingByProvider", "Booking Provider ID", { ...newBooking, bookingProvider: "seven" }],
    ["createBookingByProvider", "Contacts", { ...newBooking, contacts: '{"type":"Email"}' }],
    ["updateBooking", "Start", { bookingProvider: provider, id: "80001", start: "next tuesday" }],
    ["updateBooking", "Priority", { bookingProvider: provider, id: "80001", priority: "Asap" }],
  ] as Array<[string, string, Record<string, unknown>]>)("%s refuses bad input naming %s (case %#)", async (key, input, params) => {
    await rejectsBeforeSending(() => act(key, params), input);
  });
});
