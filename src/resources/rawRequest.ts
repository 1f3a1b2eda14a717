import { action } from "@prismatic-io/spectral";
import type { ResourceModule } from "../kit";
import { clientFor } from "../kit";
import { InputError } from "../client/errors";
import { connectionInput, enumInput, keyValueInput, stringInput } from "../inputs";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const RESPONSE_TYPES = ["json", "text", "arraybuffer"];
/** The core sets these; letting a builder override them could send another app's key or a stale token. */
const RESERVED_HEADERS = ["authorization", "st-app-key"];

/**
 * The request URL on the connection's API host. Accepts "/jpm/v2/tenant/{tenant}/jobs", "jpm/v2/…" or a full URL
 * on the API host; refuses any other host, because the bearer token and app key go with the request.
 */
export const resolveRawUrl = (apiHost: string, tenant: string, url: string): string => {
  const base = new URL(apiHost.replace(/\/*$/, "/"));
  const text = url.trim().replace(/\{tenant\}/g, encodeURIComponent(tenant));
  const absolute = /^[a-z][a-z\d+.-]*:/i.test(text) || /^[/\\]{2}/.test(text);
  let target: URL;
  try {
    target = new URL(absolute ? text : text.replace(/^\/+/, ""), base);
  } catch {
    throw new InputError("URL", `"${url}" is not a valid path or URL; expected e.g. /jpm/v2/tenant/{tenant}/jobs.`);
  }
  if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname)) {
    throw new InputError(
      "URL",
      `points to ${target.origin}, not the connection's ServiceTitan API host ${base.origin}. Raw Request only calls ServiceTitan, so your token and app key never leave it; use a path such as /jpm/v2/tenant/{tenant}/jobs.`,
    );
  }
  if (target.username || target.password)
    throw new InputError("URL", "must not contain a user name or password; the connection authenticates the request.");
  return target.toString();
};

/** Headers to send, refusing the ones the core owns. */
const checkHeaders = (headers: Record<string, unknown> = {}): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      if (RESERVED_HEADERS.includes(name.trim().toLowerCase())) {
        throw new InputError("Header", `${name} is set from the connection and cannot be overridden here.`);
      }
      return [name, String(value)];
    }),
  );

/** JSON text is sent as JSON; anything else as plain text. */
const parseBody = (data: string | undefined, headers: Record<string, string>): { data?: unknown; headers: Record<string, string> } => {
  if (data === undefined) return { headers };
  const hasType = Object.keys(headers).some((name) => name.toLowerCase() === "content-type");
  try {
    return { data: JSON.parse(data), headers: hasType ? headers : { ...headers, "Content-Type": "application/json" } };
  } catch {
    return { data, headers: hasType ? headers : { ...headers, "Content-Type": "text/plain" } };
  }
};

export const rawRequest: ResourceModule = {
  actions: {
    rawRequest: action({
      display: {
        label: "Raw Request",
        description: "Send raw HTTP request to ServiceTitan",
      },
      inputs: {
        connection: connectionInput,
        method: enumInput({ label: "Method", values: METHODS, required: true, default: "GET", comments: "The HTTP method to use." }),
        url: stringInput({
          label: "URL",
          required: true,
          example: "/jpm/v2/tenant/{tenant}/jobs",
          comments:
            "A ServiceTitan API path such as /jpm/v2/tenant/{tenant}/jobs ({tenant} is filled from the connection), or a full URL on the connection's API host. Other hosts are refused.",
        }),
        queryParams: keyValueInput({ label: "Query Parameter", comments: "Query parameters to send, e.g. page = 1." }),
        headers: keyValueInput({
          label: "Header",
          comments: "Extra headers to send. Authorization and ST-App-Key come from the connection and cannot be set here.",
        }),
        data: stringInput({
          label: "Data",
          multiline: true,
          example: '{"exampleKey": "Example Data"}',
          comments: "The request body: JSON is sent as JSON, anything else as plain text (set a Content-Type header to change that).",
        }),
        responseType: enumInput({
          label: "Response Type",
          values: RESPONSE_TYPES,
          required: true,
          default: "json",
          comments: "json for API data, text for plain text, arraybuffer for files.",
        }),
      },
      examplePayload: { data: {} },
      perform: async (context, params) => {
        const client = clientFor(params.connection, context);
        const url = resolveRawUrl(client.apiHost, client.tenant, params.url as string);
        const { data, headers } = parseBody(
          params.data as string | undefined,
          checkHeaders(params.headers as Record<string, unknown> | undefined),
        );
        const response = await client.raw({
          method: params.method as string,
          url,
          params: params.queryParams,
          headers,
          data,
          responseType: params.responseType as "json" | "text" | "arraybuffer",
        });
        // axios gives "" for an empty answer; actions return {} there.
        return { data: response.data === "" || response.data == null ? {} : response.data };
      },
    }),
  },
};
