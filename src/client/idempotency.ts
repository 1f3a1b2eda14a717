import type { OperationKey } from "./index";
import type { ServiceTitanError } from "./errors";

/**
 * A retry of an idempotent request can meet the effect of its own first attempt: ServiceTitan carried it out but the
 * answer was lost (502/503/504, a dropped connection), so the retry hears "not found" or "already done". For the
 * operations below that answer means the work is done, and the core reports success instead of the error. Only
 * after such a retry: on a first attempt the same answer is a real mistake (a wrong id).
 *
 * Decided per operation from the specs' documented answers (openapi/):
 * - every DELETE: 404 means the record is gone, except where the path names a state of a record (below);
 * - DELETE appointments/{id}/hold and …/confirmation: 409 "not on hold" / "was not confirmed" (404 means the
 *   appointment itself is missing, which the first attempt cannot have caused);
 * - PUT appointments/{id}/confirmation: 409 "already confirmed";
 * - PUT jobs/{id}/cancel, jobs/{id}/hold, jobs/{id}/complete, jobs/{id}/remove-cancellation and appointments/{id}/hold:
 *   the specs give only a generic 400/409, so the answer counts only when its title says the target state was
 *   already reached ("already canceled"); "already completed or cancelled or …" stays an error (it may be either).
 * PUTs that replace a record (contacts, special instructions …) simply succeed again and need no rule; POST and
 * PATCH are never retried after such a failure, so they never get here.
 */
interface Rule {
  operation: OperationKey;
  statuses: number[];
  /** The title that must say the work is done, where the status alone does not. */
  title?: RegExp;
  /** What the first attempt had done, for the log. */
  done: string;
}

const RULES: Rule[] = [
  {
    operation: "DELETE /jpm/v2/tenant/{tenant}/appointments/{id}/hold",
    statuses: [409],
    done: "had already removed the hold",
  },
  {
    operation: "DELETE /jpm/v2/tenant/{tenant}/appointments/{id}/confirmation",
    statuses: [409],
    done: "had already removed the confirmation",
  },
  {
    operation: "PUT /jpm/v2/tenant/{tenant}/appointments/{id}/confirmation",
    statuses: [409],
    done: "had already confirmed the appointment",
  },
  {
    operation: "PUT /jpm/v2/tenant/{tenant}/appointments/{id}/hold",
    statuses: [400, 409],
    title: /already on hold/i,
    done: "had already put the appointment on hold",
  },
  {
    operation: "PUT /jpm/v2/tenant/{tenant}/jobs/{id}/cancel",
    statuses: [400, 409],
    title: /already cancell?ed/i,
    done: "had already canceled the job",
  },
  {
    operation: "PUT /jpm/v2/tenant/{tenant}/jobs/{id}/hold",
    statuses: [400, 409],
    title: /already on hold/i,
    done: "had already put the job on hold",
  },
  {
    operation: "PUT /jpm/v2/tenant/{tenant}/jobs/{id}/complete",
    statuses: [400, 409],
    title: /^(?!.*\bor\b).*already completed/i,
    done: "had already completed the job",
  },
  {
    operation: "PUT /jpm/v2/tenant/{tenant}/jobs/{id}/remove-cancellation",
    statuses: [400, 409],
    title: /not cancell?ed/i,
    done: "had already removed the cancellation",
  },
];

/**
 * What the first attempt had already done, when `error` (the answer to a retry after a failure that may have come
 * after ServiceTitan acted) means exactly that; undefined when it is a real error.
 */
export const alreadyDone = (operation: string, error: Pick<ServiceTitanError, "status" | "title">): string | undefined => {
  const rule = RULES.find((r) => r.operation === operation);
  if (rule) {
    return error.status !== undefined && rule.statuses.includes(error.status) && (!rule.title || rule.title.test(error.title ?? ""))
      ? rule.done
      : undefined;
  }
  return operation.startsWith("DELETE ") && error.status === 404 ? "had already deleted it" : undefined;
};
