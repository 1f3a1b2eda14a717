/**
 * /forms/v2: forms and submissions answer from their response schema (sandbox/generic.ts); a job attachment upload is
 * stored (multipart, like the installed-equipment attachments) under the job, listed with the job's attachments and
 * downloaded by its id (a 302 to the file, as ServiceTitan redirects to its storage).
 */
import { randomUUID } from "crypto";
import { badRequest, notFound } from "../problem";
import { FILES_PREFIX } from "./equipmentsystems";
import type { CollectionDef } from "../resources";
import { mustFind, ok, type SandboxModule } from "./kit";

/** What the list and the download read: one record per upload (the job keeps its own `attachments` list too). */
const attachmentsCollection: CollectionDef = {
  name: "job-attachments",
  label: "Job attachment",
  firstId: 880_001,
  build: (_store, fields) => ({ jobId: null, fileName: "", originalFileName: "", createdById: null, ...fields }),
  fake: () => ({}),
};

export const forms: SandboxModule = {
  collections: () => [attachmentsCollection],
  seed: () => undefined, // no attachment until a file is uploaded
  handlers: {
    Jobs_CreateAttachment: (ctx) => {
      const job = mustFind(ctx, "jobs", ctx.params.id);
      const file = ctx.files.find((f) => f.field === "file");
      if (!file) throw badRequest({ file: ["A file is required"] });
      const extension = /\.([A-Za-z0-9]+)$/.exec(file.fileName)?.[1]?.toLowerCase() ?? "bin";
      const fileName = `Jobs/${job.id}/${randomUUID()}.${extension}`;
      ctx.store.files.set(fileName, { data: file.data, fileName: file.fileName, contentType: file.contentType });
      ctx.store
        .collection("jobs")
        .update(job, { attachments: [...(job.attachments ?? []), { fileName, originalFileName: file.fileName }] });
      ctx.store.create("job-attachments", { jobId: job.id, fileName, originalFileName: file.fileName });
      return ok({ fileName });
    },

    /** A job's attachments, oldest first (sort=-CreatedOn: newest first), in ServiceTitan's paging envelope. */
    Jobs_GetJobAttachments: (ctx) => {
      const job = mustFind(ctx, "jobs", ctx.params.jobId);
      const { createdBefore, createdOnOrAfter, sort } = ctx.query;
      let records = ctx.store
        .all("job-attachments", { jobId: job.id })
        .filter((a) => !createdBefore || a.createdOn < new Date(createdBefore).toISOString())
        .filter((a) => !createdOnOrAfter || a.createdOn >= new Date(createdOnOrAfter).toISOString())
        .map((a) => ({ id: a.id, fileName: a.originalFileName, createdOn: a.createdOn, createdById: a.createdById }));
      if (sort && /^-\s*CreatedOn$/i.test(String(sort).trim())) records = records.reverse();
      const page = Number(ctx.query.page ?? 1);
      const pageSize = Math.min(Number(ctx.query.pageSize ?? 50), ctx.settings.pageSizeCap);
      const data = records.slice((page - 1) * pageSize, page * pageSize);
      return ok({
        page,
        pageSize,
        hasMore: page * pageSize < records.length,
        totalCount: ctx.query.includeTotal ? records.length : null,
        data,
      });
    },

    Jobs_Get: (ctx) => {
      const id = ctx.params.id;
      const attachment = ctx.store.collection("job-attachments").get(id);
      if (!attachment || !ctx.store.files.has(attachment.fileName)) throw notFound("Job attachment", id);
      const path = String(attachment.fileName).split("/").map(encodeURIComponent).join("/");
      return { status: 302, headers: { location: `${ctx.baseUrl}${FILES_PREFIX}${path}` } };
    },
  },
};
