import type { ResourceModule } from "../../kit";
import { derivedAction, listAction, picklist } from "../../kit";
import { exampleOf, exampleWith } from "../../examples";
import type { components } from "../../generated/types/memberships";

type Schemas = components["schemas"];

const MEMBERSHIP = {
  id: 220001,
  createdOn: "2025-01-20T16:00:00Z",
  createdById: 1,
  modifiedOn: "2025-01-20T16:00:00Z",
  followUpOn: "2025-12-20T16:00:00Z",
  cancellationDate: null,
  from: "2025-01-20T16:00:00Z",
  nextScheduledBillDate: "2026-01-20T16:00:00Z",
  to: "2026-01-20T16:00:00Z",
  billingFrequency: "Annual",
  renewalBillingFrequency: "Annual",
  status: "Active",
  followUpStatus: "NotAttempted",
  active: true,
  initialDeferredRevenue: 0,
  duration: 12,
  renewalDuration: 12,
  businessUnitId: 101,
  customerId: 2001,
  membershipTypeId: 240001,
  billingTemplateId: 243001,
  locationId: null,
  recurringLocationId: 3001,
  soldById: 1001,
  memo: null,
  customFields: [],
};

const RECURRING_SERVICE_ACTION =
  "Required with Recurring Location ID: add the membership's recurring services at All the customer's locations, a Single one (Recurring Location ID), or None (removes existing recurring services).";

/** Customer memberships: what a customer bought (a membership type, for a duration, billed at a frequency). */
export const memberships: ResourceModule = {
  actions: {
    listMemberships: listAction({
      label: "List Memberships",
      description: "Retrieve customer memberships, filtered by customer, status, duration, billing frequency or dates",
      operation: "GET /memberships/v2/tenant/{tenant}/memberships",
      dataSource: "selectMembership",
      examplePayload: exampleWith("GET /memberships/v2/tenant/{tenant}/memberships", {
        page: 1,
        pageSize: 50,
        hasMore: false,
        totalCount: null,
        data: [MEMBERSHIP],
      }),
    }),
    listMembershipCustomFieldTypes: listAction({
      label: "List Membership Custom Field Types",
      description: "The custom fields customer memberships can carry (name, data type and dropdown options)",
      operation: "GET /memberships/v2/tenant/{tenant}/memberships/custom-fields",
      examplePayload: exampleOf("GET /memberships/v2/tenant/{tenant}/memberships/custom-fields"),
    }),
    getMembership: derivedAction({
      label: "Get Membership",
      description: "Retrieve a customer membership by ID",
      operation: "GET /memberships/v2/tenant/{tenant}/memberships/{id}",
      examplePayload: exampleWith("GET /memberships/v2/tenant/{tenant}/memberships/{id}", MEMBERSHIP),
    }),
    updateMembership: derivedAction({
      label: "Update Membership",
      description:
        "Update a customer membership: change its status (Active, Suspended, Expired, Canceled), dates, billing, payment or where its recurring services are scheduled",
      operation: "PATCH /memberships/v2/tenant/{tenant}/memberships/{id}",
      inputs: {
        soldById: {
          label: "Sold By ID",
          dataSource: "selectTechnician",
          comments: "The technician credited with the sale of this membership.",
        },
        recurringServiceAction: { comments: RECURRING_SERVICE_ACTION },
        recurringLocationId: {
          label: "Recurring Location ID",
          dataSource: "selectLocation",
          comments: "The location where recurring services are scheduled (empty: all locations).",
        },
        locationId: {
          comments: "The location the membership discount applies to (empty: all the customer's locations).",
        },
        paymentMethodId: {
          label: "Payment Method ID",
          comments: "The customer's stored card or bank account to bill (its id in ServiceTitan). Use this or Payment Type ID, not both.",
        },
        renewalMembershipTaskId: {
          label: "Renewal Membership Task ID",
          dataSource: "selectService",
          comments: "The pricebook service used to renew the membership.",
        },
        cancellationBalanceInvoiceId: {
          label: "Cancellation Balance Invoice ID",
          dataSource: "selectInvoice",
          comments: "The invoice for the balance due when the membership is canceled.",
        },
        cancellationInvoiceId: {
          label: "Cancellation Invoice ID",
          dataSource: "selectInvoice",
          comments: "The invoice of the cancellation.",
        },
        initialDeferredRevenue: { comments: "Revenue deferred at the start of the membership (deferred revenue recognition)." },
      },
    }),
    listMembershipStatusChanges: derivedAction({
      label: "List Membership Status Changes",
      description: "Retrieve the history of a membership's status (old and new status, note, when and by whom)",
      operation: "GET /memberships/v2/tenant/{tenant}/memberships/{id}/status-changes",
      examplePayload: exampleWith("GET /memberships/v2/tenant/{tenant}/memberships/{id}/status-changes", [
        {
          id: 225001,
          oldStatus: "Active",
          newStatus: "Suspended",
          note: "Card declined",
          createdOn: "2025-06-02T15:00:00Z",
          createdById: 1,
        },
      ]),
    }),
    sellMembership: derivedAction({
      label: "Sell Membership",
      description:
        "Sell a membership to a customer: creates the membership and its sale invoice (answers their ids). Pick the membership type's duration/billing option",
      operation: "POST /memberships/v2/tenant/{tenant}/memberships/sale",
      examplePayload: exampleWith("POST /memberships/v2/tenant/{tenant}/memberships/sale", {
        invoiceId: 50041,
        customerMembershipId: 220006,
      }),
      inputs: {
        saleTaskId: {
          label: "Sale Task ID",
          dataSource: "selectService",
          comments: "The pricebook service that sells the membership (the membership type's sale task).",
        },
        durationBillingId: {
          comments:
            "The duration/billing option sold (e.g. 12 months billed monthly): pick one of the membership type's options (List Membership Type Billing Options).",
        },
        locationId: {
          comments: "The location the membership discount applies to (empty: all the customer's locations).",
        },
        recurringServiceAction: { comments: RECURRING_SERVICE_ACTION },
        recurringLocationId: {
          label: "Recurring Location ID",
          dataSource: "selectLocation",
          comments: "The location where recurring services are scheduled (empty: all locations).",
        },
      },
    }),
  },
  dataSources: {
    selectMembership: picklist<Schemas["Memberships.V2.CustomerMembershipResponse"]>({
      label: "Select Membership",
      description: "Select a customer membership from a dropdown menu (up to 10,000 memberships, newest first)",
      operation: "GET /memberships/v2/tenant/{tenant}/memberships",
      query: { sort: "-Id" },
      option: (m) => ({
        key: String(m.id),
        label: `Membership #${m.id} · customer ${m.customerId} · ${m.status}${m.to ? ` until ${String(m.to).slice(0, 10)}` : ""}`,
      }),
      order: "api",
      example: [{ key: "1", label: "Membership #1 · customer 2001 · Active until 2026-01-31" }],
    }),
  },
};
