/**
 * Minimal multipart/form-data parser for the one endpoint that takes uploads (installed-equipment
 * attachments): whole body in memory, parts split on the boundary. Enough for form-data/browsers/curl.
 */
import type { UploadedFile } from "./handlers";

export function parseMultipart(body: Buffer, contentType: string): UploadedFile[] | undefined {
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!m) return undefined;
  const delimiter = Buffer.from(`--${m[1] ?? m[2]}`);
  const parts: UploadedFile[] = [];
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    pos += delimiter.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break; // "--": closing delimiter
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const headerEnd = body.indexOf("\r\n\r\n", pos);
    if (headerEnd === -1) break;
    const next = body.indexOf(delimiter, headerEnd + 4);
    if (next === -1) break;
    const headers = body.subarray(pos, headerEnd).toString("utf8");
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? "";
    parts.push({
      field: /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? "",
      fileName: /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? "",
      contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? "",
      data: body.subarray(headerEnd + 4, next - 2), // the part ends with CRLF before the next delimiter
    });
    pos = next;
  }
  return parts;
}
