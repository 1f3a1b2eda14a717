import type { ResourceModule } from "../../kit";
import { derivedAction, listAction } from "../../kit";
import { exampleOf } from "../../examples";

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
    }),
  },
};
