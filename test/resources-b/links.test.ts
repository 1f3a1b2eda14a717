import component, { actionOperations } from "../../src";

/** The data sources an action's inputs link to (`dataSource`). */
const linkedDataSources = (actionKeys: string[]) =>
  actionKeys.flatMap((key) =>
    (component.actions[key].inputs as unknown as Array<{ key: string; dataSource?: string }>).flatMap(({ key: input, dataSource }) =>
      dataSource ? [{ action: key, input, dataSource }] : [],
    ),
  );

/** Resource modules B: the actions and dropdowns they add, and that no input links to a dropdown that does not exist. */
const ACTIONS: Record<string, string> = {
  listCustomers: "List Customers",
  getCustomer: "Get Customer",
  createCustomer: "Create Customer",
  updateCustomer: "Update Customer",
  listCustomersContact: "List Customer Contacts",
  createCustomerContact: "Create Customer Contact",
  updateCustomerContact: "Update Customer Contact",
  deletCustomersContact: "Delete Customer Contact",
  listLocations: "List Locations",
  getLocation: "Get Location",
  createLocation: "Create Location",
  updateLocation: "Update Location",
  listBookingByTenant: "List Bookings by Tenant",
  getBookingByTenant: "Get Booking by Tenant",
  listBookingByProvider: "List Bookings by Provider",
  getBookingByProvider: "Get Booking by Provider",
  createBookingByProvider: "Create Booking by Provider",
  updateBooking: "Update Booking",
  listInvoices: "List Invoices",
  createInvoices: "Create Invoices",
  updateInvoice: "Update Invoice",
  updateInvoiceCustomFields: "Update Invoice Custom Fields",
  updateInvoiceItems: "Update Invoice Items",
  deleteInvoiceItem: "Delete Invoice Item",
  listPayments: "List Payments",
  createPayment: "Create Payment",
  updatePayment: "Update Payment",
  updatePaymentCustomFields: "Update Payment Custom Fields",
  listInstalledEquipment: "List Installed Equipment",
  getInstalledEquipment: "Get Installed Equipment",
  createInstalledEquipment: "Create Installed Equipment",
  updateInstalledEquipment: "Update Installed Equipment",
  listInstalledEquipmentAttachments: "List Installed Equipment Attachments",
  listAttachmentsOfInstalledEquipment: "List Attachments of Installed Equipment",
  createInstalledEquipmentAttachment: "Create Installed Equipment Attachment",
  downloadInstalledEquipmentAttachment: "Download Installed Equipment Attachment",
};
const DATA_SOURCES: Record<string, string> = {
  selectCustomers: "Select Customer",
  selectCustomerContact: "Select Customer Contact",
  selectLocation: "Select Location",
  selectBooking: "Select Booking",
  selectInvoice: "Select Invoice",
  selectPaymentType: "Select Payment Type",
  selectInstalledEquipment: "Select Installed Equipment",
};

describe("resource modules B", () => {
  it.each(Object.entries(ACTIONS))("action %s is registered as %s, with an example payload", (key, label) => {
    expect(component.actions[key]?.display.label).toBe(label);
    expect(component.actions[key].examplePayload).toHaveProperty("data");
  });

  it.each(Object.entries(DATA_SOURCES))("data source %s is a picklist labelled %s", (key, label) => {
    expect(component.dataSources?.[key]?.display.label).toBe(label);
    expect(component.dataSources?.[key]?.dataSourceType).toBe("picklist");
  });

  it("every id input links to a dropdown the component has", () => {
    const links = linkedDataSources(Object.keys(ACTIONS));
    expect(links.length).toBeGreaterThan(20);
    expect(links.filter((link) => !component.dataSources?.[link.dataSource])).toEqual([]);
  });

  it.each([
    ["listJobs", "selectJob"],
    ["listAppointments", "selectAppointment"],
    ["listCustomers", "selectCustomers"],
    ["listLocations", "selectLocation"],
    ["listBookingByTenant", "selectBooking"],
    ["listInvoices", "selectInvoice"],
    ["listProjects", "selectProject"],
    ["listTechnicians", "selectTechnician"],
    ["listInstalledEquipment", "selectInstalledEquipment"],
    ["listBusinessUnits", "selectBusinessUnit"],
    ["listUserRoles", "selectUserRole"],
  ])("%s's IDs filter offers the %s dropdown", (action, dataSource) => {
    expect(linkedDataSources([action])).toContainEqual({ action, input: "ids", dataSource });
  });

  describe("every update (PATCH) action", () => {
    const patches = Object.entries(actionOperations).filter(([, operation]) => operation.startsWith("PATCH "));

    it("is covered", () => expect(patches.length).toBeGreaterThanOrEqual(13));

    it.each(patches)("%s has no input default that would overwrite data, and says empty inputs are not sent", (key) => {
      const inputs = component.actions[key].inputs as unknown as Array<{ key: string; default?: unknown }>;
      expect(inputs.filter((i) => i.default !== undefined && i.default !== "")).toEqual([]);
      expect(component.actions[key].display.description).toMatch(
        /Inputs left empty are not sent, so those fields keep their current values\.$/,
      );
    });
  });

  it("customer, location, invoice, job, payment type and business unit ids link to their dropdowns", () => {
    const byInput = (input: string) =>
      new Set(
        linkedDataSources(Object.keys(ACTIONS))
          .filter((l) => l.input === input)
          .map((l) => l.dataSource),
      );
    expect(byInput("customerId")).toEqual(new Set(["selectCustomers"]));
    expect(byInput("locationId")).toEqual(new Set(["selectLocation"]));
    expect(byInput("invoiceId")).toEqual(new Set(["selectInvoice"]));
    expect(byInput("jobId")).toEqual(new Set(["selectJob"]));
    expect(byInput("typeId")).toContain("selectPaymentType");
    expect(byInput("businessUnitId")).toEqual(new Set(["selectBusinessUnit"]));
  });
});
