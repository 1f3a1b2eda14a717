import { dataSource } from "@prismatic-io/spectral";
import type { ResourceModule } from "../../kit";
import {
  clientFor,
  derivedAction,
  downloadAction,
  inBody,
  listAction,
  namedPicklist,
  picklist,
  registerOperation,
  uploadAction,
  type InputTweak,
  type Values,
} from "../../kit";
import { exampleOf } from "../../examples";
import { connectionInput, externalDataInput, stringInput } from "../../inputs";

/**
 * The rest of the pricebook: categories, discounts and fees, the materials markup table, material cost types,
 * client-specific pricing (rate sheets), bulk create/update of many items in one request, and pricebook images.
 */

const CATEGORY_ID: InputTweak = {
  label: "Pricebook Category ID",
  dataSource: "selectPricebookCategory",
  comments: "A pricebook category (Pricebook → Categories): pick one or map its id.",
};
const DISCOUNT_ID: InputTweak = {
  label: "Discount or Fee ID",
  dataSource: "selectDiscountAndFee",
  comments: "A discount or fee of the pricebook: pick one or map its id.",
};
const MARKUP_ID: InputTweak = {
  label: "Materials Markup ID",
  dataSource: "selectMaterialsMarkup",
  comments: "A tier of the materials markup table (List Materials Markups).",
};

const categoryTweaks = (update: boolean): Record<string, InputTweak> => ({
  name: { comments: "The category's name as technicians see it." },
  parentId: {
    label: "Parent Category ID",
    dataSource: "selectPricebookCategory",
    comments: "Optional: the category this one sits under (empty: a top-level category).",
  },
  categoryType: { comments: update ? "Services or Materials." : "Whether the category holds services or materials." },
  position: { comments: "The category's position among its siblings (1 first)." },
  image: { comments: "Optional: the path of an image uploaded with Upload Pricebook Image." },
  skuImages: { label: "SKU Images", comments: "Paths of images (from Upload Pricebook Image) shown for the category's items." },
  skuVideos: { label: "SKU Videos", comments: "Links of videos shown for the category's items." },
});

const discountTweaks = (update: boolean): Record<string, InputTweak | ReturnType<typeof inBody>> => ({
  type: { comments: "Discount (lowers the price) or Fee (adds to it)." },
  code: { comments: "The discount's or fee's code, unique in the pricebook." },
  amountType: { comments: "Percentage of the invoice, or a Fixed amount." },
  amount: { comments: "The percentage or the amount (a number such as 10 or 25.50)." },
  limit: { comments: "Optional: the most a percentage discount may take off." },
  categories: {
    label: "Category IDs",
    dataSource: "selectPricebookCategory",
    comments: update ? "The pricebook categories after the update (replaces the list)." : "The pricebook categories it belongs to.",
  },
  externalData: inBody(externalDataInput({ update })),
  intacctGlGroupAccount: {
    label: "Intacct GL Group Account",
    comments: "The Sage Intacct GL group account, for tenants that sync with Intacct.",
  },
});

const markupTweaks: Record<string, InputTweak> = {
  from: { comments: "The tier starts at this material cost (a number)." },
  to: { comments: "The tier ends at this material cost." },
  percent: { comments: "The markup percentage applied to costs in the tier (e.g. 50 for 50%)." },
};

const BULK_COMMENTS = (what: string) =>
  `${what} as a JSON array of objects with the same fields as the single ${what.toLowerCase()} action; each item may carry a customId of yours, returned with the id ServiceTitan assigned.`;

const COST_TYPES = "GET /pricebook/v2/tenant/{tenant}/materials/costtypes" as const;

export const pricing: ResourceModule = {
  actions: {
    listPricebookCategories: listAction({
      label: "List Pricebook Categories",
      description: "Retrieve the pricebook's categories (with their subcategories)",
      operation: "GET /pricebook/v2/tenant/{tenant}/categories",
      examplePayload: exampleOf("GET /pricebook/v2/tenant/{tenant}/categories"),
    }),
    getPricebookCategory: derivedAction({
      label: "Get Pricebook Category",
      description: "Retrieve a pricebook category by ID",
      operation: "GET /pricebook/v2/tenant/{tenant}/categories/{id}",
      inputs: { id: CATEGORY_ID },
    }),
    createPricebookCategory: derivedAction({
      label: "Create Pricebook Category",
      description: "Create a pricebook category",
      operation: "POST /pricebook/v2/tenant/{tenant}/categories",
      inputs: categoryTweaks(false),
    }),
    updatePricebookCategory: derivedAction({
      label: "Update Pricebook Category",
      description: "Update a pricebook category",
      operation: "PATCH /pricebook/v2/tenant/{tenant}/categories/{id}",
      inputs: { id: CATEGORY_ID, ...categoryTweaks(true) },
    }),
    deletePricebookCategory: derivedAction({
      label: "Delete Pricebook Category",
      description: "Delete a pricebook category",
      operation: "DELETE /pricebook/v2/tenant/{tenant}/categories/{id}",
      inputs: { id: CATEGORY_ID },
    }),

    listDiscountsAndFees: listAction({
      label: "List Discounts and Fees",
      description: "Retrieve the pricebook's discounts and fees",
      operation: "GET /pricebook/v2/tenant/{tenant}/discounts-and-fees",
      dataSource: "selectDiscountAndFee",
      examplePayload: exampleOf("GET /pricebook/v2/tenant/{tenant}/discounts-and-fees"),
    }),
    getDiscountAndFee: derivedAction({
      label: "Get Discount or Fee",
      description: "Retrieve a pricebook discount or fee by ID",
      operation: "GET /pricebook/v2/tenant/{tenant}/discounts-and-fees/{id}",
      inputs: { id: DISCOUNT_ID },
    }),
    createDiscountAndFee: derivedAction({
      label: "Create Discount or Fee",
      description: "Create a discount or a fee in the pricebook",
      operation: "POST /pricebook/v2/tenant/{tenant}/discounts-and-fees",
      inputs: discountTweaks(false),
    }),
    updateDiscountAndFee: derivedAction({
      label: "Update Discount or Fee",
      description: "Update a pricebook discount or fee",
      operation: "PATCH /pricebook/v2/tenant/{tenant}/discounts-and-fees/{id}",
      inputs: { id: DISCOUNT_ID, ...discountTweaks(true) },
    }),
    deleteDiscountAndFee: derivedAction({
      label: "Delete Discount or Fee",
      description: "Delete a pricebook discount or fee",
      operation: "DELETE /pricebook/v2/tenant/{tenant}/discounts-and-fees/{id}",
      inputs: { id: DISCOUNT_ID },
    }),

    listMaterialsMarkups: listAction({
      label: "List Materials Markups",
      description: "Retrieve the materials markup table (markup percentage per cost tier)",
      operation: "GET /pricebook/v2/tenant/{tenant}/materialsmarkup",
      examplePayload: exampleOf("GET /pricebook/v2/tenant/{tenant}/materialsmarkup"),
    }),
    getMaterialsMarkup: derivedAction({
      label: "Get Materials Markup",
      description: "Retrieve one tier of the materials markup table",
      operation: "GET /pricebook/v2/tenant/{tenant}/materialsmarkup/{id}",
      inputs: { id: MARKUP_ID },
    }),
    createMaterialsMarkup: derivedAction({
      label: "Create Materials Markup",
      description: "Add a tier to the materials markup table",
      operation: "POST /pricebook/v2/tenant/{tenant}/materialsmarkup",
      // The spec requires an id in the new tier's body; ServiceTitan assigns the id, so 0 is sent.
      omit: ["id"],
      inputs: markupTweaks,
      body: (values: Values) => ({ id: 0, from: values.from, to: values.to, percent: values.percent }),
    }),
    updateMaterialsMarkup: derivedAction({
      label: "Update Materials Markup",
      description: "Change one tier of the materials markup table (every field is replaced)",
      operation: "PUT /pricebook/v2/tenant/{tenant}/materialsmarkup/{id}",
      omit: ["id"],
      inputs: { id: MARKUP_ID, ...markupTweaks },
      // The body repeats the tier's id: the one in the path.
      body: (values: Values) => ({ id: values.id, from: values.from, to: values.to, percent: values.percent }),
    }),

    listMaterialCostTypes: derivedAction({
      label: "List Material Cost Types",
      description: "Retrieve the cost types of other direct cost materials",
      operation: COST_TYPES,
    }),

    listRateSheets: listAction({
      label: "List Rate Sheets",
      description: "Retrieve the client-specific pricing rate sheets with their exceptions",
      operation: "GET /pricebook/v2/tenant/{tenant}/clientspecificpricing",
      dataSource: "selectRateSheet",
      filters: { searchTerm: stringInput({ label: "Search Term", comments: "Rate sheets whose name contains this text." }) },
      examplePayload: exampleOf("GET /pricebook/v2/tenant/{tenant}/clientspecificpricing"),
    }),
    updateRateSheet: derivedAction({
      label: "Update Rate Sheet",
      description: "Set the pricing exceptions of a client-specific pricing rate sheet",
      operation: "PATCH /pricebook/v2/tenant/{tenant}/clientspecificpricing/{rateSheetId}",
      inputs: {
        exceptions: {
          comments:
            'The rate sheet\'s exceptions as a JSON array of { "skuId", "value", "valueType" }: valueType Percent, Dollar, Multiplier, FlatPrice or DiscountPercent.',
          example: '[{ "skuId": 12345, "value": 10, "valueType": "DiscountPercent" }]',
        },
      },
    }),

    bulkCreatePricebookItems: derivedAction({
      label: "Bulk Create Pricebook Items",
      description: "Create many services, materials, equipment items and discounts/fees in one request",
      operation: "POST /pricebook/v2/tenant/{tenant}/pricebook",
      inputs: {
        services: { comments: BULK_COMMENTS("Services") },
        materials: { comments: BULK_COMMENTS("Materials") },
        equipment: { comments: BULK_COMMENTS("Equipment") },
        discountAndFees: { label: "Discounts and Fees", comments: BULK_COMMENTS("Discounts and fees") },
      },
    }),
    bulkUpdatePricebookItems: derivedAction({
      label: "Bulk Update Pricebook Items",
      description: "Update many services, materials, equipment items and discounts/fees in one request (each item names its id)",
      operation: "PATCH /pricebook/v2/tenant/{tenant}/pricebook",
      inputs: {
        services: { comments: 'Services to update as a JSON array of { "id", …fields to change }.' },
        materials: { comments: 'Materials to update as a JSON array of { "id", …fields to change }.' },
        equipment: { comments: 'Equipment to update as a JSON array of { "id", …fields to change }.' },
        discountAndFees: { label: "Discounts and Fees", comments: 'Discounts and fees to update as a JSON array of { "id", … }.' },
      },
    }),

    uploadPricebookImage: uploadAction({
      label: "Upload Pricebook Image",
      description:
        "Upload an image to ServiceTitan's temporary storage; put the returned path in a pricebook item's assets (or a category's image) to attach it",
      operation: "POST /pricebook/v2/tenant/{tenant}/images",
      fileComments: "The image's content (JPEG, PNG …): map the binary output of a previous step.",
      examplePayload: exampleOf("POST /pricebook/v2/tenant/{tenant}/images"),
    }),
    downloadPricebookImage: downloadAction({
      label: "Download Pricebook Image",
      description: "Download a pricebook image by its path",
      operation: "GET /pricebook/v2/tenant/{tenant}/images",
      inputs: {
        path: {
          label: "Image Path",
          required: true,
          comments:
            "The image's storage path as pricebook items show it (assets[].url, a category's image) or an upload returned it. Case-sensitive.",
        },
      },
      subject: (v) => `Pricebook image ${v.path}`,
      contentType: "image/jpeg",
    }),
  },
  dataSources: {
    selectPricebookCategory: namedPicklist<{ id: number; name?: string | null }>({
      label: "Select Pricebook Category",
      description: "Select an active pricebook category from a dropdown menu (top-level categories; up to 10,000)",
      operation: "GET /pricebook/v2/tenant/{tenant}/categories",
      example: [{ key: "1", label: "Heating (ID: 1)" }],
    }),
    selectDiscountAndFee: picklist<{ id: number; code?: string | null; displayName?: string | null; type?: string }>({
      label: "Select Discount or Fee",
      description: "Select an active pricebook discount or fee from a dropdown menu (up to 10,000)",
      operation: "GET /pricebook/v2/tenant/{tenant}/discounts-and-fees",
      query: { sort: "-Id" },
      option: (d) => ({
        key: String(d.id),
        label: `${String(d.displayName ?? "").trim() || String(d.code ?? "").trim() || "Unnamed"}${d.type ? ` (${d.type}, ID: ${d.id})` : ` (ID: ${d.id})`}`,
      }),
      order: "label",
      example: [{ key: "1", label: "Senior Discount (Discount, ID: 1)" }],
    }),
    selectMaterialsMarkup: picklist<{ id: number; from?: number; to?: number; percent?: number }>({
      label: "Select Materials Markup",
      description: "Select a tier of the materials markup table from a dropdown menu",
      operation: "GET /pricebook/v2/tenant/{tenant}/materialsmarkup",
      option: (m) => ({ key: String(m.id), label: `${m.from} to ${m.to}: ${m.percent}% (ID: ${m.id})` }),
      order: "api",
      example: [{ key: "1", label: "0 to 100: 50% (ID: 1)" }],
    }),
    selectRateSheet: picklist<{ id: number; exceptions?: unknown[] }>({
      label: "Select Rate Sheet",
      description: "Select a client-specific pricing rate sheet from a dropdown menu (up to 10,000)",
      operation: "GET /pricebook/v2/tenant/{tenant}/clientspecificpricing",
      // Rate sheets carry no name in the API: they are told apart by id and size.
      option: (r) => ({ key: String(r.id), label: `Rate sheet ${r.id} (${r.exceptions?.length ?? 0} exceptions)` }),
      order: "api",
      example: [{ key: "1", label: "Rate sheet 1 (3 exceptions)" }],
    }),
    // The cost types endpoint answers one list without paging parameters, so it is read in one request.
    selectMaterialCostType: registerOperation(
      dataSource({
        display: { label: "Select Material Cost Type", description: "Select a cost type of other direct cost materials" },
        dataSourceType: "picklist",
        inputs: { connection: connectionInput },
        examplePayload: { result: [{ key: "1", label: "Subcontractor (ID: 1)" }] },
        perform: async (context, values) => {
          const client = clientFor((values as Values).connection, context);
          const page = await client.request<{ data: Array<{ id: number; name?: string | null }> }>(COST_TYPES);
          return {
            result: (page.data ?? []).map((t) => ({
              key: String(t.id),
              label: `${String(t.name ?? "").trim() || "Unnamed"} (ID: ${t.id})`,
            })),
          };
        },
      }),
      COST_TYPES,
    ),
  },
};
