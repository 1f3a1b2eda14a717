import type { ResourceModule } from "../../kit";
import { derivedAction, listAction, namedPicklist, responsePicklist } from "../../kit";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/memberships";
import { idInput } from "../../inputs";

type Schemas = components["schemas"];
type BillingOption = Schemas["Memberships.V2.MembershipTypeDurationBillingItemResponse"];

const FREQUENCY: Record<string, string> = {
  OneTime: "paid once",
  Monthly: "billed monthly",
  EveryOtherMonth: "billed every other month",
  Quarterly: "billed quarterly",
  BiAnnual: "billed twice a year",
  Annual: "billed yearly",
};

/** "12 months, billed monthly: 29.99 (ID: 7)". Prices as ServiceTitan sends them (never re-rounded). */
const billingOptionLabel = (option: BillingOption) =>
  `${option.duration ? `${option.duration} months` : "Ongoing"}, ${FREQUENCY[option.billingFrequency] ?? option.billingFrequency}: ${option.billingPrice} (ID: ${option.id})`;

/** Membership types (what can be sold) and their duration/billing options, discounts and recurring services. */
export const membershipTypes: ResourceModule = {
  actions: {
    listMembershipTypes: listAction({
      label: "List Membership Types",
      description:
        "Retrieve membership types (the memberships a tenant sells), optionally with their billing options, discounts and recurring services",
      operation: "GET /memberships/v2/tenant/{tenant}/membership-types",
      dataSource: "selectMembershipType",
      examplePayload: exampleOf("GET /memberships/v2/tenant/{tenant}/membership-types"),
    }),
    getMembershipType: derivedAction({
      label: "Get Membership Type",
      description: "Retrieve a membership type by ID",
      operation: "GET /memberships/v2/tenant/{tenant}/membership-types/{id}",
    }),
    listMembershipTypeBillingOptions: derivedAction({
      label: "List Membership Type Billing Options",
      description:
        "Retrieve a membership type's duration/billing options (duration, billing frequency, sale, billing and renewal prices): the Duration Billing ID a sale needs",
      operation: "GET /memberships/v2/tenant/{tenant}/membership-types/{id}/duration-billing-items",
      inputs: { active: { comments: "True (the default): active options only; Any: all; False: inactive ones." } },
    }),
    listMembershipTypeDiscounts: derivedAction({
      label: "List Membership Type Discounts",
      description: "Retrieve the discounts a membership type gives (per target, e.g. a pricebook category)",
      operation: "GET /memberships/v2/tenant/{tenant}/membership-types/{id}/discounts",
    }),
    listMembershipTypeRecurringServiceItems: derivedAction({
      label: "List Membership Type Recurring Service Items",
      description:
        "Retrieve the recurring service types a membership type includes (e.g. two tune-ups a year), with their offset and allocation",
      operation: "GET /memberships/v2/tenant/{tenant}/membership-types/{id}/recurring-service-items",
    }),
  },
  dataSources: {
    selectMembershipType: namedPicklist<Schemas["Memberships.V2.MembershipTypeResponse"]>({
      label: "Select Membership Type",
      description: "Select an active membership type from a dropdown menu (up to 10,000 membership types)",
      operation: "GET /memberships/v2/tenant/{tenant}/membership-types",
      example: [{ key: "1", label: "Comfort Club – Gold (ID: 1)" }],
    }),
    selectMembershipBillingOption: responsePicklist<BillingOption[]>({
      label: "Select Membership Billing Option",
      description: "Select one of a membership type's active duration/billing options from a dropdown menu",
      operation: "GET /memberships/v2/tenant/{tenant}/membership-types/{id}/duration-billing-items",
      params: {
        membershipTypeId: {
          in: "path",
          name: "id",
          input: idInput({
            label: "Membership Type ID",
            required: true,
            dataSource: "selectMembershipType",
            comments: "The membership type whose options are listed.",
          }),
        },
      },
      options: (options) => (options ?? []).map((option) => ({ key: String(option.id), label: billingOptionLabel(option) })),
      order: "api",
      example: [{ key: "1", label: "12 months, billed monthly: 29.99 (ID: 1)" }],
    }),
  },
};
