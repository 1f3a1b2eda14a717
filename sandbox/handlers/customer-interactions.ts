/**
 * /customer-interactions/v2: technician ratings are stateful, one per technician and job (the POST and the older PUT
 * both record or replace it). Other operations answer from their response schema (sandbox/generic.ts).
 */
import type { Store } from "../store";
import { schemaCollection } from "../generic";
import { badRequest } from "../problem";
import { exportFeed, list, mustRef, ok, type Handler, type HandlerContext, type SandboxModule } from "./kit";

/** Records or replaces the rating of a technician for a job (0 to 10; the technician and the job must exist). */
function rate(ctx: HandlerContext, technicianId: unknown, jobId: unknown, rating: unknown, field: string) {
  mustRef(ctx, "technicians", technicianId, "technicianId");
  mustRef(ctx, "jobs", jobId, "jobId");
  if (typeof rating !== "number" || rating < 0 || rating > 10) throw badRequest({ [field]: ["Rating must be between 0 and 10"] });
  const existing = ctx.store.all("technician-ratings", { technicianId, jobId })[0];
  return existing
    ? ctx.store.update("technician-ratings", existing.id, { rating, active: true })
    : ctx.store.create("technician-ratings", { technicianId, jobId, rating });
}

const handlers: Record<string, Handler> = {
  TechnicianRatings_GetList: list("technician-ratings"),
  TechnicianRatings_Update: (ctx) => ok(rate(ctx, ctx.body.technicianId, ctx.body.jobId, ctx.body.rating, "rating")),
  TechnicianRating_Update: (ctx) => {
    rate(ctx, ctx.params.technicianId, ctx.params.jobId, ctx.body.value, "value");
    return ok();
  },
  Export_TechnicianRatings: exportFeed("technician-ratings"),
};

/** A few ratings of the first technicians on the first jobs. */
function seed(store: Store) {
  const technicians = store.all("technicians", { active: true }).slice(0, 3);
  const jobs = store.all("jobs").slice(0, 4);
  jobs.forEach((job, i) => {
    const technician = technicians[i % technicians.length];
    if (technician) store.create("technician-ratings", { technicianId: technician.id, jobId: job.id, rating: [10, 9, 7.5, 8][i] });
  });
}

export const customerInteractions: SandboxModule = {
  handlers,
  collections: (spec) => [
    schemaCollection(spec, {
      name: "technician-ratings",
      label: "Technician rating",
      firstId: 196001,
      record: "customer-interactions/TechnicianRatings_GetList",
      filters: { technicianId: "technicianId", jobId: "jobId" },
    }),
  ],
  seed,
};
