/**
 * "Call ServiceTitan API": any of the 584 operations of the 25 modules, picked from a dropdown, checked against its
 * spec before it is sent (path parameters, query names and types, the body against its JSON schema: see
 * src/client/validate.ts) and sent through the one request core. What no curated action covers is still reachable,
 * correctly; an operation ServiceTitan adds is reachable by regenerating the table.
 */
import { action } from "@prismatic-io/spectral";
import { isOperationKey, operationLabel, operations, RequestError, type OperationKey, type ServiceTitanClient } from "../client";
import { InputError } from "../client/errors";
import { moduleName, operationKeys, UNDOCUMENTED, words } from "../client/operations";
import { collectList, exportPages } from "../client/paging";
import { connectionInput, integerInput, jsonInput, keyValueInput, stringInput, switchInput } from "../inputs";
import { clientFor, downloadFile, fetchAllResult, once, type ResourceModule } from "../kit";

/** The dropdown: every operation, grouped by module and resource, its value the stable "VERB /path" key. */
const operationChoices = () =>
  [...operationKeys]
    .map((key) => ({ label: operationLabel(key), value: key }))
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : a.value < b.value ? -1 : 1));

/** A closer match for a mistyped key: same verb and path ignoring case and slashes, else the same path. */
const suggestion = (text: string): string => {
  const norm = (s: string) => s.toLowerCase().replace(/\/+$/, "").replace(/\s+/g, " ");
  const [verb, path] = norm(text).split(" ");
  const match = operationKeys.find((k) => norm(k) === norm(text)) ?? operationKeys.find((k) => norm(k).split(" ")[1] === (path ?? verb));
  return match ? ` Did you mean "${match}"?` : "";
};

const operationInput = () =>
  stringInput({
    label: "Operation",
    required: true,
    model: operationChoices(),
    example: "GET /jpm/v2/tenant/{tenant}/jobs/{id}",
    comments:
      "The ServiceTitan operation to call, by module, resource and what it does. Its value is the operation's \"VERB /path\" as ServiceTitan's API reference lists it; {tenant} comes from the connection.",
  });

/** A dropdown refuses what it does not list; a value mapped from a previous step gets a clearer message. */
const cleanOperation = (value: unknown): OperationKey | undefined => {
  const text = value === undefined || value === null ? "" : String(value).trim();
  if (!text) throw new InputError("Operation", "is required but was empty.");
  if (!isOperationKey(text)) {
    throw new InputError(
      "Operation",
      `"${text}" is not a ServiceTitan operation; expected "VERB /path" as listed, e.g. "GET /jpm/v2/tenant/{tenant}/jobs".${suggestion(text)}`,
    );
  }
  return text;
};

const FETCH_ALL_KINDS = "list operations (those answering page, pageSize, hasMore, data) and export feeds";

/** Every record of a list (or of an export feed from From), through the same pager as the list actions. */
const fetchAll = async (
  client: ServiceTitanClient,
  operation: OperationKey,
  args: { path: Record<string, unknown>; query: Record<string, unknown> },
  maxRecords?: number,
) => {
  const op = operations[operation];
  if (op.list) {
    return fetchAllResult(await collectList(client, operation, args, { maxRecords, eagerSecondPage: true }), operation);
  }
  // An export feed: follow continueFrom until caught up (or the cap); the last continueFrom resumes from there.
  const data: unknown[] = [];
  let continueFrom = String(args.query.from ?? "");
  let hasMore = false;
  for await (const page of exportPages(client, operation, args.query as { from?: string })) {
    const room = (maxRecords ?? Number.POSITIVE_INFINITY) - data.length;
    data.push(...page.data.slice(0, room));
    hasMore = page.hasMore || page.data.length > room;
    if (page.data.length > room) break; // the cap cut this page: resume from the previous position
    continueFrom = page.continueFrom;
    if (data.length >= (maxRecords ?? Number.POSITIVE_INFINITY)) break;
  }
  return { data, continueFrom, hasMore, recordCount: data.length };
};

/** The action's inputs, built when first read. */
const callInputs = once(() => ({
  connection: connectionInput,
  operation: { ...operationInput(), clean: cleanOperation },
  pathParameters: keyValueInput({
    label: "Path Parameters",
    comments: "Values for the {placeholders} of the operation's path other than {tenant}, by name (e.g. id = 12345).",
  }),
  queryParameters: keyValueInput({
    label: "Query Parameters",
    comments:
      "Query parameters by name (e.g. pageSize = 100). Only the ones the operation declares are accepted: ServiceTitan silently ignores others and answers unfiltered data.",
  }),
  body: jsonInput({
    label: "Body",
    example: '{ "customerId": 12345, "summary": "Callback requested" }',
    comments: "The JSON request body, for operations that take one (POST, PUT, PATCH); checked against the operation's schema.",
  }),
  fetchAll: switchInput({
    label: "Fetch All",
    comments: `Read every page: for ${FETCH_ALL_KINDS}. An export feed is read from the From query parameter until caught up.`,
  }),
  maxRecords: integerInput({
    label: "Max Records",
    min: 1,
    comments: "With Fetch All: stop after this many records (empty: no cap).",
  }),
}));

export const callOperation: ResourceModule = {
  actions: {
    callOperation: action({
      display: {
        label: "Call ServiceTitan API",
        description:
          "Call any ServiceTitan API operation (all 25 modules), checked against ServiceTitan's API specification before it is sent: path parameters, query parameters and the JSON body are validated and a mistake is reported with the field at fault. Use it for what no other action covers.",
      },
      // Built when first read (see operationAction): 584 labelled choices are not worth building for every flow step.
      get inputs() {
        return callInputs();
      },
      examplePayload: { data: { id: 12345, jobNumber: "10041", jobStatus: "Scheduled", summary: "AC not cooling." } },
      // The core refuses a bad request by part ("Path Parameters", "Query Parameters", "Body"): this action's input labels.
      perform: async (context, params) => {
        const operation = params.operation as OperationKey;
        const op = operations[operation];
        const path = (params.pathParameters ?? {}) as Record<string, unknown>;
        const query = (params.queryParameters ?? {}) as Record<string, unknown>;
        const client = clientFor(params.connection, context);
        const note = op.source ? ` ${UNDOCUMENTED}` : "";
        if (note) context.logger.warn?.(`${operation}:${note}`);
        if (op.body === "multipart") {
          throw new InputError(
            "Operation",
            `${operation} uploads a file: use the upload action of ${moduleName(op.module)} (${words(op.tag)}), which takes the file itself.`,
          );
        }
        if (params.maxRecords !== undefined && !params.fetchAll) throw new InputError("Max Records", "only applies with Fetch All.");
        if (params.fetchAll) {
          if (!op.list && !op.export) throw new InputError("Fetch All", `only applies to ${FETCH_ALL_KINDS}; ${operation} is neither.`);
          if (params.body !== undefined) throw new RequestError("body", "", `${operation} takes no request body; leave it empty.`);
          return { data: await fetchAll(client, operation, { path, query }, params.maxRecords as number | undefined) };
        }
        if (op.response === "file" || op.response === "redirect") {
          if (params.body !== undefined) throw new RequestError("body", "", `${operation} takes no request body; leave it empty.`);
          return downloadFile(client, operation, { path, query, subject: `${words(op.tag)} ${Object.values(path).join("/")}`.trim() });
        }
        const subject = Object.keys(path).length ? `${words(op.tag)} ${Object.values(path).join("/")}` : undefined;
        const data = await client.request(operation, { path, query, body: params.body, subject });
        return { data: data === "" || data === undefined || data === null ? {} : data };
      },
    }),
  },
};
