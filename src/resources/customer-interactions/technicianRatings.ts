import { InputError } from "../../client/errors";
import type { ResourceModule } from "../../kit";
import { derivedAction, listAction, type Values } from "../../kit";
import { exampleOf } from "../../examples";

/** ServiceTitan's ratings run from 0 to 10 (it refuses others with a 400): refused before the request. */
const checkRating = (label: string, field: string) => (_values: Values, body: Values | undefined) => {
  const rating = body?.[field] as number | undefined;
  if (rating !== undefined && (rating < 0 || rating > 10)) throw new InputError(label, `${rating} is out of range; expected 0 to 10.`);
  return body;
};

/** Technician ratings: how customers rated a technician's work on a job (0–10), e.g. from a survey tool. */
export const technicianRatings: ResourceModule = {
  actions: {
    listTechnicianRatings: listAction({
      label: "List Technician Ratings",
      description: "Retrieve the ratings customers gave technicians for jobs, filtered by technician, job or dates",
      operation: "GET /customer-interactions/v2/tenant/{tenant}/technician-ratings",
      filters: {},
      examplePayload: exampleOf("GET /customer-interactions/v2/tenant/{tenant}/technician-ratings"),
    }),
    rateTechnician: derivedAction({
      label: "Rate Technician",
      description: "Record (or replace) the rating a customer gave a technician for a job, e.g. from a survey",
      operation: "POST /customer-interactions/v2/tenant/{tenant}/technician-ratings",
      inputs: {
        technicianId: { comments: "The technician rated." },
        jobId: { comments: "The job the rating is for." },
        rating: { comments: "The rating, from 0 to 10." },
      },
      body: checkRating("Rating", "rating"),
    }),
    rateTechnicianForJob: derivedAction({
      label: "Rate Technician For Job",
      description:
        "Record (or replace) the rating a customer gave a technician for a job, through ServiceTitan's older per-technician, per-job endpoint (Rate Technician does the same)",
      operation: "PUT /customer-interactions/v2/tenant/{tenant}/technician-rating/technician/{technicianId}/job/{jobId}",
      inputs: {
        technicianId: { comments: "The technician rated: pick one or map its id (e.g. from the job's appointment assignments)." },
        jobId: { comments: "The job the rating is for: pick one or map its id (e.g. from a job-completed webhook)." },
        value: { label: "Rating", comments: "The rating, from 0 (worst) to 10 (best); decimals allowed, e.g. 9.5." },
      },
      subject: (v) => `Rating of technician ${v.technicianId} for job ${v.jobId}`,
      body: checkRating("Rating", "value"),
      examplePayload: { data: {} },
    }),
  },
};
