// Attachment downloads: the stored (sniffed) type, never sniffed again by the browser.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isAppError } from "../domain/errors.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // A GET: API clients may use their bearer token, browsers the session cookie.
  const viewer = await context.auth.viewerFromApiRequest(request);
  try {
    const file = await context.domain.content.attachment(viewer, params.id);
    const inline = file.mimeType.startsWith("image/");
    const encoded = encodeURIComponent(file.fileName);
    const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": file.mimeType,
        "Content-Length": String(file.bytes.byteLength),
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encoded}`,
        "Cache-Control": "private, max-age=3600",
        "Content-Security-Policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      },
    });
  } catch (error) {
    if (isAppError(error)) throw new Response("Not found", { status: error.httpStatus, headers: { "Cache-Control": "no-store" } });
    throw error;
  }
}
