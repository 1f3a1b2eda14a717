/**
 * /findings/v2: findings (issues technicians record at customer locations) are stateful, with their attachments:
 * create, read, list and update a finding (archiving it sets its status); add, change, read and remove its
 * attachments (they show in the finding too). Assets are uploaded (multipart, like the installed-equipment
 * attachments) and downloaded through a redirect to the file, as ServiceTitan does.
 */
import { randomUUID } from "crypto";
import { schemaCollection } from "../generic";
import { badRequest, conflict, HttpError, notFound } from "../problem";
import type { SandboxRecord, Store } from "../store";
import { FILES_PREFIX } from "./equipmentsystems";
import { getOne, list, mustFind, mustRef, ok, pickDefined, type HandlerContext, type Json, type SandboxModule } from "./kit";

const FINDINGS = "location-findings";
const ATTACHMENTS = "finding-attachments";
/** Where uploaded assets live (the path the upload answers and attachments point at). */
const ASSET_PREFIX = "Findings/Assets/";
/** The user the API client acts as (createdBy / modifiedBy of what it writes). */
const API_USER = 7001;

const CONTENT_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  heic: "image/heic",
  mp4: "video/mp4",
  mov: "video/quicktime",
  pdf: "application/pdf",
  txt: "text/plain",
};

const FINDING_FIELDS = ["name", "description", "urgencyLevel", "recommendedSolution", "internalNotes", "archived", "active"];
const ATTACHMENT_FIELDS = ["fileName", "url", "type"];

const attachmentView = (a: SandboxRecord) => ({ id: a.id, fileName: a.fileName, url: a.url, type: a.type });

/** A finding as read: its attachments (the ones not removed) with it. */
const findingView = (finding: SandboxRecord, ctx: { store: Store }) => ({
  ...finding,
  attachments: (ctx.store.collection(ATTACHMENTS).groupBy("findingId").get(finding.id) ?? []).filter((a) => a.active).map(attachmentView),
});

/** An attachment's url names an uploaded asset that must exist (a public link, e.g. a video, is taken as is). */
function checkUrl(ctx: HandlerContext, url: unknown, field: string) {
  if (typeof url === "string" && url.startsWith(ASSET_PREFIX) && !ctx.store.files.has(url)) {
    throw badRequest({ [field]: [`Asset ${url} not found; upload the file first`] });
  }
}

/** The same file attached twice to one finding is refused (409), as ServiceTitan documents a conflict here. */
function checkDuplicate(ctx: HandlerContext, finding: SandboxRecord, url: unknown, except?: number) {
  const same = ctx.store.all(ATTACHMENTS, { findingId: finding.id }).find((a) => a.active && a.url === url && a.id !== except);
  if (same) throw conflict(`Finding ${finding.id} already has attachment ${same.id} for ${String(url)}`);
}

function addAttachment(ctx: HandlerContext, finding: SandboxRecord, body: Json, field = "url"): SandboxRecord {
  checkUrl(ctx, body.url, field);
  checkDuplicate(ctx, finding, body.url);
  return ctx.store.create(ATTACHMENTS, { findingId: finding.id, ...pickDefined(body, ATTACHMENT_FIELDS) });
}

/** A change to a finding's attachments is a change to the finding. */
const touch = (ctx: HandlerContext, finding: SandboxRecord) => ctx.store.collection(FINDINGS).update(finding, { modifiedBy: API_USER });

/** The finding of the path, and the attachment of the path that belongs to it (404 otherwise). */
function findingAttachment(ctx: HandlerContext): { finding: SandboxRecord; attachment: SandboxRecord } {
  const finding = mustFind(ctx, FINDINGS, ctx.params.id);
  const attachment = mustFind(ctx, ATTACHMENTS, ctx.params.attachmentId);
  if (attachment.findingId !== finding.id) throw notFound("Attachment", ctx.params.attachmentId);
  return { finding, attachment };
}

/** The references of a new finding: the location, and equipment and a job at that location. */
function checkReferences(ctx: HandlerContext): SandboxRecord {
  const { body } = ctx;
  const location = mustRef(ctx, "locations", body.locationId, "locationId");
  if (body.installedEquipmentId != null) {
    const equipment = mustRef(ctx, "installed-equipment", body.installedEquipmentId, "installedEquipmentId");
    if (equipment.locationId !== location.id) {
      throw badRequest({ installedEquipmentId: [`Installed equipment ${equipment.id} is not at location ${location.id}`] });
    }
  }
  if (body.sourceJobId != null) {
    const job = mustRef(ctx, "jobs", body.sourceJobId, "sourceJobId");
    if (job.locationId !== location.id) throw badRequest({ sourceJobId: [`Job ${job.id} was not at location ${location.id}`] });
  }
  return location;
}

/** A stored asset (seeded findings' photos can be downloaded too). */
const storeAsset = (store: Store, path: string, fileName: string, text: string) => {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "bin";
  store.files.set(path, { data: Buffer.from(text), fileName, contentType: CONTENT_TYPES[ext] ?? "application/octet-stream" });
};

/** Demo findings at the first locations with installed equipment, found on a completed job there. */
const SEED = [
  {
    at: "2025-02-10T17:20:00Z",
    equipmentId: 90001,
    name: "Heat pump outdoor coil heavily corroded",
    description: "Fins on the outdoor coil are corroded along the bottom third; airflow is reduced and the unit short-cycles.",
    urgencyLevel: "High",
    recommendedSolution: "Replace the outdoor coil, or quote a new heat pump given the unit's age (14 years).",
    internalNotes: "Customer asked for financing options.",
    status: "JobBooked",
    attachment: { fileName: "coil-corrosion.jpg", type: "Image" },
  },
  {
    at: "2025-02-18T19:05:00Z",
    equipmentId: 90002,
    name: "Cracked furnace flue pipe",
    description: "Hairline crack in the flue pipe right above the draft inducer; no CO detected at the time of the visit.",
    urgencyLevel: "Critical",
    recommendedSolution: "Replace the flue pipe section and test for carbon monoxide.",
    internalNotes: null,
    status: "New",
    attachment: { fileName: "flue-crack.jpg", type: "Image" },
  },
  {
    at: "2025-03-03T16:40:00Z",
    equipmentId: 90003,
    name: "Water heater anode rod depleted",
    description: "Anode rod is almost fully consumed; sediment build-up in the tank.",
    urgencyLevel: "Medium",
    recommendedSolution: "Replace the anode rod and flush the tank.",
    internalNotes: null,
    status: "New",
    attachment: null,
  },
] as const;

export const findings: SandboxModule = {
  collections: (spec) => [
    schemaCollection(spec, {
      name: FINDINGS,
      label: "Finding",
      firstId: 500_001,
      record: "findings/Findings_Get",
      defaults: () => ({
        name: null,
        description: null,
        recommendedSolution: null,
        internalNotes: null,
        installedEquipmentId: null,
        sourceJobId: null,
        urgencyLevel: "NotSpecified",
        status: "New",
        archived: false,
        createdBy: API_USER,
        modifiedBy: API_USER,
        linkedEstimateIds: [],
        linkedJobIds: [],
        attachments: [], // read from the attachments collection (findingView)
      }),
      filters: { locationId: "locationId", sourceJobId: "sourceJobId", installedEquipmentId: "installedEquipmentId" },
    }),
    schemaCollection(spec, {
      name: ATTACHMENTS,
      label: "Attachment",
      firstId: 505_001,
      record: "findings/Findings_GetFindingAttachment",
      softDelete: true,
    }),
  ],
  seed: (store) => {
    for (const [i, s] of SEED.entries()) {
      store.setClock(s.at);
      const equipment = store.collection("installed-equipment").get(s.equipmentId)!;
      const jobs = store.all("jobs", { locationId: equipment.locationId });
      const job = jobs.find((j) => j.jobStatus === "Completed");
      // A booked finding points at the job booked to resolve it (another job at the location).
      const followUp = s.status === "JobBooked" ? jobs.find((j) => j.id !== job?.id) : undefined;
      const technician = store.collection("technicians").get(1001 + i)!;
      const finding = store.create(FINDINGS, {
        locationId: equipment.locationId,
        installedEquipmentId: equipment.id,
        sourceJobId: job?.id ?? null,
        name: s.name,
        description: s.description,
        urgencyLevel: s.urgencyLevel,
        recommendedSolution: s.recommendedSolution,
        internalNotes: s.internalNotes,
        status: followUp ? s.status : "New",
        createdBy: technician.userId,
        modifiedBy: technician.userId,
        linkedJobIds: followUp ? [followUp.id] : [],
      });
      if (s.attachment) {
        const ext = s.attachment.fileName.split(".").pop();
        const path = `${ASSET_PREFIX}5b1f0c1e-6a7d-4f7e-9a51-${String(finding.id).padStart(12, "0")}.${ext}`;
        storeAsset(store, path, s.attachment.fileName, `sandbox photo of finding ${finding.id}`);
        store.create(ATTACHMENTS, { findingId: finding.id, fileName: s.attachment.fileName, url: path, type: s.attachment.type });
      }
    }
    store.setClock(null);
  },
  handlers: {
    Findings_GetList: list(FINDINGS),
    Findings_Get: getOne(FINDINGS, { view: findingView }),

    Findings_Create: (ctx) => {
      const location = checkReferences(ctx);
      const { body, store } = ctx;
      const finding = store.create(FINDINGS, {
        ...pickDefined(body, ["name", "description", "urgencyLevel", "recommendedSolution", "internalNotes"]),
        locationId: location.id,
        installedEquipmentId: body.installedEquipmentId ?? null,
        sourceJobId: body.sourceJobId ?? null,
      });
      (body.attachments ?? []).forEach((attachment: Json, i: number) => addAttachment(ctx, finding, attachment, `attachments[${i}].url`));
      return ok(findingView(finding, ctx));
    },

    Findings_Update: (ctx) => {
      const finding = mustFind(ctx, FINDINGS, ctx.params.id);
      const changes: Record<string, unknown> = { ...pickDefined(ctx.body, FINDING_FIELDS), modifiedBy: API_USER };
      // Archiving ends the finding's workflow; restoring it starts over.
      if (ctx.body.archived === true) changes.status = "Archived";
      if (ctx.body.archived === false && finding.status === "Archived") changes.status = "New";
      ctx.store.collection(FINDINGS).update(finding, changes);
      return ok(findingView(finding, ctx));
    },

    Findings_GetFindingAttachments: (ctx) => {
      const finding = mustFind(ctx, FINDINGS, ctx.params.id);
      return list(ATTACHMENTS, { scope: () => (a) => a.findingId === finding.id, view: attachmentView })(ctx);
    },

    Findings_CreateFindingAttachment: (ctx) => {
      const finding = mustFind(ctx, FINDINGS, ctx.params.id);
      const attachment = addAttachment(ctx, finding, ctx.body);
      touch(ctx, finding);
      return ok(attachmentView(attachment));
    },

    Findings_GetFindingAttachment: (ctx) => ok(attachmentView(findingAttachment(ctx).attachment)),

    Findings_UpdateFindingAttachment: (ctx) => {
      const { finding, attachment } = findingAttachment(ctx);
      if (ctx.body.url !== undefined) {
        checkUrl(ctx, ctx.body.url, "url");
        checkDuplicate(ctx, finding, ctx.body.url, attachment.id);
      }
      ctx.store.collection(ATTACHMENTS).update(attachment, pickDefined(ctx.body, ATTACHMENT_FIELDS));
      touch(ctx, finding);
      return ok(attachmentView(attachment));
    },

    Findings_DeleteFindingAttachment: (ctx) => {
      const { finding, attachment } = findingAttachment(ctx);
      ctx.store.collection(ATTACHMENTS).update(attachment, { active: false });
      touch(ctx, finding);
      return ok();
    },

    /** Declared as JSON with a binary `file`, taken as multipart/form-data: stores the bytes, answers the path. */
    FindingAssets_PostAttachment: (ctx) => {
      const file = ctx.files.find((f) => f.field === "file");
      if (!file) throw badRequest({ file: ["A multipart/form-data part named 'file' is required"] });
      const ext = /\.([A-Za-z0-9]{1,8})$/.exec(file.fileName)?.[1]?.toLowerCase() ?? "bin";
      const path = `${ASSET_PREFIX}${randomUUID()}.${ext}`;
      ctx.store.files.set(path, {
        data: file.data,
        fileName: file.fileName,
        contentType: file.contentType || CONTENT_TYPES[ext] || "application/octet-stream",
      });
      return ok({ path });
    },

    /** Redirects to the file itself (served without the API's auth, like a signed storage link). */
    FindingAssets_Get: (ctx) => {
      const path = ctx.query.path as string | undefined;
      if (!path) throw badRequest({ path: ["The path query parameter is required"] });
      if (!ctx.store.files.has(path)) throw new HttpError(404, `Asset ${path} not found`);
      return { status: 302, headers: { location: `${ctx.baseUrl}${FILES_PREFIX}${path.split("/").map(encodeURIComponent).join("/")}` } };
    },
  },
};
