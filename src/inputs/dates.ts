import { InputError } from "../client/errors";

/**
 * Refuses a time range whose `end` field comes before its `start` field (or at the same time when `strict`) before
 * the request, as ServiceTitan would with a 400. A range with a side unset is not checked.
 */
export const checkTimeOrder = (
  values: Record<string, unknown>,
  fields: { start: string; end: string; strict?: boolean },
  refusal: { label: string; message: string },
) => {
  const [start, end] = [fields.start, fields.end].map((name) => (values[name] === undefined ? NaN : Date.parse(String(values[name]))));
  if (fields.strict ? end <= start : end < start) throw new InputError(refusal.label, refusal.message);
};
