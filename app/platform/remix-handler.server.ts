// Serves Remix from Express, like @remix-run/express, except that a request body is read
// and checked first: text with invalid UTF-8 (a form field, a url-encoded value, a JSON
// body) is refused with a localized VALIDATION error before any action runs, instead of
// reaching it repaired into U+FFFD. Loaders and actions then read the same bytes as usual.
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { createRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import { bodyLimitFor, refuse } from "./http-guards.server.ts";
import { isWellFormedBody } from "./strict-body.server.ts";

type Options = {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode?: string;
  getLoadContext?: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext | Promise<AppLoadContext>;
};

class BodyTooLarge extends Error {}

/** The whole body, refusing more than the limit (bodySizeGuard already refused a larger Content-Length). */
function readBody(req: ExpressRequest, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.destroy();
        reject(new BodyTooLarge());
      } else chunks.push(chunk);
    });
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

function headersOf(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (Array.isArray(values)) values.forEach((value) => headers.append(key, value));
    else if (values) headers.set(key, values);
  }
  return headers;
}

function remixRequest(req: ExpressRequest, res: ExpressResponse, body: Buffer | undefined): Request {
  // req.hostname respects "trust proxy"; the port comes from X-Forwarded-Host or Host.
  const portOf = (host: string | undefined) => Number.parseInt(host?.split(":")[1] ?? "", 10);
  const port = [portOf(req.get("X-Forwarded-Host")), portOf(req.get("host"))].find((p) => Number.isSafeInteger(p));
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  let controller: AbortController | null = new AbortController();
  const signal = controller.signal;
  // Abort loaders and actions once no response can be written (close without finish).
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  return new Request(url.href, { method: req.method, headers: headersOf(req), signal, ...(body ? { body: new Uint8Array(body) } : {}) });
}

async function sendResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

export function createStrictRemixHandler({ build, mode = process.env.NODE_ENV, getLoadContext }: Options) {
  const handle = createRequestHandler(build, mode);
  async function serve(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
    try {
      let body: Buffer | undefined;
      if (req.method !== "GET" && req.method !== "HEAD") {
        try {
          body = await readBody(req, bodyLimitFor(req.path, req.get("content-type")));
        } catch (error) {
          if (error instanceof BodyTooLarge) return refuse(req, res, 413, "VALIDATION", "errors.tooLarge");
          throw error;
        }
        if (!isWellFormedBody(body, req.get("content-type"))) return refuse(req, res, 400, "VALIDATION", "errors.invalidText");
      }
      const response = await handle(remixRequest(req, res, body), await getLoadContext?.(req, res));
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  }
  // Express ignores what a handler returns: failures go to next().
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => void serve(req, res, next);
}
