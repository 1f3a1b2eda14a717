import type { OperationKey } from "../../client";
import { exampleOf } from "../../examples";
import type { components } from "../../generated/types/findings";
import { idInput, rulesJsonInput, specEnum, specFields } from "../../inputs";
import type { InputTweak, ResourceModule } from "../../kit";
import { derivedAction, downloadAction, inBody, inPath, inQuery, listAction, picklist, uploadAction, type Values } from "../../kit";

type Schemas = components["schemas"];
type Finding = Schemas["EquipmentSystems.V2.FindingResponse"];
type Attachment = Schemas["EquipmentSystems.V2.FindingAttachmentResponse"];

const FINDINGS = "/findings/v2/tenant/{tenant}/location-findings";
const LIST: OperationKey = `GET ${FINDINGS}`;
const ATTACHMENTS: OperationKey = `GET ${FINDINGS}/{id}/attachments`;
const ASSETS = "/findings/v2/tenant/{tenant}/assets";

const ATTACHMENT_TYPES = specEnum<Schemas["EquipmentSystems.V2.AttachmentAssetType"]>()(
  "Other",
  "Image",
  "VideoFile",
  "VideoLink",
  "Document",
);

const findingSubject = (v: Values) => `Finding ${v.id}`;
const attachmentSubject = (v: Values) => `Attachment ${v.attachmentId} of finding ${v.id}`;

/** The finding whose attachments an action or dropdown addresses (the path's {id}). */
const findingOfAttachments: InputTweak = {
  comments: "The finding the attachments belong to: pick one or map its id from List Location Findings or Create Location Finding.",
};
const attachmentTweak = (comments: string): InputTweak => ({
  label: "Attachment ID",
  dataSource: "selectLocationFindingAttachment",
  comments,
});

/** What a builder enters for a finding's fields, on create and update (the spec's descriptions are terse). */
const findingTweaks = (update: boolean): Record<string, InputTweak> => {
  const unchanged = update ? " Empty: unchanged." : "";
  return {
    name: {
      example: "Leaking water heater relief valve",
      comments: `A short title of the issue, e.g. "Leaking pipe" or "Worn brake pads".${unchanged}`,
    },
    description: { comments: `What the technician found: the issue, condition or observation in detail.${unchanged}` },
    urgencyLevel: {
      comments: `How urgently the finding should be addressed: NotSpecified, Low, Medium, High or Critical.${unchanged}`,
    },
    recommendedSolution: { comments: `The repair or action the technician recommends, e.g. "Replace the relief valve".${unchanged}` },
    internalNotes: { comments: `Notes for your team only; customers never see them.${unchanged}` },
  };
};

/** Update Location Finding / Update Location Finding Attachment say what each flag does. */
const archiveTweaks: Record<string, InputTweak> = {
  archived: {
    comments: "True archives the finding (it is no longer pursued: its status becomes Archived); False restores it. Empty: unchanged.",
  },
  active: {
    comments: "False deactivates the finding (it leaves lists unless Active is Any or False); True reactivates it. Empty: unchanged.",
  },
};

const attachmentFieldTweaks = (update: boolean): Record<string, InputTweak> => {
  const unchanged = update ? " Empty: unchanged." : "";
  return {
    fileName: {
      example: "relief-valve.jpg",
      comments: `The file's name as people should see it, with its extension (e.g. motor-inspection.jpg).${unchanged}`,
    },
    url: {
      example: "Findings/Assets/3fa85f64-5717-4562-b3fc-2c963f66afa6.jpg",
      comments: `Where the file is: the path Upload Finding Asset returned, or a public link (e.g. a video on YouTube for VideoLink).${unchanged}`,
    },
    type: { comments: `What kind of file it is: Image, VideoFile, VideoLink, Document or Other.${unchanged}` },
  };
};

const finding = (comments: string) =>
  inPath(idInput({ label: "Finding ID", required: true, dataSource: "selectLocationFinding", comments }), "id");

/** Findings: issues or observations technicians record at a customer location (e.g. a leaking valve), with photos. */
export const locationFindings: ResourceModule = {
  actions: {
    listLocationFindings: listAction({
      label: "List Location Findings",
      description:
        "Retrieve findings (issues or observations technicians recorded at customer locations, e.g. a leaking valve), filtered by location, installed equipment, source job or dates",
      operation: LIST,
      dataSource: "selectLocationFinding",
      examplePayload: exampleOf(LIST),
    }),
    getLocationFinding: derivedAction({
      label: "Get Location Finding",
      description: "Retrieve a finding by ID with its status, attachments and the estimates and jobs created to address it",
      operation: `GET ${FINDINGS}/{id}`,
    }),
    createLocationFinding: derivedAction({
      label: "Create Location Finding",
      description:
        "Record a finding (an issue or observation) at a customer location, optionally on a piece of installed equipment and the job it was found on, with its photos and documents",
      operation: `POST ${FINDINGS}`,
      inputs: {
        ...findingTweaks(false),
        locationId: { comments: "The customer location where the finding was identified: pick one or map its id." },
        installedEquipmentId: { comments: "Optional: the installed equipment at that location the finding is about." },
        sourceJobId: { comments: "Optional: the job during which the finding was discovered." },
        attachments: inBody(
          rulesJsonInput(
            {
              label: "Attachments",
              shape: "array",
              comments: `Photos, videos or documents supporting the finding, as a JSON array of {fileName, url, type: ${ATTACHMENT_TYPES.join("|")}}; url is the path Upload Finding Asset returned (or a public link for a VideoLink).`,
              example: JSON.stringify(
                [{ fileName: "relief-valve.jpg", url: "Findings/Assets/3fa85f64-5717-4562-b3fc-2c963f66afa6.jpg", type: "Image" }],
                null,
                2,
              ),
            },
            {
              fields: specFields<Schemas["EquipmentSystems.V2.FindingAttachmentCreateModel"]>()("fileName", "url", "type"),
              required: ["fileName", "url", "type"],
              enums: { type: ATTACHMENT_TYPES },
            },
          ),
        ),
      },
    }),
    updateLocationFinding: derivedAction({
      label: "Update Location Finding",
      description: "Change a finding's title, description, urgency, recommended solution or notes, or archive it",
      operation: `PATCH ${FINDINGS}/{id}`,
      inputs: { ...findingTweaks(true), ...archiveTweaks },
    }),
    listLocationFindingAttachments: listAction({
      label: "List Location Finding Attachments",
      description: "Retrieve the photos, videos and documents attached to a finding",
      operation: ATTACHMENTS,
      dataSource: "selectLocationFindingAttachment",
      path: () => ({ id: finding(findingOfAttachments.comments!) }),
      subject: findingSubject,
      examplePayload: exampleOf(ATTACHMENTS),
    }),
    getLocationFindingAttachment: derivedAction({
      label: "Get Location Finding Attachment",
      description: "Retrieve one attachment of a finding (its file name, type and url)",
      operation: `GET ${FINDINGS}/{id}/attachments/{attachmentId}`,
      subject: attachmentSubject,
      inputs: {
        id: findingOfAttachments,
        attachmentId: attachmentTweak("The attachment to read: pick one of the finding's or map its id."),
      },
    }),
    createLocationFindingAttachment: derivedAction({
      label: "Create Location Finding Attachment",
      description:
        "Attach a photo, video or document to a finding: upload the file with Upload Finding Asset first and pass the path it returns as the URL",
      operation: `POST ${FINDINGS}/{id}/attachments`,
      subject: findingSubject,
      inputs: { id: findingOfAttachments, ...attachmentFieldTweaks(false) },
    }),
    updateLocationFindingAttachment: derivedAction({
      label: "Update Location Finding Attachment",
      description: "Rename an attachment of a finding, point it at another file or change its type",
      operation: `PATCH ${FINDINGS}/{id}/attachments/{attachmentId}`,
      subject: attachmentSubject,
      inputs: {
        id: findingOfAttachments,
        attachmentId: attachmentTweak("The attachment to change: pick one of the finding's or map its id."),
        ...attachmentFieldTweaks(true),
      },
    }),
    deleteLocationFindingAttachment: derivedAction({
      label: "Delete Location Finding Attachment",
      description: "Remove an attachment from a finding",
      operation: `DELETE ${FINDINGS}/{id}/attachments/{attachmentId}`,
      subject: attachmentSubject,
      inputs: {
        id: findingOfAttachments,
        attachmentId: attachmentTweak("The attachment to remove: pick one of the finding's or map its id."),
      },
      examplePayload: { data: {} },
    }),
    uploadFindingAsset: uploadAction({
      label: "Upload Finding Asset",
      description:
        "Upload a file (a photo, video or document) for a finding and get the path to attach it by, in Create Location Finding or Create Location Finding Attachment",
      operation: `POST ${ASSETS}`,
      fileComments:
        "The file's content: map the binary output of a previous step (e.g. a photo from a form, an HTTP download or an email attachment).",
      examplePayload: { data: { path: "Findings/Assets/3fa85f64-5717-4562-b3fc-2c963f66afa6.jpg" } },
    }),
    downloadFindingAsset: downloadAction({
      label: "Download Finding Asset",
      description: "Download a finding's file (a photo, video or document) by its path",
      operation: `GET ${ASSETS}`,
      inputs: {
        path: {
          label: "Asset Path",
          required: true,
          example: "Findings/Assets/3fa85f64-5717-4562-b3fc-2c963f66afa6.jpg",
          comments:
            "The path Upload Finding Asset returned, or the url of one of a finding's attachments (Get Location Finding, List Location Finding Attachments).",
        },
      },
      subject: (v) => `Finding asset "${v.path}"`,
      example: Buffer.from("file content").toJSON(),
      contentType: "image/jpeg",
    }),
  },
  dataSources: {
    selectLocationFinding: picklist<Finding>({
      label: "Select Location Finding",
      description: "Select a finding from a dropdown menu (up to 10,000 active findings, newest first)",
      operation: LIST,
      query: { sort: "-ID" }, // past the cap, the newest findings are the likely picks
      params: {
        locationId: inQuery(
          idInput({ label: "Location ID", dataSource: "selectLocation", comments: "Only the findings at this location (empty: all)." }),
        ),
      },
      option: (f) => ({ key: String(f.id), label: `${f.name?.trim() || "Finding"} · ${f.urgencyLevel} (ID: ${f.id})` }),
      order: "api",
      example: [{ key: "1", label: "Leaking water heater relief valve · High (ID: 1)" }],
    }),
    selectLocationFindingAttachment: picklist<Attachment>({
      label: "Select Location Finding Attachment",
      description: "Select one of a finding's attachments (photos, videos, documents) from a dropdown menu",
      operation: ATTACHMENTS,
      params: { id: finding(findingOfAttachments.comments!) },
      option: (a) => ({ key: String(a.id), label: `${a.fileName?.trim() || "Attachment"} · ${a.type} (ID: ${a.id})` }),
      order: "label",
      example: [{ key: "1", label: "relief-valve.jpg · Image (ID: 1)" }],
    }),
  },
};
