/** Custom field values on inventory records: one factory for adjustments, receipts, returns, transfers and vendors. */
import { operations, type OperationKey } from "../../client";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/inventory";
import { idInput, specFields } from "../../inputs";
import type { CustomFieldSchema, ResourceModule } from "../../kit";
import { customFieldUpdate, listAction, operationAction } from "../../kit";

type Schemas = components["schemas"];

const INVENTORY = "/inventory/v2/tenant/{tenant}";

/** Inventory's custom-field updates: a pair's value is required. */
const INVENTORY_CUSTOM_FIELDS: CustomFieldSchema = {
  operationFields: specFields<Schemas["Inventory.V2.CustomFieldOperationRequest"]>()("objectId", "customFields"),
  pairFields: specFields<Schemas["Inventory.V2.CustomFieldRequest"]>()("name", "value"),
  valueRequired: true,
  example: { name: "Bin", value: "A-12" },
};

/**
 * `PATCH …/<base>/custom-fields` of one inventory record type: `{operations: [{objectId, customFields: [{name, value}]}]}`,
 * as one record's name → value pairs or several records' operations (the accounting custom-field updates' shape).
 */
const updateCustomFields = (spec: {
  /** Singular for labels: "Adjustment". */
  label: string;
  /** Path segment: "adjustments". */
  base: string;
  /** Input key of the record id: "adjustmentId". */
  idKey: string;
  /** Its dropdown: "selectAdjustment". */
  dataSource: string;
  /** Where a builder finds one. */
  where: string;
}) => {
  const operation = `PATCH ${INVENTORY}/${spec.base}/custom-fields` as OperationKey;
  if (!operations[operation]) throw new Error(`No custom-field update under ${spec.base}`);
  const what = spec.label.toLowerCase();
  const { params, body } = customFieldUpdate(
    what,
    spec.idKey,
    idInput({
      label: `${spec.label} ID`,
      dataSource: spec.dataSource,
      comments: `The ${what} whose custom fields change: pick one or map its id (${spec.where}). Empty when using Operations.`,
    }),
    INVENTORY_CUSTOM_FIELDS,
  );
  return operationAction({
    label: `Update ${spec.label} Custom Fields`,
    description: `Set custom field values on one inventory ${what} (name → value), or on several at once (Operations)`,
    operation,
    params,
    body,
    examplePayload: { data: {} },
  });
};

const VENDOR_FIELD_TYPES: OperationKey = `GET ${INVENTORY}/vendors/custom-fields`;

export const customFields: ResourceModule = {
  actions: {
    updateAdjustmentCustomFields: updateCustomFields({
      label: "Adjustment",
      base: "adjustments",
      idKey: "adjustmentId",
      dataSource: "selectAdjustment",
      where: "List Adjustments",
    }),
    updateReceiptCustomFields: updateCustomFields({
      label: "Receipt",
      base: "receipts",
      idKey: "receiptId",
      dataSource: "selectReceipt",
      where: "List Receipts",
    }),
    updateReturnCustomFields: updateCustomFields({
      label: "Return",
      base: "returns",
      idKey: "returnId",
      dataSource: "selectReturn",
      where: "List Returns",
    }),
    updateTransferCustomFields: updateCustomFields({
      label: "Transfer",
      base: "transfers",
      idKey: "transferId",
      dataSource: "selectTransfer",
      where: "List Transfers",
    }),
    updateVendorCustomFields: updateCustomFields({
      label: "Vendor",
      base: "vendors",
      idKey: "vendorId",
      dataSource: "selectVendor",
      where: "List Vendors",
    }),
    listVendorCustomFieldTypes: listAction({
      label: "List Vendor Custom Field Types",
      description:
        "The custom fields vendors can carry (name, data type and dropdown options): the names Update Vendor Custom Fields takes",
      operation: VENDOR_FIELD_TYPES,
      examplePayload: exampleOf(VENDOR_FIELD_TYPES),
    }),
  },
};
