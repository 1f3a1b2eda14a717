import type { ResourceModule } from "../../kit";
import { derivedAction, listAction, picklist } from "../../kit";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/service-agreements";

type Schemas = components["schemas"];

/** Service agreements: commercial maintenance contracts (read-only in the API). */
export const serviceAgreements: ResourceModule = {
  actions: {
    listServiceAgreements: listAction({
      label: "List Service Agreements",
      description: "Retrieve service agreements (maintenance contracts), filtered by customer, business unit, status or dates",
      operation: "GET /service-agreements/v2/tenant/{tenant}/service-agreements",
      dataSource: "selectServiceAgreement",
      examplePayload: exampleOf("GET /service-agreements/v2/tenant/{tenant}/service-agreements"),
    }),
    getServiceAgreement: derivedAction({
      label: "Get Service Agreement",
      description: "Retrieve a service agreement by ID: its dates, billing, pricing, locations and status",
      operation: "GET /service-agreements/v2/tenant/{tenant}/service-agreements/{id}",
    }),
  },
  dataSources: {
    selectServiceAgreement: picklist<Schemas["ServiceAgreements.V2.ServiceAgreementResponse"]>({
      label: "Select Service Agreement",
      description: "Select a service agreement from a dropdown menu (up to 10,000 agreements, newest first)",
      operation: "GET /service-agreements/v2/tenant/{tenant}/service-agreements",
      query: { sort: "-Id" },
      option: (agreement) => ({
        key: String(agreement.id),
        label: `${agreement.name?.trim() || "Service agreement"} · ${agreement.status} (ID: ${agreement.id})`,
      }),
      order: "api",
      example: [{ key: "1", label: "Desert Ridge Mall HVAC 2025 · Activated (ID: 1)" }],
    }),
  },
};
