import { input } from "@prismatic-io/spectral";
import { InputError } from "../../client/errors";

/** A .NET TimeSpan as ServiceTitan takes durations and times of day: [d.]hh:mm[:ss]. */
const TIME_SPAN = /^(\d+\.)?\d{1,2}:[0-5]\d(:[0-5]\d(\.\d{1,7})?)?$/;

/** A duration or time of day ("01:30:00"); "90" (minutes) is written out as 01:30:00 for convenience. */
export const timeSpanInput = (options: { label: string; required?: boolean; comments: string; example?: string }) =>
  input({
    type: "string",
    label: options.label,
    required: options.required ?? false,
    example: options.example ?? "01:30:00",
    comments: options.comments,
    clean: (value: unknown) => {
      const text = value === undefined || value === null ? "" : String(value).trim();
      if (!text) {
        if (options.required) throw new InputError(options.label, "is required but was empty.");
        return undefined;
      }
      if (/^\d+$/.test(text)) {
        const minutes = Number(text);
        const pad = (n: number) => String(n).padStart(2, "0");
        const days = Math.floor(minutes / 1440);
        const time = `${pad(Math.floor((minutes % 1440) / 60))}:${pad(minutes % 60)}:00`;
        return days ? `${days}.${time}` : time;
      }
      if (!TIME_SPAN.test(text))
        throw new InputError(options.label, `"${text}" is not a duration like 01:30:00 (hh:mm:ss) or a number of minutes.`);
      return text;
    },
  });
