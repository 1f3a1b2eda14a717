import type { InputFieldDefinition } from "@prismatic-io/spectral";
import type { OperationKey } from "../../client";
import { exampleOf } from "../../examples";
import { responseField } from "../../outputs";
import type { components } from "../../generated/types/equipmentsystems";
import {
  dateTimeInput,
  decimalInput,
  idListInput,
  idInput,
  rulesJsonInput,
  specEnum,
  specFields,
  stringInput,
  toDateTime,
} from "../../inputs";
import type { ResourceModule } from "../../kit";
import {
  downloadAction,
  uploadAction,
  inBody,
  inPath,
  inQuery,
  listAction,
  namedPicklist,
  operationAction,
  type Params,
  type Values,
} from "../../kit";
import { tagTypeIdsInput } from "../settings/settings";
import { locationIdInput } from "../crm/locations";

type Schemas = components["schemas"];
type Equipment = Schemas["EquipmentSystems.V2.InstalledEquipmentResponse"];
type EquipmentDetail = Schemas["EquipmentSystems.V2.InstalledEquipmentDetailedResponse"];

const GET_ONE: OperationKey = "GET /equipmentsystems/v2/tenant/{tenant}/installed-equipment/{id}";
const ATTACHMENTS: OperationKey = "GET /equipmentsystems/v2/tenant/{tenant}/installed-equipment/attachments";
const UPLOAD: OperationKey = "POST /equipmentsystems/v2/tenant/{tenant}/installed-equipment/attachments";

const equipmentId = () =>
  inPath(
    idInput({
      label: "Installed Equipment ID",
      required: true,
      dataSource: "selectInstalledEquipment",
      comments: "The installed equipment record's id: pick one or map it from a previous step.",
    }),
  );
const equipmentSubject = (v: Values) => `Installed equipment ${v.id}`;

/** A calendar date (format "date"): validated like any date input, sent as YYYY-MM-DD. */
const dateInput = (label: string, comments: string): InputFieldDefinition => {
  const base = dateTimeInput({ label, comments, example: "2030-06-30" });
  const clean = base.clean as (value: unknown) => string | undefined;
  return {
    ...base,
    clean: (value: unknown) => {
      if (clean(value) === undefined) return undefined;
      const text = value instanceof Date ? value.toISOString() : String(value).trim();
      return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : toDateTime(label, value).slice(0, 10);
    },
  } as InputFieldDefinition;
};

const ATTACHMENT_TYPES = specEnum<Schemas["EquipmentSystems.V2.AttachmentAssetType"]>()(
  "Other",
  "Image",
  "VideoFile",
  "VideoLink",
  "Document",
);

/** InstalledEquipmentCreateRequest / InstalledEquipmentUpdateRequest (the same fields; only a new record takes a location). */
const equipmentFields = (what: string): Params => ({
  name: inBody(stringInput({ label: "Name", example: "Rooftop AC unit", comments: `The equipment's name${what}.` })),
  equipmentTypeId: inBody(
    idInput({
      label: "Equipment Type ID",
      dataSource: "selectEquipmentType",
      comments: `What kind of equipment it is (e.g. Furnace, Heat Pump): pick an equipment type or map its id from List Equipment Types${what}.`,
    }),
  ),
  installedOn: inBody(
    dateTimeInput({ label: "Installed On", comments: "When it was installed (ISO 8601, e.g. 2025-03-01); sent as UTC." }),
  ),
  actualReplacementDate: inBody(dateInput("Actual Replacement Date", "When it was (or will be) replaced, e.g. 2030-06-30.")),
  serialNumber: inBody(stringInput({ label: "Serial Number", comments: "The serial number on the unit's nameplate." })),
  barcodeId: inBody(stringInput({ label: "Barcode ID", comments: "The barcode printed on the equipment's label." })),
  memo: inBody(stringInput({ label: "Memo", multiline: true, comments: "A note for technicians, e.g. the filter size." })),
  manufacturer: inBody(stringInput({ label: "Manufacturer", example: "Carrier", comments: "Who made the unit." })),
  model: inBody(stringInput({ label: "Model", example: "24ACC636A003", comments: "The manufacturer's model number." })),
  cost: inBody(decimalInput({ label: "Cost", comments: "What the equipment cost, e.g. 4200.00." })),
  manufacturerWarrantyStart: inBody(dateTimeInput({ label: "Manufacturer Warranty Start" })),
  manufacturerWarrantyEnd: inBody(dateTimeInput({ label: "Manufacturer Warranty End" })),
  serviceProviderWarrantyStart: inBody(
    dateTimeInput({ label: "Service Provider Warranty Start", comments: "Start of your company's own warranty (ISO 8601)." }),
  ),
  serviceProviderWarrantyEnd: inBody(
    dateTimeInput({ label: "Service Provider Warranty End", comments: "End of your company's own warranty (ISO 8601)." }),
  ),
  customFields: inBody(
    rulesJsonInput(
      {
        label: "Custom Fields",
        shape: "array",
        comments: "Custom field values as a JSON array of {typeId, value} (typeId: the custom field's id in Settings → Custom Fields).",
        example: JSON.stringify([{ typeId: 42, value: "North side of roof" }], null, 2),
      },
      { fields: specFields<Schemas["EquipmentSystems.V2.CustomFieldRequestModel"]>()("id", "typeId", "value"), integers: ["id", "typeId"] },
    ),
  ),
  attachments: inBody(
    rulesJsonInput(
      {
        label: "Attachments",
        shape: "array",
        comments: `Files linked to the equipment, as a JSON array of {type: ${ATTACHMENT_TYPES.join("|")}, url, fileName, alias}; url is a public link or the path Create Installed Equipment Attachment returned.`,
        example: JSON.stringify(
          [{ type: "Document", url: "InstalledEquipment/Documents/manual.pdf", fileName: "manual.pdf", alias: "Manual" }],
          null,
          2,
        ),
      },
      {
        fields: specFields<Schemas["EquipmentSystems.V2.AttachmentApiModel"]>()("type", "url", "fileName", "alias"),
        required: ["type", "url"],
        enums: { type: ATTACHMENT_TYPES },
      },
    ),
  ),
  tagTypeIds: inBody(tagTypeIdsInput("Tags on the equipment, by tag type id (Settings → Tags); on update they replace the current tags.")),
});

/** The attachment at a path, as the file ({data: Buffer, contentType}); the reference's example payload was a Buffer. */
const attachmentDownload = (label: string, description: string, example: unknown) =>
  downloadAction({
    label,
    description,
    example,
    operation: ATTACHMENTS,
    inputs: {
      path: {
        label: "Attachment Path",
        required: true,
        example: "InstalledEquipment/Documents/e2374d0c-16b8-4bb7-b3b5-1bd0ac1df1f4.csv",
        comments:
          "The path Create Installed Equipment Attachment returned, or an attachment's url from Get Installed Equipment / List Attachments of Installed Equipment.",
      },
    },
    subject: (v) => `Attachment "${v.path}"`,
    contentType: "application/pdf",
  });

export const installedEquipment: ResourceModule = {
  actions: {
    listInstalledEquipment: listAction({
      label: "List Installed Equipment",
      description: "Retrieve a list of installed equipment",
      operation: "GET /equipmentsystems/v2/tenant/{tenant}/installed-equipment",
      dataSource: "selectInstalledEquipment",
      filters: {
        // One comma-separated string in the spec: several locations go out joined (locationIds=3001,3002).
        locationIds: idListInput({
          label: "Location IDs",
          dataSource: "selectLocation",
          comments: "Only the equipment installed at these locations, one id per entry.",
        }),
      },
      examplePayload: exampleOf("GET /equipmentsystems/v2/tenant/{tenant}/installed-equipment"),
    }),
    getInstalledEquipment: operationAction({
      label: "Get Installed Equipment",
      description: "Retrieve a Installed Equipment by ID",
      operation: GET_ONE,
      params: { id: equipmentId() },
      subject: equipmentSubject,
      examplePayload: exampleOf(GET_ONE),
    }),
    createInstalledEquipment: operationAction({
      label: "Create Installed Equipment",
      description: "Create a new Installed equipment",
      operation: "POST /equipmentsystems/v2/tenant/{tenant}/installed-equipment",
      params: {
        locationId: inBody(locationIdInput(true, "The service location where the equipment is installed.")),
        ...equipmentFields(" (empty: ServiceTitan names it)"),
      },
      subject: (v) => `Location ${v.locationId}`,
      examplePayload: exampleOf("POST /equipmentsystems/v2/tenant/{tenant}/installed-equipment"),
    }),
    updateInstalledEquipment: operationAction({
      label: "Update Installed Equipment",
      description: "Update installed equipment by ID",
      operation: "PATCH /equipmentsystems/v2/tenant/{tenant}/installed-equipment/{id}",
      params: { id: equipmentId(), ...equipmentFields(" (empty: unchanged)") },
      subject: equipmentSubject,
      examplePayload: exampleOf("PATCH /equipmentsystems/v2/tenant/{tenant}/installed-equipment/{id}"),
    }),
    // The reference component's action of this key downloads an attachment by its path (its example payload is a
    // Buffer): integrations built on it pass a path and expect the file, so it does exactly that.
    listInstalledEquipmentAttachments: attachmentDownload(
      "List Installed Equipment Attachments",
      "Retrieve installed Equipment attachments: downloads the attachment file at the given path (as the reference component's action of this key did). To list the attachments of one equipment record, use List Attachments of Installed Equipment.",
      Buffer.from("file content").toJSON(), // the reference's example: {"type": "Buffer", "data": [...]}
    ),
    listAttachmentsOfInstalledEquipment: operationAction({
      label: "List Attachments of Installed Equipment",
      description:
        "List the attachments of one installed equipment record (type, url, fileName, alias). Download one with Download Installed Equipment Attachment, passing its url as the Attachment Path.",
      // The API has no list of attachments: they are part of the equipment record.
      operation: GET_ONE,
      params: { id: equipmentId() },
      subject: equipmentSubject,
      perform: async (client, v) =>
        (await client.request<EquipmentDetail>(GET_ONE, { path: { id: v.id as number }, subject: equipmentSubject(v) })).attachments ?? [],
      examplePayload: { data: (exampleOf(GET_ONE).data as EquipmentDetail).attachments ?? [] },
      // The record's attachments array (never null: [] when there are none).
      output: { schema: () => ({ type: "array", items: responseField(GET_ONE, "attachments").items }) },
    }),
    createInstalledEquipmentAttachment: uploadAction({
      label: "Create Installed Equipment Attachment",
      description: "Create a new installed equipment attachment",
      operation: UPLOAD,
      examplePayload: { data: { path: "InstalledEquipment/Documents/e2374d0c-16b8-4bb7-b3b5-1bd0ac1df1f4.csv" } },
    }),
    downloadInstalledEquipmentAttachment: attachmentDownload(
      "Download Installed Equipment Attachment",
      "Download an installed equipment attachment file by its path",
      Buffer.from("file content"),
    ),
  },
  dataSources: {
    selectInstalledEquipment: namedPicklist<Equipment>({
      label: "Select Installed Equipment",
      description: "Select an Installed Equipment from a dropdown menu (up to 10,000 Installed Equipments)",
      operation: "GET /equipmentsystems/v2/tenant/{tenant}/installed-equipment",
      // Active equipment; past the cap, the most recently added records (highest ids) are the likely picks.
      query: { active: "True", sort: "-Id" },
      params: { locationId: inQuery(locationIdInput(false, "Only the equipment at this location (empty: all)."), "locationIds") },
      fallback: "Unnamed equipment",
      example: [
        { key: "1", label: "Installed Equipment 1 (ID: 1)" },
        { key: "2", label: "Installed Equipment 2 (ID: 2)" },
      ],
    }),
  },
};
