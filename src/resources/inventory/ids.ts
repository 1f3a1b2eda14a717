import type { IdVocabulary } from "../../kit/ids";

/** Inventory ids (see kit/ids.ts). A purchase order's `typeId` and a truck's `templateId` are labelled where used. */
export const inventoryIds: IdVocabulary = {
  vendorId: { label: "Vendor ID", dataSource: "selectVendor", comments: "A vendor (supplier) from Inventory → Vendors." },
  purchaseOrderId: {
    label: "Purchase Order ID",
    dataSource: "selectPurchaseOrder",
    comments: "The purchase order's id (not its PO number): pick one or map it from a previous step.",
  },
  purchaseOrderTypeId: {
    label: "Purchase Order Type ID",
    dataSource: "selectPurchaseOrderType",
    comments: "A purchase order type (Settings → Inventory → Purchase Order Types).",
  },
  purchaseOrderMarkupId: {
    label: "Purchase Order Markup ID",
    dataSource: "selectPurchaseOrderMarkup",
    comments: "A purchase order markup tier (List Purchase Order Markups).",
  },
  receiptId: { label: "Receipt ID", dataSource: "selectReceipt", comments: "An inventory receipt (List Receipts)." },
  returnId: { label: "Return ID", dataSource: "selectReturn", comments: "An inventory return to a vendor (List Returns)." },
  returnTypeId: { label: "Return Type ID", dataSource: "selectReturnType", comments: "A return type (List Return Types)." },
  transferId: { label: "Transfer ID", dataSource: "selectTransfer", comments: "An inventory transfer (List Transfers)." },
  adjustmentId: { label: "Adjustment ID", dataSource: "selectAdjustment", comments: "An inventory adjustment (List Adjustments)." },
  warehouseId: { label: "Warehouse ID", dataSource: "selectWarehouse", comments: "A warehouse (Inventory → Warehouses)." },
  truckId: { label: "Truck ID", dataSource: "selectTruck", comments: "A truck, a technician's rolling inventory location." },
  inventoryLocationId: {
    label: "Inventory Location ID",
    dataSource: "selectInventoryLocation",
    comments: "Where the stock is kept: a warehouse or a truck.",
  },
};
