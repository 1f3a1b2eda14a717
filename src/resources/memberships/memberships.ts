import type { ResourceModule } from "../../kit";
import { derivedAction, listAction, picklist } from "../../kit";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/memberships";

type Schemas = components["schemas"];

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
      examplePayload: exampleOf("GET /memberships/v2/tenant/{tenant}/memberships"),
    }),
    getMembership: derivedAction({
      label: "Get Membership",
      description: "Retrieve a customer membership by ID",
      operation: "GET /memberships/v2/tenant/{tenant}/memberships/{id}",
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
    }),
    sellMembership: derivedAction({
      label: "Sell Membership",
      description:
        "Sell a membership to a customer: creates the membership and its sale invoice (answers their ids). Pick the membership type's duration/billing option",
      operation: "POST /memberships/v2/tenant/{tenant}/memberships/sale",
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
