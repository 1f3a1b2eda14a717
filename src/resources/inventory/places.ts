import { dataSource } from "@prismatic-io/spectral";
import type { ResourceModule } from "../../kit";
import {
  clientFor,
  derivedAction,
  inBody,
  listAction,
  namedPicklist,
  PICKLIST_LIMIT,
  registerOperation,
  type InputTweak,
  type Values,
} from "../../kit";
import { listPages } from "../../client/paging";
import { exampleOf } from "../../examples";
import { connectionInput, externalDataInput } from "../../inputs";
import { ADDRESS_EXAMPLE } from "./shared";

/** Who supplies and where stock sits: vendors, warehouses, trucks and the inventory templates that stock them. */

const TEMPLATE: InputTweak = {
  label: "Inventory Template ID",
  dataSource: "selectInventoryTemplate",
  comments: "The inventory template that sets the truck's stock levels (List Inventory Templates).",
};

const vendorTweaks = (update: boolean): Record<string, InputTweak | ReturnType<typeof inBody>> => ({
  name: { comments: "The vendor's (supplier's) name." },
  active: update ? { comments: "False deactivates the vendor." } : { comments: "Whether the vendor can be used on new purchase orders." },
  isTruckReplenishment: { comments: "Whether the vendor replenishes trucks directly." },
  taxRate: { comments: "The vendor's tax rate in percent (a number such as 8.6)." },
  restrictedMobileCreation: { comments: "Whether technicians are kept from creating POs to this vendor in the mobile app." },
  deliveryOption: { comments: "How purchase orders reach the vendor (e-mail as PDF, electronic …)." },
  vendorQuickbooksItem: { label: "Vendor QuickBooks Item", comments: "The QuickBooks item purchases from this vendor post to." },
  address: { comments: "The vendor's address as a JSON object { street, unit, city, state, zip, country }.", example: ADDRESS_EXAMPLE },
  tags: { comments: 'Tags as a JSON array of { "tagTypeId" } (tag type ids from Select Tag Type).', example: '[{ "tagTypeId": 12345 }]' },
  vendorContacts: {
    comments: update
      ? 'The vendor\'s contacts after the update, as a JSON array of { "name", "email" }.'
      : 'Contacts at the vendor, as a JSON array of { "name", "email" }.',
    example: '[{ "name": "Order desk", "email": "orders@example.com" }]',
  },
  externalData: inBody(externalDataInput({ update })),
});

type Location = { id: number; name?: string | null };
const WAREHOUSES = "GET /inventory/v2/tenant/{tenant}/warehouses" as const;
const TRUCKS = "GET /inventory/v2/tenant/{tenant}/trucks" as const;

export const places: ResourceModule = {
  actions: {
    listVendors: listAction({
      label: "List Vendors",
      description: "Retrieve vendors (suppliers)",
      operation: "GET /inventory/v2/tenant/{tenant}/vendors",
      dataSource: "selectVendor",
      omit: ["customField.Fields", "customField.Operator"], // nested query the core does not build
      examplePayload: exampleOf("GET /inventory/v2/tenant/{tenant}/vendors"),
    }),
    getVendor: derivedAction({
      label: "Get Vendor",
      description: "Retrieve a vendor by ID",
      operation: "GET /inventory/v2/tenant/{tenant}/vendors/{id}",
    }),
    createVendor: derivedAction({
      label: "Create Vendor",
      description: "Create a vendor (supplier)",
      operation: "POST /inventory/v2/tenant/{tenant}/vendors",
      inputs: vendorTweaks(false),
    }),
    updateVendor: derivedAction({
      label: "Update Vendor",
      description: "Update a vendor",
      operation: "PATCH /inventory/v2/tenant/{tenant}/vendors/{id}",
      inputs: vendorTweaks(true),
    }),

    listWarehouses: listAction({
      label: "List Warehouses",
      description: "Retrieve warehouses",
      operation: WAREHOUSES,
      dataSource: "selectWarehouse",
      examplePayload: exampleOf(WAREHOUSES),
    }),
    updateWarehouse: derivedAction({
      label: "Update Warehouse",
      description: "Set a warehouse's external data (the key/value pairs your application stores on it)",
      operation: "PATCH /inventory/v2/tenant/{tenant}/warehouses/{id}",
      inputs: { externalData: inBody(externalDataInput({ update: true })) },
    }),

    listTrucks: listAction({
      label: "List Trucks",
      description: "Retrieve trucks (technicians' rolling inventory locations)",
      operation: TRUCKS,
      dataSource: "selectTruck",
      examplePayload: exampleOf(TRUCKS),
    }),
    createTruck: derivedAction({
      label: "Create Truck",
      description: "Create a truck (an inventory location replenished from a warehouse)",
      operation: "POST /inventory/v2/tenant/{tenant}/trucks",
      inputs: {
        name: { comments: "The truck's name (e.g. its number or plate)." },
        warehouseId: { comments: "The warehouse that replenishes the truck." },
        templateId: TEMPLATE,
        technicianIds: { comments: "Technicians who use the truck, one per entry." },
        externalData: inBody(externalDataInput()),
      },
    }),
    updateTruck: derivedAction({
      label: "Update Truck",
      description: "Update a truck",
      operation: "PATCH /inventory/v2/tenant/{tenant}/trucks/{id}",
      inputs: {
        templateId: TEMPLATE,
        technicianIds: { comments: "The technicians who use the truck after the update (replaces the list)." },
        externalData: inBody(externalDataInput({ update: true })),
      },
    }),

    listInventoryTemplates: listAction({
      label: "List Inventory Templates",
      description: "Retrieve inventory templates (the stock levels a warehouse or truck should hold)",
      operation: "GET /inventory/v2/tenant/{tenant}/inventory-templates",
      dataSource: "selectInventoryTemplate",
      examplePayload: exampleOf("GET /inventory/v2/tenant/{tenant}/inventory-templates"),
    }),
  },
  dataSources: {
    selectVendor: namedPicklist<Location>({
      label: "Select Vendor",
      description: "Select an active vendor from a dropdown menu (up to 10,000 vendors)",
      operation: "GET /inventory/v2/tenant/{tenant}/vendors",
      example: [{ key: "1", label: "Ferguson HVAC (ID: 1)" }],
    }),
    selectWarehouse: namedPicklist<Location>({
      label: "Select Warehouse",
      description: "Select an active warehouse from a dropdown menu",
      operation: WAREHOUSES,
      example: [{ key: "1", label: "Main Warehouse (ID: 1)" }],
    }),
    selectTruck: namedPicklist<Location>({
      label: "Select Truck",
      description: "Select an active truck from a dropdown menu",
      operation: TRUCKS,
      example: [{ key: "1", label: "Truck 12 (ID: 1)" }],
    }),
    selectInventoryTemplate: namedPicklist<Location>({
      label: "Select Inventory Template",
      description: "Select an active inventory template from a dropdown menu",
      operation: "GET /inventory/v2/tenant/{tenant}/inventory-templates",
      example: [{ key: "1", label: "Service Truck Standard (ID: 1)" }],
    }),
    // Warehouses and trucks are both inventory locations (receipts, returns, adjustments name one by id).
    selectInventoryLocation: registerOperation(
      dataSource({
        display: {
          label: "Select Inventory Location",
          description: "Select an active warehouse or truck from a dropdown menu (warehouses first)",
        },
        dataSourceType: "picklist",
        inputs: { connection: connectionInput },
        examplePayload: {
          result: [
            { key: "1", label: "Warehouse: Main Warehouse (ID: 1)" },
            { key: "2", label: "Truck: Truck 12 (ID: 2)" },
          ],
        },
        perform: async (context, values) => {
          const client = clientFor((values as Values).connection, context);
          const result: Array<{ key: string; label: string }> = [];
          for (const [operation, kind] of [
            [WAREHOUSES, "Warehouse"],
            [TRUCKS, "Truck"],
          ] as const) {
            const options: Array<{ key: string; label: string }> = [];
            for await (const page of listPages<Location>(client, operation, {}, { maxRecords: PICKLIST_LIMIT })) {
              for (const location of page) {
                options.push({
                  key: String(location.id),
                  label: `${kind}: ${String(location.name ?? "").trim() || "Unnamed"} (ID: ${location.id})`,
                });
              }
            }
            result.push(...options.sort((a, b) => a.label.localeCompare(b.label, "en", { numeric: true, sensitivity: "base" })));
          }
          return { result };
        },
      }),
      WAREHOUSES,
    ),
  },
};
