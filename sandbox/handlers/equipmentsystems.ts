/** equipmentsystems/v2: installed equipment and its attachments (upload, then attach by path), equipment types. */
import { randomUUID } from "crypto";
import { schemaCollection } from "../generic";
import { badRequest, HttpError } from "../problem";
import type { Spec } from "../spec";
import type { Store } from "../store";
import type { CollectionDef } from "../resources";
import {
  create,
  customFields,
  exportFeed,
  getOne,
  list,
  mustFind,
  mustRef,
  mustRefAll,
  ok,
  pickDefined,
  type HandlerContext,
  type HandlerTable,
  type Json,
  update,
} from "./kit";

/** Where GET …/attachments?path= redirects: served by the sandbox without the API's auth, like a signed blob URL. */
export const FILES_PREFIX = "/sandbox-files/";

const EQUIPMENT_FIELDS = [
  "name",
  "equipmentTypeId",
  "installedOn",
  "actualReplacementDate",
  "serialNumber",
  "barcodeId",
  "memo",
  "manufacturer",
  "model",
  "cost",
  "manufacturerWarrantyStart",
  "manufacturerWarrantyEnd",
  "serviceProviderWarrantyStart",
  "serviceProviderWarrantyEnd",
  "attachments",
];

function equipmentFields(ctx: HandlerContext, body: Json, ownerId: number): Record<string, unknown> {
  // Records show their type as `type: {id, name}`; the id stays on the record for the sandbox's own reads.
  const type = body.equipmentTypeId != null ? mustRef(ctx, "equipment-types", body.equipmentTypeId, "equipmentTypeId") : undefined;
  const tagTypes = body.tagTypeIds !== undefined ? mustRefAll(ctx, "tag-types", body.tagTypeIds, "tagTypeIds") : undefined;
  return {
    ...pickDefined(body, EQUIPMENT_FIELDS),
    ...(type ? { type: { id: type.id, name: type.name } } : {}),
    ...(body.customFields != null
      ? { customFields: customFields(body.customFields).map((f, i) => ({ id: body.customFields[i].id ?? ownerId * 100 + i, ...f })) }
      : {}),
    ...(tagTypes
      ? {
          tags: tagTypes.map((typeId, i) => {
            const type = ctx.store.collection("tag-types").get(typeId)!;
            return {
              id: ownerId * 100 + i,
              ownerId,
              typeId,
              typeName: type.name,
              memo: null,
              color: type.color,
              textColor: null,
              code: type.code,
            };
          }),
        }
      : {}),
  };
}

const CONTENT_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  txt: "text/plain",
};

export const equipmentsystems: HandlerTable = {
  InstalledEquipment_GetList: list("installed-equipment"),
  InstalledEquipment_Get: getOne("installed-equipment"),

  InstalledEquipment_Create: (ctx) => {
    const location = mustRef(ctx, "locations", ctx.body.locationId, "locationId");
    const store = ctx.store;
    const equipment = store.create("installed-equipment", { locationId: location.id, customerId: location.customerId });
    store.collection("installed-equipment").update(equipment, equipmentFields(ctx, ctx.body, equipment.id));
    return ok(equipment);
  },

  InstalledEquipment_Update: (ctx) => {
    const equipment = mustFind(ctx, "installed-equipment", ctx.params.id);
    ctx.store.collection("installed-equipment").update(equipment, equipmentFields(ctx, ctx.body, equipment.id));
    return ok(equipment);
  },

  /**
   * Declared as JSON with a binary `file` property, but really multipart/form-data (the server lets that
   * through for this operation only). Stores the bytes and answers the path to attach by.
   */
  InstalledEquipment_PostAttachment: (ctx) => {
    const file = ctx.files.find((f) => f.field === "file");
    if (!file) throw badRequest({ file: ["A multipart/form-data part named 'file' is required"] });
    const ext = /\.([A-Za-z0-9]{1,8})$/.exec(file.fileName)?.[1]?.toLowerCase() ?? "bin";
    const path = `InstalledEquipment/Documents/${randomUUID()}.${ext}`;
    ctx.store.files.set(path, {
      data: file.data,
      fileName: file.fileName,
      contentType: file.contentType || CONTENT_TYPES[ext] || "application/octet-stream",
    });
    return ok({ path });
  },

  /** Downloads answer 302 to the file's own URL (no API auth there), as ServiceTitan redirects to storage. */
  InstalledEquipment_Get2: (ctx) => {
    const path = ctx.query.path as string | undefined;
    if (!path) throw badRequest({ path: ["The path query parameter is required"] });
    if (!ctx.store.files.has(path)) throw new HttpError(404, `Attachment ${path} not found`);
    return { status: 302, headers: { location: `${ctx.baseUrl}${FILES_PREFIX}${path.split("/").map(encodeURIComponent).join("/")}` } };
  },

  Export_ExportInstalledEquipment: exportFeed("installed-equipment"),

  EquipmentTypes_GetList: list("equipment-types"),
  EquipmentTypes_Get: getOne("equipment-types"),
  EquipmentTypes_Create: create("equipment-types"),
  EquipmentTypes_Update: update("equipment-types"),
};

/** Equipment types (ids from 296001): a name and an active flag. */
export const equipmentsystemsCollections = (spec: Spec): CollectionDef[] => [
  schemaCollection(spec, {
    name: "equipment-types",
    label: "Equipment type",
    firstId: 296_001,
    record: "equipmentsystems/EquipmentTypes_Get",
    filters: { name: { contains: "name" } },
  }),
];

export const seedEquipmentSystems = (store: Store): void => {
  for (const name of ["Furnace", "Heat Pump", "Water Heater"]) store.create("equipment-types", { name });
  store.create("equipment-types", { name: "Swamp Cooler", active: false });
};
