import { useSandbox } from "../support";
import { moduleSuite } from "./helpers";

describe("memberships: customer memberships, types, recurring services and events, invoice templates", () => {
  const ctx = useSandbox();
  const { call, options, expectRefused, failure, db } = moduleSuite(ctx);
  const activeMembership = () =>
    db()
      .all("memberships")
      .find((m) => m.status === "Active")!;
  const gold = () =>
    db()
      .all("membership-types")
      .find((t) => t.name === "Comfort Club Gold")!;

  describe("reads", () => {
    it.each([
      [
        "listMemberships",
        { customerIds: ["2001", "2002"], status: "Active", billingFrequency: "Annual" },
        "/memberships",
        { customerIds: "2001,2002", status: "Active", billingFrequency: "Annual", active: "True" },
      ],
      [
        "listMembershipTypes",
        { includeDurationBilling: "true", billingFrequency: "Monthly" },
        "/membership-types",
        { includeDurationBilling: "true", billingFrequency: "Monthly", active: "True" },
      ],
      [
        "listRecurringServiceTypes",
        { membershipTypeId: "240002", recurrenceType: "Seasonal", sort: "+Name" },
        "/recurring-service-types",
        { membershipTypeId: "240002", recurrenceType: "Seasonal", sort: "+Name", active: "True" },
      ],
      [
        "listRecurringServices",
        { membershipIds: ["220001"], includeTechnicians: "true" },
        "/recurring-services",
        { membershipIds: "220001", includeTechnicians: "true", active: "True" },
      ],
      [
        "listRecurringServiceEvents",
        { status: "NotAttempted", locationId: "3001" },
        "/recurring-service-events",
        { status: "NotAttempted", locationId: "3001" },
      ],
      ["listInvoiceTemplates", { ids: ["243001", "243002"] }, "/invoice-templates", { ids: "243001,243002" }],
      [
        "listMembershipTypeBillingOptions",
        { id: "240001", active: "Any" },
        "/membership-types/240001/duration-billing-items",
        { active: "Any" },
      ],
    ])("%s sends its filters under their spec names", async (key, params, path, query) => {
      const { request } = await call(key, params, "GET", path);
      expect(request.query).toEqual(query);
    });

    it("filters memberships by customer and status", async () => {
      const { data } = await call("listMemberships", { customerIds: ["2005"], active: "Any" }, "GET", "/memberships");
      expect(data.data).toEqual([expect.objectContaining({ customerId: 2005, status: "Canceled" })]);
    });

    it("includes a membership type's billing options, discounts and recurring services only when asked", async () => {
      const { data: plain } = await call("listMembershipTypes", {}, "GET", "/membership-types");
      expect(plain.data[0].durationBilling).toBeNull();
      const { data } = await call(
        "listMembershipTypes",
        { ids: [String(gold().id)], includeDurationBilling: "true", includeRecurringServices: "true", includeDiscounts: "true" },
        "GET",
        "/membership-types",
      );
      expect(data.data[0].durationBilling).toEqual([
        { duration: 12, billingFrequency: "Monthly", salePrice: 0, billingPrice: 24.99, renewalPrice: 24.99 },
        { duration: 24, billingFrequency: "Annual", salePrice: 379, billingPrice: 379, renewalPrice: 359 },
      ]);
      expect(data.data[0].recurringServices).toHaveLength(2);
      expect(data.data[0].discounts).toEqual([{ targetId: 502, discount: 15 }]);
    });

    it.each([
      ["getMembership", "/memberships/220001", 220001],
      ["getMembershipType", "/membership-types/240001", 240001],
      ["getRecurringServiceType", "/recurring-service-types/242001", 242001],
      ["getRecurringService", "/recurring-services/230001", 230001],
      ["getInvoiceTemplate", "/invoice-templates/243001", 243001],
    ])("%s reads one record by id", async (key, path, id) => {
      const { data } = await call(key, { id: String(id) }, "GET", path);
      expect(data.id).toBe(id);
    });

    it.each([
      ["listMembershipTypeBillingOptions", "duration-billing-items", 2],
      ["listMembershipTypeDiscounts", "discounts", 1],
      ["listMembershipTypeRecurringServiceItems", "recurring-service-items", 2],
    ])("%s lists what the membership type has", async (key, tail, count) => {
      const { data } = await call(key, { id: String(gold().id) }, "GET", `/membership-types/${gold().id}/${tail}`);
      expect(data).toHaveLength(count);
    });
  });

  describe("writes", () => {
    it("sells a membership: the membership, its sale invoice, its recurring services and their visits exist afterwards", async () => {
      const customer = db().all("customers")[6];
      const option = db().all("membership-billing-options", { membershipTypeId: gold().id })[0];
      const { data, request } = await call(
        "sellMembership",
        {
          customerId: String(customer.id),
          businessUnitId: "101",
          saleTaskId: "400123",
          durationBillingId: String(option.id),
          recurringServiceAction: "All",
        },
        "POST",
        "/memberships/sale",
      );
      expect(request.body).toEqual({
        customerId: customer.id,
        businessUnitId: 101,
        saleTaskId: 400123,
        durationBillingId: option.id,
        recurringServiceAction: "All",
      });
      expect(db().get("memberships", data.customerMembershipId)).toMatchObject({
        customerId: customer.id,
        membershipTypeId: gold().id,
        status: "Active",
        billingFrequency: "Monthly",
        duration: 12,
      });
      expect(db().get("invoices", data.invoiceId)).toMatchObject({ total: "24.99" }); // no sale price: the first month is billed
      const services = db().all("recurring-services", { membershipId: data.customerMembershipId });
      const locations = db()
        .all("locations", { customerId: customer.id })
        .filter((l) => l.active);
      expect(services).toHaveLength(2 * locations.length);
      expect(db().all("recurring-service-events", { locationRecurringServiceId: services[0].id })).toHaveLength(2);
    });

    it("refuses a sale at a single location without saying which (ServiceTitan's 400)", async () => {
      const error = await failure("sellMembership", {
        customerId: "2008",
        businessUnitId: "101",
        saleTaskId: "1",
        durationBillingId: "241001",
        recurringServiceAction: "Single",
      });
      expect(error.message).toMatch(/recurringLocationId/);
    });

    it("changes a membership's status; the status history shows it", async () => {
      const membership = activeMembership();
      const { request } = await call(
        "updateMembership",
        { id: String(membership.id), status: "Suspended", memo: "Card declined", nextScheduledBillDate: "2025-08-01" },
        "PATCH",
        `/memberships/${membership.id}`,
      );
      expect(request.body).toEqual({ status: "Suspended", memo: "Card declined", nextScheduledBillDate: "2025-08-01T00:00:00.000Z" });
      expect(db().get("memberships", membership.id)).toMatchObject({ status: "Suspended", memo: "Card declined" });
      const { data } = await call(
        "listMembershipStatusChanges",
        { id: String(membership.id) },
        "GET",
        `/memberships/${membership.id}/status-changes`,
      );
      expect(data).toEqual([expect.objectContaining({ oldStatus: "Active", newStatus: "Suspended", note: "Card declined" })]);
    });

    it("updates a recurring service's schedule and job defaults", async () => {
      const service = db().all("recurring-services")[0];
      const { request } = await call(
        "updateRecurringService",
        {
          id: String(service.id),
          recurrenceType: "Seasonal",
          recurrenceMonths: ["April", "October"],
          jobStartTime: "09:00:00",
          preferredTechnicianIds: ["1003"],
          priority: "High",
        },
        "PATCH",
        `/recurring-services/${service.id}`,
      );
      expect(request.body).toEqual({
        recurrenceType: "Seasonal",
        recurrenceMonths: ["April", "October"],
        jobStartTime: "09:00:00",
        preferredTechnicianIds: [1003],
        priority: "High",
      });
      expect(db().get("recurring-services", service.id)).toMatchObject({
        recurrenceMonths: ["April", "October"],
        preferredTechnicianIds: [1003],
        priority: "High",
      });
    });

    it("marks a visit complete on a job, then incomplete again", async () => {
      const event = db().all("recurring-service-events", { status: "NotAttempted" })[0];
      const job = db().all("jobs")[0];
      const { request } = await call(
        "markRecurringServiceEventComplete",
        { id: String(event.id), jobId: String(job.id) },
        "POST",
        `/recurring-service-events/${event.id}/mark-complete`,
      );
      expect(request.body).toEqual({ jobId: job.id });
      expect(db().get("recurring-service-events", event.id)).toMatchObject({ status: "Won", jobId: job.id });
      const { data } = await call("listRecurringServiceEvents", { jobId: String(job.id) }, "GET", "/recurring-service-events");
      expect(data.data.map((e: { id: number }) => e.id)).toEqual([event.id]);

      expect((await failure("markRecurringServiceEventIncomplete", { id: String(event.id), jobId: "10002" })).message).toMatch(
        /was not completed on job 10002/,
      );
      await call(
        "markRecurringServiceEventIncomplete",
        { id: String(event.id), jobId: String(job.id) },
        "POST",
        `/recurring-service-events/${event.id}/mark-incomplete`,
      );
      expect(db().get("recurring-service-events", event.id)).toMatchObject({ status: "NotAttempted", jobId: null });
    });
  });

  it.each([
    ["listMemberships", { customerIds: ["acme"] }, /Input "Customer IDs": "acme" is not a whole number/],
    ["getMembership", { id: "M-1" }, /Input "Membership ID": "M-1" is not a whole number/],
    ["updateMembership", { id: "220001", status: "Paused" }, /Input "Status": "Paused" is not one of Active, Suspended/],
    ["listMembershipStatusChanges", {}, /Input "Membership ID": is required/],
    [
      "sellMembership",
      { customerId: "2001", businessUnitId: "101", saleTaskId: "1", recurringServiceAction: "All" },
      /Input "Duration Billing ID": is required/,
    ],
    ["listMembershipTypes", { duration: "a year" }, /Input "Duration": "a year" is not a whole number/],
    ["getMembershipType", { id: "gold" }, /Input "Membership Type ID": "gold" is not a whole number/],
    ["listMembershipTypeBillingOptions", { id: "" }, /Input "Membership Type ID": is required/],
    ["listMembershipTypeDiscounts", { id: "x" }, /Input "Membership Type ID": "x" is not a whole number/],
    ["listMembershipTypeRecurringServiceItems", { id: "-4" }, /Input "Membership Type ID": -4 is not a ServiceTitan id/],
    ["listRecurringServiceTypes", { recurrenceType: "Yearly" }, /Input "Recurrence Type": "Yearly" is not one of/],
    ["getRecurringServiceType", {}, /Input "Recurring Service Type ID": is required/],
    ["listRecurringServices", { locationIds: ["main"] }, /Input "Location IDs": "main" is not a whole number/],
    ["getRecurringService", { id: "rs" }, /Input "Recurring Service ID": "rs" is not a whole number/],
    ["updateRecurringService", { id: "230001", recurrenceMonths: ["Apr"] }, /Input "Recurrence Months": "Apr" is not one of January/],
    ["listRecurringServiceEvents", { status: "Done" }, /Input "Status": "Done" is not one of NotAttempted/],
    ["markRecurringServiceEventComplete", { id: "235001" }, /Input "Job ID": is required/],
    ["markRecurringServiceEventIncomplete", { id: "e1", jobId: "10001" }, /Input "Recurring Service Event ID": "e1" is not a whole number/],
    ["listInvoiceTemplates", {}, /Input "IDs": needs at least one id/],
    ["getInvoiceTemplate", { id: "t" }, /Input "Invoice Template ID": "t" is not a whole number/],
  ])("%s refuses a bad input before any request (%#)", async (key, params, message) => {
    await expectRefused(key, params, message);
  });

  it.each([
    ["selectMembership", {}],
    ["selectMembershipType", {}],
    ["selectMembershipBillingOption", { membershipTypeId: "240002" }],
    ["selectRecurringServiceType", {}],
    ["selectRecurringService", {}],
    ["selectRecurringServiceEvent", {}],
    ["selectInvoiceTemplate", {}],
  ])("%s offers labelled records", async (key, params) => {
    const result = await options(key, params);
    if (key === "selectMembershipType") expect(result.map((o) => o.label)).toContain("Comfort Club Gold (ID: 240002)");
    if (key === "selectMembershipBillingOption") expect(result[0].label).toBe("12 months, billed monthly: 24.99 (ID: 241003)");
    if (key === "selectInvoiceTemplate")
      expect(result.map((o) => o.label)).toContain("Comfort Club Silver – annual billing · total 199 (ID: 243001)");
  });
});
