/**
 * /forms/v2: forms and submissions answer from their response schema (sandbox/generic.ts); a job attachment upload is
 * stored (multipart, like the installed-equipment attachments) under the job.
 */
import { randomUUID } from "crypto";
import { badRequest } from "../problem";
import { mustFind, ok, type SandboxModule } from "./kit";

export const forms: SandboxModule = {
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
      return ok({ fileName });
    },
  },
};
