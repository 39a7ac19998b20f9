// Request bodies are decoded strictly: text with invalid UTF-8 is refused, never repaired
// into U+FFFD. One check serves every edge that reads a body — Remix form posts (see
// remix-handler.server.ts) and GraphQL (graphql/errors.ts) — and it looks at what the
// frameworks would decode leniently: the whole body for JSON and text, each name and
// percent-decoded value for url-encoded forms, and the text fields (not the files) of
// multipart forms.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Valid UTF-8 without NUL (which PostgreSQL text cannot hold): what a text field may carry. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const PERCENT = 0x25;
const PLUS = 0x2b;
const SPACE = 0x20;
const hexValue = (byte: number) =>
  byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : byte >= 0x41 && byte <= 0x46 ? byte - 0x37 : byte >= 0x61 && byte <= 0x66 ? byte - 0x57 : -1;

/** The bytes one url-encoded name or value stands for ("+" is a space; a stray "%" stays itself, as URLSearchParams reads it). */
function percentDecode(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === PERCENT && i + 2 < bytes.length && hexValue(bytes[i + 1]!) >= 0 && hexValue(bytes[i + 2]!) >= 0) {
      out[n++] = hexValue(bytes[i + 1]!) * 16 + hexValue(bytes[i + 2]!);
      i += 2;
    } else out[n++] = byte === PLUS ? SPACE : byte;
  }
  return out.subarray(0, n);
}

function isValidUrlEncoded(bytes: Uint8Array): boolean {
  if (!isValidUtf8(bytes)) return false;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    // "&" separates pairs; "=" only separates a name from its value, so decoding each side apart is the same as a whole.
    if (i === bytes.length || bytes[i] === 0x26 || bytes[i] === 0x3d) {
      if (!isValidUtf8(percentDecode(bytes.subarray(start, i)))) return false;
      start = i + 1;
    }
  }
  return true;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(needle, from);
}

const CRLFCRLF = Buffer.from("\r\n\r\n");

/** Text fields of a multipart form must be UTF-8; file parts are bytes and are not read. Malformed framing is left to the parser. */
function isValidMultipart(bytes: Uint8Array, contentType: string): boolean {
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return true;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let at = indexOf(bytes, delimiter, 0);
  while (at !== -1) {
    const partStart = at + delimiter.length;
    const next = indexOf(bytes, delimiter, partStart);
    if (next === -1) break;
    const headersEnd = indexOf(bytes, CRLFCRLF, partStart);
    if (headersEnd === -1 || headersEnd > next) break;
    const headers = bytes.subarray(partStart, headersEnd);
    if (!isValidUtf8(headers)) return false;
    const isFile = /filename\*?=/i.test(Buffer.from(headers).toString("latin1"));
    // The part's content ends before the CRLF that precedes the next delimiter.
    if (!isFile && !isValidUtf8(bytes.subarray(headersEnd + CRLFCRLF.length, Math.max(headersEnd + CRLFCRLF.length, next - 2))))
      return false;
    at = next;
  }
  return true;
}

/** Whether a body of this content type decodes as text without repair (types that are not text pass). */
export function isWellFormedBody(bytes: Uint8Array, contentType: string | null | undefined): boolean {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") return isValidUrlEncoded(bytes);
  if (type === "multipart/form-data") return isValidMultipart(bytes, contentType ?? "");
  if (type === "" || type.startsWith("text/") || type === "application/json" || type.endsWith("+json") || type === "application/graphql")
    return isValidUtf8(bytes);
  return true;
}
