/**
 * Files in and out of ServiceTitan, one way for every module: uploads go as multipart/form-data (the specs declare
 * them as JSON with a binary `file`, ServiceTitan takes a form), downloads follow ServiceTitan's redirect to its file
 * storage without our token or app key, and both are actions derived from the operation like any other.
 */
import { input, util, type InputFieldDefinition } from "@prismatic-io/spectral";
import FormData from "form-data";
import { buildPath, buildQuery, operations, type OperationKey, type RequestArgs, type ServiceTitanClient } from "../client";
import { InputError, ServiceTitanError } from "../client/errors";
import { stringInput } from "../inputs";
import { pathParams, queryParams, type InputTweak } from "./derive";
import { inBody, once, operationAction, placeParams, type Params, type Values } from "./operationAction";

export interface FileResult {
  /** The bytes: Prismatic stores them as a file of `contentType`; a later step sees {"type": "Buffer", "data": [...]}. */
  data: Buffer;
  contentType: string;
}

/** The content of a file to upload: the binary output of a previous step. */
export const fileInput = (
  comments = "The file's content: map the binary output of a previous step (e.g. an HTTP download or an email attachment).",
) =>
  input({
    label: "File",
    type: "data",
    required: true,
    comments,
    clean: (value: unknown) => {
      if (value === undefined || value === null || value === "") throw new InputError("File", "is required but was empty.");
      return util.types.toData(value);
    },
  }) as InputFieldDefinition;

/** Uploads `file` as the form field `file`. The body is buffered, so a 429 retry can send it again. */
export const uploadFile = (
  client: ServiceTitanClient,
  operation: OperationKey,
  args: Pick<RequestArgs, "path" | "query" | "subject">,
  upload: { file: { data: Buffer; contentType?: string }; fileName: string; contentType?: string },
) => {
  const form = new FormData();
  form.append("file", upload.file.data, {
    filename: upload.fileName,
    contentType: upload.contentType ?? upload.file.contentType ?? "application/octet-stream",
  });
  return client.request(operation, { ...args, body: form.getBuffer(), headers: form.getHeaders() });
};

const sameOrigin = (a: string, b: string) => new URL(a).origin === new URL(b).origin;

/**
 * Downloads what an operation answers: the bytes themselves, or a 302 to them. A redirect on ServiceTitan's own host
 * is followed with the usual auth; one to another host (a signed storage link) is fetched WITHOUT our token and app key.
 */
export const downloadFile = async (
  client: ServiceTitanClient,
  operation: OperationKey,
  args: Pick<RequestArgs, "path" | "query"> & { subject: string },
): Promise<FileResult> => {
  const binary = {
    responseType: "arraybuffer" as const,
    maxRedirects: 0,
    validateStatus: (status: number) => status >= 200 && status < 400,
  };
  try {
    let response = await client.raw({
      method: "GET",
      url: buildPath(operation, client.tenant, args.path),
      params: buildQuery(operation, args.query),
      ...binary,
    });
    for (let hops = 0; response.status >= 300 && hops < 5; hops++) {
      const location = response.headers.location as string | undefined;
      if (!location)
        throw new ServiceTitanError(
          `ServiceTitan answered ${response.status} without a Location for ${args.subject}.`,
          response.status,
          undefined,
          {},
          undefined,
          operation,
        );
      const target = new URL(
        location,
        response.config.url && /^https?:/.test(response.config.url) ? response.config.url : client.apiHost,
      ).toString();
      response = sameOrigin(target, client.apiHost)
        ? await client.raw({ method: "GET", url: target, ...binary })
        : await client.external({ method: "GET", url: target, ...binary });
    }
    const contentType = String(response.headers["content-type"] ?? "application/octet-stream");
    return { data: Buffer.from(response.data as ArrayBuffer), contentType };
  } catch (error) {
    if (error instanceof ServiceTitanError && error.status === 404) {
      throw new ServiceTitanError(
        `${args.subject} was not found in ServiceTitan. ${error.message}`,
        404,
        error.title,
        error.fieldErrors,
        error.traceId,
        error.request,
      );
    }
    throw error;
  }
};

export interface FileActionSpec {
  label: string;
  description: string;
  operation: OperationKey;
  /** Tweaks of the derived path and query inputs. */
  inputs?: Record<string, InputTweak>;
  /** Names what is downloaded, for a 404: (v) => `Recording of call ${v.id}`. */
  subject: (values: Values) => string;
  /** The example payload's file (default: a few bytes) and content type. */
  example?: unknown;
  contentType?: string;
}

/** An operation that answers a file, as an action returning `{data: Buffer, contentType}`. */
export const downloadAction = (spec: FileActionSpec) => {
  const params = once((): Params => ({ ...pathParams(spec.operation, spec.inputs), ...queryParams(spec.operation, spec.inputs) }));
  if (!["file", "redirect"].includes(operations[spec.operation].response)) throw new Error(`${spec.operation} does not answer a file`);
  return operationAction({
    label: spec.label,
    description: spec.description,
    operation: spec.operation,
    params,
    examplePayload: {
      data: spec.example ?? Buffer.from("%PDF").toJSON(),
      contentType: spec.contentType ?? "application/octet-stream",
    } as never,
    rawResult: true,
    perform: (client, values) => downloadFile(client, spec.operation, { ...placeParams(params(), values), subject: spec.subject(values) }),
  });
};

export interface UploadActionSpec {
  label: string;
  description: string;
  operation: OperationKey;
  inputs?: Record<string, InputTweak>;
  /** What the File input is for. */
  fileComments?: string;
  examplePayload: { data: unknown };
}

/** An upload operation as an action: the derived path inputs plus File, File Name and Content Type. */
export const uploadAction = (spec: UploadActionSpec) => {
  if (operations[spec.operation].body !== "multipart") throw new Error(`${spec.operation} is not a file upload`);
  const params = once((): Params => ({
    ...pathParams(spec.operation, spec.inputs),
    file: inBody(fileInput(spec.fileComments)),
    fileName: inBody(
      stringInput({
        label: "File Name",
        required: true,
        example: "photo.jpg",
        comments: "The file's name, with its extension (e.g. photo.jpg).",
      }),
    ),
    contentType: inBody(
      stringInput({
        label: "Content Type",
        example: "image/jpeg",
        comments: "Optional: the file's MIME type; by default the one the file carries.",
      }),
    ),
  }));
  return operationAction({
    label: spec.label,
    description: spec.description,
    operation: spec.operation,
    params,
    examplePayload: spec.examplePayload,
    perform: (client, values) => {
      const { path } = placeParams(params(), values);
      return uploadFile(client, spec.operation, { path }, values as { file: { data: Buffer }; fileName: string; contentType?: string });
    },
  });
};
