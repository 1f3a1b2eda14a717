import type { ResourceModule } from "../../kit";
import { derivedAction, inBody, listAction, picklist, type InputTweak, type Param } from "../../kit";
import type { OperationKey } from "../../client";
import { exampleOf } from "../../examples";
import { externalDataInput } from "../../inputs";

/**
 * The pricebook's SKUs: services (labor a technician sells), materials (parts) and equipment (units installed), each
 * listed, read, created, updated and deleted. Prices and costs are numbers in ServiceTitan's answers and are sent as
 * given; nested parts (vendors, linked materials, assets, warranties) are JSON inputs the core checks against the spec.
 */

const BASE = "/pricebook/v2/tenant/{tenant}";

/** The label a SKU shows in dropdowns: its display name, else its code. */
const skuOption = (sku: { id: number; code?: string | null; displayName?: string | null }) => {
  const name = String(sku.displayName ?? "").trim() || String(sku.code ?? "").trim();
  const code = String(sku.code ?? "").trim();
  return { key: String(sku.id), label: `${name || "Unnamed"}${code && code !== name ? ` [${code}]` : ""} (ID: ${sku.id})` };
};

/** Tweaks every SKU create/update shares. */
const skuTweaks = (kind: "service" | "material" | "equipment", update: boolean): Record<string, InputTweak | Param> => ({
  code: { comments: `The ${kind}'s code (SKU), unique in the pricebook.` },
  displayName: { comments: "The name technicians and customers see." },
  description: { comments: `What the ${kind} is; shown on estimates and invoices (HTML allowed).` },
  categories: {
    label: "Category IDs",
    dataSource: "selectPricebookCategory",
    comments: update
      ? "The pricebook categories the item belongs to after the update (replaces the list). Empty: unchanged."
      : "The pricebook categories the item belongs to, one id per entry.",
  },
  price: { comments: "The price (a number such as 125.50)." },
  memberPrice: { comments: "The price for customers with a membership." },
  addOnPrice: { comments: "The price when sold as an add-on." },
  addOnMemberPrice: { comments: "The add-on price for members." },
  externalData: inBody(externalDataInput({ update })),
  intacctGlGroupAccount: {
    label: "Intacct GL Group Account",
    comments: "The Sage Intacct GL group account, for tenants that sync with Intacct.",
  },
  account: { comments: "The income (GL) account the item's revenue posts to." },
  assets: {
    comments:
      'Images, videos and attachments as a JSON array of { "type": "Image", "url": "<path from Upload Pricebook Image>", "alias", "isDefault" }.',
    example: '[{ "type": "Image", "url": "Pricebook/Images/filter.jpg", "isDefault": true }]',
  },
});

const accountTweaks = {
  costOfSaleAccount: { comments: "The cost-of-sale (GL) account the item's cost posts to." },
  assetAccount: { comments: "The asset (GL) account inventory of the item posts to." },
};

const vendorTweaks = {
  ...accountTweaks,
  primaryVendor: {
    comments: 'The main vendor as a JSON object { "vendorId", "cost", "active", "vendorPart", "memo" } (vendorId from Select Vendor).',
    example: '{ "vendorId": 12345, "cost": 42.5, "active": true, "vendorPart": "FLT-16" }',
  },
  otherVendors: {
    comments: "Other vendors of the item, as a JSON array of the same objects as Primary Vendor.",
    example: '[{ "vendorId": 12345, "cost": 44, "active": true }]',
  },
};

const linkComments = (what: string) => ({
  comments: `${what} as a JSON array of { "skuId", "quantity" }.`,
  example: '[{ "skuId": 12345, "quantity": 1 }]',
});

interface SkuResource {
  /** Key stem: "Service" → listServices, getService …; equipment uses "PricebookEquipment". */
  one: string;
  many: string;
  kind: "service" | "material" | "equipment";
  path: string;
  dataSource: string;
  /** Tweaks of the path `{id}` when the vocabulary cannot name it (equipment). */
  id?: InputTweak;
  create: Record<string, InputTweak | Param>;
  update: Record<string, InputTweak | Param>;
  /** Dropdown label and description. */
  select: { label: string; description: string };
}

const op = (verb: string, path: string) => `${verb} ${BASE}${path}` as OperationKey;

const skuActions = (r: SkuResource): ResourceModule => {
  const idTweak: Record<string, InputTweak> = r.id ? { id: r.id } : {};
  const label = r.kind === "equipment" ? "Pricebook Equipment" : r.one.replace(/^./, (c) => c.toUpperCase());
  const plural = r.kind === "equipment" ? "Pricebook Equipment" : r.many;
  return {
    actions: {
      [`list${r.kind === "equipment" ? "PricebookEquipment" : r.many}`]: listAction({
        label: `List ${plural}`,
        description: `Retrieve the ${r.kind === "equipment" ? "equipment" : r.many.toLowerCase()} in the pricebook (search text, ids, dates, active …)`,
        operation: op("GET", r.path),
        dataSource: r.dataSource,
        examplePayload: exampleOf(op("GET", r.path)),
      }),
      [`get${r.kind === "equipment" ? "PricebookEquipment" : r.one}`]: derivedAction({
        label: `Get ${label}`,
        description: `Retrieve a pricebook ${r.kind} by ID`,
        operation: op("GET", `${r.path}/{id}`),
        inputs: { ...idTweak },
      }),
      [`create${r.kind === "equipment" ? "PricebookEquipment" : r.one}`]: derivedAction({
        label: `Create ${label}`,
        description: `Create a ${r.kind} in the pricebook`,
        operation: op("POST", r.path),
        inputs: { ...skuTweaks(r.kind, false), ...r.create },
      }),
      [`update${r.kind === "equipment" ? "PricebookEquipment" : r.one}`]: derivedAction({
        label: `Update ${label}`,
        description: `Update a ${r.kind} in the pricebook`,
        operation: op("PATCH", `${r.path}/{id}`),
        inputs: { ...idTweak, ...skuTweaks(r.kind, true), ...r.update },
      }),
      [`delete${r.kind === "equipment" ? "PricebookEquipment" : r.one}`]: derivedAction({
        label: `Delete ${label}`,
        description: `Delete a ${r.kind} from the pricebook`,
        operation: op("DELETE", `${r.path}/{id}`),
        inputs: { ...idTweak },
      }),
    },
    dataSources: {
      [r.dataSource]: picklist<{ id: number; code?: string | null; displayName?: string | null }>({
        ...r.select,
        operation: op("GET", r.path),
        query: { sort: "-Id" }, // the newest items survive the cap
        option: skuOption,
        order: "label",
        example: [{ key: "1", label: "Furnace Tune-Up [HV-TUNE] (ID: 1)" }],
      }),
    },
  };
};

const EQUIPMENT_ID: InputTweak = {
  label: "Pricebook Equipment ID",
  dataSource: "selectEquipment",
  comments: "An equipment item of the pricebook (not installed equipment): pick one or map its id.",
};

export const services = skuActions({
  one: "Service",
  many: "Services",
  kind: "service",
  path: "/services",
  dataSource: "selectService",
  create: {
    serviceMaterials: linkComments("Materials the service uses"),
    serviceEquipment: linkComments("Equipment the service installs"),
    recommendations: { label: "Recommended Service IDs", dataSource: "selectService", comments: "Services to recommend with this one." },
    upgrades: { label: "Upgrade Service IDs", dataSource: "selectService", comments: "Services offered as upgrades of this one." },
    hours: { comments: "Labor hours the service takes." },
    isLabor: { comments: "Whether the service is labor." },
  },
  update: {
    serviceMaterials: linkComments("Materials the service uses (replaces the list)"),
    serviceEquipment: linkComments("Equipment the service installs (replaces the list)"),
    recommendations: { label: "Recommended Service IDs", dataSource: "selectService", comments: "Services to recommend with this one." },
    upgrades: { label: "Upgrade Service IDs", dataSource: "selectService", comments: "Services offered as upgrades of this one." },
  },
  select: { label: "Select Service", description: "Select a pricebook service from a dropdown menu (up to 10,000 active services)" },
});

export const materials = skuActions({
  one: "Material",
  many: "Materials",
  kind: "material",
  path: "/materials",
  dataSource: "selectMaterial",
  create: {
    ...vendorTweaks,
    cost: { comments: "What the material costs you (a number)." },
    epaNumber: { label: "EPA Number", comments: "For chemicals: the EPA registration number." },
    variationMaterials: {
      label: "Variation Material IDs",
      dataSource: "selectMaterial",
      comments: "Variations of a configurable material.",
    },
  },
  update: {
    ...vendorTweaks,
    variationMaterials: {
      label: "Variation Material IDs",
      dataSource: "selectMaterial",
      comments: "Variations of a configurable material.",
    },
  },
  select: { label: "Select Material", description: "Select a pricebook material from a dropdown menu (up to 10,000 active materials)" },
});

export const equipment = skuActions({
  one: "Equipment",
  many: "Equipment",
  kind: "equipment",
  path: "/equipment",
  dataSource: "selectEquipment",
  id: EQUIPMENT_ID,
  create: {
    ...vendorTweaks,
    equipmentMaterials: linkComments("Materials installed with the equipment"),
    recommendations: {
      comments: 'Recommended items as a JSON array of { "skuId", "type" } (type Service or Material).',
    },
    upgrades: { label: "Upgrade Equipment IDs", dataSource: "selectEquipment", comments: "Equipment offered as upgrades of this one." },
    variationEquipment: {
      label: "Variation Equipment IDs",
      dataSource: "selectEquipment",
      comments: "Variations of configurable equipment.",
    },
  },
  update: {
    ...vendorTweaks,
    equipmentMaterials: linkComments("Materials installed with the equipment (replaces the list)"),
    upgrades: { label: "Upgrade Equipment IDs", dataSource: "selectEquipment", comments: "Equipment offered as upgrades of this one." },
    variationEquipment: {
      label: "Variation Equipment IDs",
      dataSource: "selectEquipment",
      comments: "Variations of configurable equipment.",
    },
  },
  select: {
    label: "Select Pricebook Equipment",
    description: "Select an equipment item of the pricebook from a dropdown menu (up to 10,000 active items; not installed equipment)",
  },
});
