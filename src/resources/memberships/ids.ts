import type { IdVocabulary } from "../../kit/ids";

const membership = {
  label: "Membership ID",
  dataSource: "selectMembership",
  comments: "A customer's membership (not its type): pick one or map its id from a previous step.",
};
const recurringService = {
  label: "Recurring Service ID",
  dataSource: "selectRecurringService",
  comments: "A location's recurring service (the visits a membership includes): pick one or map its id.",
};

/** Memberships ids (see kit/ids.ts). */
export const membershipsIds: IdVocabulary = {
  membershipId: membership,
  customerMembershipId: membership,
  membershipTypeId: {
    label: "Membership Type ID",
    dataSource: "selectMembershipType",
    comments: "A membership type (Settings → Memberships → Membership Types).",
  },
  durationBillingId: {
    label: "Duration Billing ID",
    dataSource: "selectMembershipBillingOption",
    comments: "One of the membership type's duration/billing options (e.g. 12 months billed monthly).",
  },
  recurringServiceTypeId: {
    label: "Recurring Service Type ID",
    dataSource: "selectRecurringServiceType",
    comments: "A recurring service type (Settings → Memberships → Recurring Service Types).",
  },
  recurringServiceId: recurringService,
  locationRecurringServiceId: recurringService,
  recurringServiceEventId: {
    label: "Recurring Service Event ID",
    dataSource: "selectRecurringServiceEvent",
    comments: "One visit due under a recurring service: pick one or map its id from a previous step.",
  },
  invoiceTemplateId: {
    label: "Invoice Template ID",
    dataSource: "selectInvoiceTemplate",
    comments: "A membership invoice template (the items billed for a membership or recurring service).",
  },
  invoiceTemplateForFollowingYearsId: {
    label: "Invoice Template For Following Years ID",
    dataSource: "selectInvoiceTemplate",
    comments: "A membership invoice template used from the second year on.",
  },
  billingTemplateId: {
    label: "Billing Template ID",
    dataSource: "selectInvoiceTemplate",
    comments: "The membership invoice template its billing uses.",
  },
};
