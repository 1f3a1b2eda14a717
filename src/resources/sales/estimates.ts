import type { ResourceModule } from "../../kit";
import { derivedAction, inBody, listAction, picklist } from "../../kit";
import { exampleWith } from "../../examples";
import { ESTIMATE, ESTIMATE_ITEM, SOLD_ESTIMATE } from "./examples";
import type { components } from "../../generated/types/sales";
import { decimalInput, enumInput, idInput, stringInput } from "../../inputs";

type Schemas = components["schemas"];
type Estimate = Schemas["Estimates.V2.EstimateResponse"];
type EstimateItem = Schemas["Estimates.V2.EstimateItemResponse"];

const ESTIMATE_STATUSES = ["Open", "Sold", "Dismissed"] as const;

/** The technician credited with the sale (only managed technicians can sell estimates). */
const soldByInput = (required: boolean) =>
  inBody(
    idInput({
      label: "Sold By ID",
      required,
      dataSource: "selectTechnician",
      comments: "The technician who sold the estimate (a managed technician): pick one or map their id.",
    }),
    "soldBy",
  );

const ITEMS_EXAMPLE = '[{ "skuId": 12345, "description": "Replace run capacitor", "quantity": 1, "unitPrice": 189.00 }]';
const itemsTweak = {
  comments:
    "The estimate's items as a JSON array of { skuId, description, quantity, unitPrice, isAddOn?, chargeable?, itemGroupName?, … }: skuId is the pricebook service, material or equipment.",
  example: ITEMS_EXAMPLE,
};
const externalLinksTweak = {
  comments: 'Links shown on the estimate, as a JSON array of { "name": "Proposal PDF", "url": "https://…" }.',
  example: '[{ "name": "Financing offer", "url": "https://example.com/offers/123" }]',
};
const estimateTweaks = {
  name: { comments: "The estimate's name as shown to the customer (e.g. Furnace replacement – good option)." },
  summary: { comments: "The estimate's summary (HTML allowed)." },
  tax: { comments: "The tax amount of the estimate." },
  status: { comments: "Open, Sold or Dismissed. To sell, unsell or dismiss an estimate prefer the dedicated actions." },
  reviewStatus: { comments: "Where the estimate stands in the manager review (None when reviews are not used)." },
  isRecommended: { comments: "Whether the estimate is shown as the recommended option." },
  useDefaultProjectLabels: { comments: "Whether items get the project's default labels." },
  depositAmount: { comments: "A deposit to collect, as an amount (use this or Deposit Percent)." },
  depositPercent: { comments: "A deposit to collect, as a percentage of the total (use this or Deposit Amount)." },
  requireDepositOnSignature: { comments: "Whether the customer pays the deposit when signing." },
  items: itemsTweak,
  externalLinks: externalLinksTweak,
};

const estimateItemIdInput = (label = "Estimate Item ID", comments = "The estimate item: pick one of the estimate's items.") =>
  ({ label, dataSource: "selectEstimateItem", comments }) as const;

export const estimates: ResourceModule = {
  actions: {
    listEstimates: listAction({
      label: "List Estimates",
      description: "Retrieve estimates, filtered by job, project, location, status, seller, total or dates",
      operation: "GET /sales/v2/tenant/{tenant}/estimates",
      dataSource: "selectEstimate",
      omit: ["orderBy", "orderByDirection"], // deprecated in favour of Sort
      filters: {
        status: enumInput({ label: "Status", values: ESTIMATE_STATUSES, comments: "Only estimates in this status." }),
        soldById: idInput({ label: "Sold By ID", dataSource: "selectTechnician", comments: "Estimates sold by this technician." }),
        soldByEmployeeId: idInput({
          label: "Sold By Employee ID",
          dataSource: "selectEmployee",
          comments: "Estimates sold by this employee (office staff rather than a technician).",
        }),
        totalGreater: decimalInput({ label: "Total Greater Than", comments: "Only estimates whose total is above this amount." }),
        totalLess: decimalInput({ label: "Total Less Than", comments: "Only estimates whose total is below this amount." }),
        jobNumber: stringInput({ label: "Job Number", comments: "Estimates of the job with this number (as shown in ServiceTitan)." }),
      },
      examplePayload: exampleWith("GET /sales/v2/tenant/{tenant}/estimates", {
        page: 1,
        pageSize: 50,
        hasMore: false,
        totalCount: null,
        data: [ESTIMATE],
      }),
    }),
    getEstimate: derivedAction({
      label: "Get Estimate",
      description: "Retrieve an estimate by ID, with its items",
      operation: "GET /sales/v2/tenant/{tenant}/estimates/{id}",
      examplePayload: exampleWith("GET /sales/v2/tenant/{tenant}/estimates/{id}", ESTIMATE),
    }),
    createEstimate: derivedAction({
      label: "Create Estimate",
      description: "Create an estimate on a job (or a project or location), with its items",
      operation: "POST /sales/v2/tenant/{tenant}/estimates",
      examplePayload: exampleWith("POST /sales/v2/tenant/{tenant}/estimates", ESTIMATE),
      inputs: {
        ...estimateTweaks,
        soldBy: soldByInput(false),
        jobId: { comments: "The job the estimate is for (or give a project or a location instead)." },
      },
    }),
    updateEstimate: derivedAction({
      label: "Update Estimate",
      description:
        "Update an estimate's name, summary, tax, review status, deposit, items or links. Inputs left empty are not sent. Items given are added (no id) or updated (with their id)",
      operation: "PUT /sales/v2/tenant/{tenant}/estimates/{id}",
      examplePayload: exampleWith("PUT /sales/v2/tenant/{tenant}/estimates/{id}", ESTIMATE),
      inputs: { ...estimateTweaks, soldBy: soldByInput(false) },
    }),
    sellEstimate: derivedAction({
      label: "Sell Estimate",
      description: "Mark an estimate as sold by a technician (its status becomes Sold)",
      operation: "PUT /sales/v2/tenant/{tenant}/estimates/{id}/sell",
      examplePayload: exampleWith("PUT /sales/v2/tenant/{tenant}/estimates/{id}/sell", SOLD_ESTIMATE),
      inputs: { soldBy: soldByInput(true) },
    }),
    unsellEstimate: derivedAction({
      label: "Unsell Estimate",
      description: "Undo the sale of a sold estimate (its status becomes Open again)",
      operation: "PUT /sales/v2/tenant/{tenant}/estimates/{id}/unsell",
    }),
    dismissEstimate: derivedAction({
      label: "Dismiss Estimate",
      description: "Dismiss an open estimate the customer declined (its status becomes Dismissed)",
      operation: "PUT /sales/v2/tenant/{tenant}/estimates/{id}/dismiss",
    }),
    listEstimateStatusChanges: derivedAction({
      label: "List Estimate Status Changes",
      description: "Retrieve the history of an estimate's status (old status, new status, when and by whom)",
      operation: "GET /sales/v2/tenant/{tenant}/status/estimates/{id}/changes",
      examplePayload: exampleWith("GET /sales/v2/tenant/{tenant}/status/estimates/{id}/changes", [
        { id: 205001, oldStatus: "Open", newStatus: "Sold", createdOn: "2025-03-03T17:20:00Z", createdById: 1001 },
      ]),
    }),
    listEstimateItems: listAction({
      label: "List Estimate Items",
      description: "Retrieve estimate items (the services, materials and equipment quoted), e.g. those of one estimate",
      operation: "GET /sales/v2/tenant/{tenant}/estimates/items",
      dataSource: "selectEstimateItem",
      filters: {
        estimateId: idInput({ label: "Estimate ID", dataSource: "selectEstimate", comments: "Only the items of this estimate." }),
      },
      examplePayload: exampleWith("GET /sales/v2/tenant/{tenant}/estimates/items", {
        page: 1,
        pageSize: 50,
        hasMore: false,
        totalCount: null,
        data: [ESTIMATE_ITEM],
      }),
    }),
    addOrUpdateEstimateItem: derivedAction({
      label: "Add or Update Estimate Item",
      description: "Add an item to an estimate, or update one of its items when Estimate Item ID is given. The estimate's totals follow",
      operation: "PUT /sales/v2/tenant/{tenant}/estimates/{id}/items",
      examplePayload: exampleWith("PUT /sales/v2/tenant/{tenant}/estimates/{id}/items", { ...ESTIMATE_ITEM, estimateId: 200001 }),
      inputs: {
        bodyId: estimateItemIdInput("Estimate Item ID", "Empty: a new item is added. An item of this estimate: that item is updated."),
        skuId: {
          label: "SKU ID",
          comments: "The pricebook service, material or equipment quoted (its id in Pricebook). Required for a new item.",
        },
        skuName: { label: "SKU Name", comments: "The SKU's code, instead of SKU ID." },
        parentItemId: estimateItemIdInput("Parent Item ID", "Optional: the item this one belongs to (e.g. a material under a service)."),
        itemGroupRootId: estimateItemIdInput("Item Group Root ID", "Optional: the first item of the group this item joins."),
        description: { comments: "The item's description as shown to the customer (HTML allowed)." },
        isAddOn: { comments: "Whether the item is an optional add-on." },
        quantity: { comments: "How many (e.g. 1 or 2.5)." },
        unitPrice: { comments: "Price per unit; empty: the pricebook price." },
        unitCost: { comments: "Cost per unit." },
        skipUpdatingMembershipPrices: { comments: "Keep the price as given even when the customer has a membership discount." },
        itemGroupName: { comments: "Optional: the name of the item group." },
        chargeable: { comments: "Whether the customer is charged for the item." },
        useDefaultProjectLabels: { comments: "Whether the item gets the project's default labels." },
      },
    }),
    deleteEstimateItem: derivedAction({
      label: "Delete Estimate Item",
      description: "Remove an item from an estimate. The estimate's totals follow",
      operation: "DELETE /sales/v2/tenant/{tenant}/estimates/{id}/items/{itemId}",
      inputs: { itemId: estimateItemIdInput() },
      subject: (v) => `Item ${v.itemId} of estimate ${v.id}`,
    }),
  },
  dataSources: {
    selectEstimate: picklist<Estimate>({
      label: "Select Estimate",
      description: "Select an estimate from a dropdown menu (up to 10,000 estimates, newest first)",
      operation: "GET /sales/v2/tenant/{tenant}/estimates",
      query: { sort: "-Id" },
      option: (estimate) => ({
        key: String(estimate.id),
        label: [
          estimate.name?.trim() || "Estimate",
          estimate.jobNumber ? `job #${estimate.jobNumber}` : "",
          estimate.status?.name ?? "",
          `(ID: ${estimate.id})`,
        ]
          .filter(Boolean)
          .join(" · ")
          .replace(/ · \(ID/, " (ID"),
      }),
      order: "api",
      example: [{ key: "1", label: "Furnace replacement · job #1042 · Open (ID: 1)" }],
    }),
    selectEstimateItem: picklist<EstimateItem>({
      label: "Select Estimate Item",
      description: "Select one of an estimate's items from a dropdown menu",
      operation: "GET /sales/v2/tenant/{tenant}/estimates/items",
      params: {
        estimateId: {
          in: "query",
          input: idInput({
            label: "Estimate ID",
            required: true,
            dataSource: "selectEstimate",
            comments: "The estimate whose items are listed.",
          }),
        },
      },
      option: (item) => ({
        key: String(item.id),
        label: `${item.sku?.displayName || item.sku?.name || item.description || "Item"} × ${item.qty} (ID: ${item.id})`,
      }),
      order: "api",
      example: [{ key: "1", label: "Run capacitor × 1 (ID: 1)" }],
    }),
  },
};
