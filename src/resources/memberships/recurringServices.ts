import type { ResourceModule } from "../../kit";
import { derivedAction, feedPicklist, inBody, inQuery, listAction, namedPicklist, picklist } from "../../kit";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/memberships";
import { idListInput, rulesJsonInput, specFields } from "../../inputs";

type Schemas = components["schemas"];
type Event = Schemas["Memberships.V2.LocationRecurringServiceEventResponse"];

const eventJob = (what: string) => ({
  label: "Job ID",
  comments: `The job the visit was ${what} on.`,
});

/** An invoice template's items (create: new items only; update: the whole list, an item's id keeps it). */
const templateItems = (update: boolean) => {
  const create = specFields<Schemas["Memberships.V2.InvoiceTemplateItemCreateRequest"]>()(
    "skuId",
    "quantity",
    "unitPrice",
    "isAddOn",
    "workflowActionItemId",
    "description",
    "cost",
    "hours",
  );
  const fields = update
    ? specFields<Schemas["Memberships.V2.InvoiceTemplateItemUpdateRequest"]>()(
        "id",
        "skuId",
        "quantity",
        "unitPrice",
        "isAddOn",
        "description",
        "cost",
        "hours",
      )
    : create;
  return inBody(
    rulesJsonInput(
      {
        label: "Items",
        shape: "array",
        required: !update,
        comments: update
          ? "The template's items, replacing the current ones, as a JSON array of {id (keep an existing item: its id from Get Invoice Template), skuId, quantity, unitPrice, isAddOn, description, cost, hours}. skuId: a pricebook service, material or equipment (List Services / Materials / Equipment). Empty: unchanged."
          : "What the template bills, as a JSON array of {skuId, quantity, unitPrice, isAddOn, description, cost, hours}: skuId is a pricebook service, material or equipment (List Services / Materials / Equipment); isAddOn true for an add-on item.",
        example: JSON.stringify([{ skuId: 400001, quantity: 1, unitPrice: 129, isAddOn: false, description: "AC Tune-Up" }], null, 2),
      },
      {
        fields,
        required: ["skuId", "quantity", "unitPrice", "isAddOn"],
        integers: update ? ["id", "skuId"] : ["skuId", "workflowActionItemId"],
      },
    ),
  );
};

/**
 * Recurring services (the visits a membership includes, per location), their events (each visit due) and types, and
 * the membership invoice templates they bill with.
 */
export const recurringServices: ResourceModule = {
  actions: {
    listRecurringServiceTypes: listAction({
      label: "List Recurring Service Types",
      description: "Retrieve recurring service types (e.g. AC tune-up every spring), filtered by membership type, recurrence or duration",
      operation: "GET /memberships/v2/tenant/{tenant}/recurring-service-types",
      dataSource: "selectRecurringServiceType",
      examplePayload: exampleOf("GET /memberships/v2/tenant/{tenant}/recurring-service-types"),
    }),
    getRecurringServiceType: derivedAction({
      label: "Get Recurring Service Type",
      description: "Retrieve a recurring service type by ID",
      operation: "GET /memberships/v2/tenant/{tenant}/recurring-service-types/{id}",
    }),
    listRecurringServices: listAction({
      label: "List Recurring Services",
      description: "Retrieve recurring services (the visits memberships include at a location), filtered by membership or location",
      operation: "GET /memberships/v2/tenant/{tenant}/recurring-services",
      dataSource: "selectRecurringService",
      examplePayload: exampleOf("GET /memberships/v2/tenant/{tenant}/recurring-services"),
    }),
    getRecurringService: derivedAction({
      label: "Get Recurring Service",
      description: "Retrieve a recurring service by ID",
      operation: "GET /memberships/v2/tenant/{tenant}/recurring-services/{id}",
    }),
    updateRecurringService: derivedAction({
      label: "Update Recurring Service",
      description:
        "Update a recurring service: its schedule (recurrence, months, days), job defaults (job type, business unit, priority, summary), invoice templates, technicians or tags",
      operation: "PATCH /memberships/v2/tenant/{tenant}/recurring-services/{id}",
      inputs: {
        campaignId: {
          label: "Campaign ID",
          dataSource: "selectCampaign",
          comments: "The marketing campaign jobs of this recurring service are attributed to.",
        },
        preferredTechnicianIds: {
          label: "Preferred Technician IDs",
          dataSource: "selectTechnician",
          comments: "Technicians preferred for these visits, one per entry (replaces the list).",
        },
        tagTypeIds: { comments: "Tags of the recurring service (replaces the list): tag type ids (Settings → Tags), one per entry." },
        jobStartTime: {
          comments: "The visits' usual start time of day as hh:mm:ss (e.g. 09:00:00).",
        },
        durationLength: { comments: "How long the service runs, in units of the duration type (e.g. 4 visits)." },
        recurrenceInterval: {
          comments: "Every how many units of the recurrence type (e.g. 6 with Monthly: twice a year; 0 for Seasonal).",
        },
        estimatedPayrollCost: { comments: "The estimated payroll cost of one visit." },
      },
    }),
    listRecurringServiceEvents: listAction({
      label: "List Recurring Service Events",
      description: "Retrieve recurring service events (the visits due), filtered by location, job, follow-up status or dates",
      operation: "GET /memberships/v2/tenant/{tenant}/recurring-service-events",
      dataSource: "selectRecurringServiceEvent",
      omit: ["sort"], // declared as a list of objects without documented fields
      examplePayload: exampleOf("GET /memberships/v2/tenant/{tenant}/recurring-service-events"),
    }),
    markRecurringServiceEventComplete: derivedAction({
      label: "Mark Recurring Service Event Complete",
      description: "Mark a recurring service visit as done on a job (its follow-up status becomes Won)",
      operation: "POST /memberships/v2/tenant/{tenant}/recurring-service-events/{id}/mark-complete",
      inputs: { jobId: eventJob("completed") },
    }),
    markRecurringServiceEventIncomplete: derivedAction({
      label: "Mark Recurring Service Event Incomplete",
      description: "Undo a recurring service visit marked as done on a job (it is due again)",
      operation: "POST /memberships/v2/tenant/{tenant}/recurring-service-events/{id}/mark-incomplete",
      inputs: { jobId: eventJob("marked complete") },
    }),
    listInvoiceTemplates: derivedAction({
      label: "List Invoice Templates",
      description: "Retrieve membership invoice templates (the items billed for a membership or recurring service) by their ids",
      operation: "GET /memberships/v2/tenant/{tenant}/invoice-templates",
      inputs: {
        ids: inQuery(
          idListInput({
            label: "IDs",
            required: true,
            max: 50,
            dataSource: "selectInvoiceTemplate",
            comments: "The invoice templates to read (at most 50 ids): ServiceTitan lists invoice templates only by id.",
          }),
        ),
      },
    }),
    getInvoiceTemplate: derivedAction({
      label: "Get Invoice Template",
      description: "Retrieve a membership invoice template by ID, with its items",
      operation: "GET /memberships/v2/tenant/{tenant}/invoice-templates/{id}",
    }),
    createInvoiceTemplate: derivedAction({
      label: "Create Invoice Template",
      description:
        "Create a membership invoice template (the items a membership or recurring service bills) from its items; answers the new template's id",
      operation: "POST /memberships/v2/tenant/{tenant}/invoice-templates",
      inputs: { items: templateItems(false) },
    }),
    updateInvoiceTemplate: derivedAction({
      label: "Update Invoice Template",
      description: "Rename a membership invoice template, (de)activate it or replace its items; answers its id",
      operation: "PATCH /memberships/v2/tenant/{tenant}/invoice-templates/{id}",
      // When and by whom the template was created are ServiceTitan's own records, not something to edit.
      omit: ["createdOn", "createdById"],
      inputs: {
        name: {
          example: "Comfort Club Silver – annual billing",
          comments: "The template's name (shown only for shared templates, the ones Settings → Memberships lists). Empty: unchanged.",
        },
        active: {
          comments:
            "False deactivates the template (it leaves the Select Invoice Template dropdown); True reactivates it. Empty: unchanged.",
        },
        items: templateItems(true),
      },
    }),
  },
  dataSources: {
    selectRecurringServiceType: namedPicklist<Schemas["Memberships.V2.RecurringServiceTypeResponse"] & { name?: string | null }>({
      label: "Select Recurring Service Type",
      description: "Select an active recurring service type from a dropdown menu (up to 10,000 types)",
      operation: "GET /memberships/v2/tenant/{tenant}/recurring-service-types",
      example: [{ key: "1", label: "AC Tune-Up – Spring (ID: 1)" }],
    }),
    selectRecurringService: namedPicklist<Schemas["Memberships.V2.LocationRecurringServiceResponse"]>({
      label: "Select Recurring Service",
      description: "Select an active recurring service from a dropdown menu (up to 10,000 recurring services)",
      operation: "GET /memberships/v2/tenant/{tenant}/recurring-services",
      example: [{ key: "1", label: "Spring AC Tune-Up – 1 Main St (ID: 1)" }],
    }),
    selectRecurringServiceEvent: picklist<Event>({
      label: "Select Recurring Service Event",
      description: "Select a recurring service visit from a dropdown menu (up to 10,000 events)",
      operation: "GET /memberships/v2/tenant/{tenant}/recurring-service-events",
      option: (event) => ({
        key: String(event.id),
        label: `${event.locationRecurringServiceName || `Recurring service ${event.locationRecurringServiceId}`} · ${String(event.date).slice(0, 10)} · ${event.status} (ID: ${event.id})`,
      }),
      order: "api",
      example: [{ key: "1", label: "Spring AC Tune-Up · 2025-04-01 · NotAttempted (ID: 1)" }],
    }),
    selectInvoiceTemplate: feedPicklist<Schemas["Memberships.V2.ExportInvoiceTemplateResponse"]>({
      label: "Select Invoice Template",
      description:
        "Select an active membership invoice template from a dropdown menu (read from ServiceTitan's invoice template feed, since the list needs ids; up to 10,000 templates)",
      operation: "GET /memberships/v2/tenant/{tenant}/export/invoice-templates",
      keep: (template) => template.active,
      option: (template) => ({
        key: String(template.id),
        label: `${template.name?.trim() || "Invoice template"} · total ${template.total} (ID: ${template.id})`,
      }),
      example: [{ key: "1", label: "Comfort Club – Monthly · total 29.99 (ID: 1)" }],
    }),
  },
};
