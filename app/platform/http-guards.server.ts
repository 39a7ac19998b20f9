// HTTP-level defences that sit in front of every edge: CSRF (origin check), request size,
// security headers with a per-request CSP nonce.
import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";
import { translate } from "../i18n/i18n.ts";
import { requestLanguage } from "../lib/server/http.server.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const MAX_BODY_BYTES = 1024 * 1024;

function webRequest(req: Request) {
  return new Request(`http://internal${req.originalUrl}`, {
    headers: { cookie: req.get("cookie") ?? "", "accept-language": req.get("accept-language") ?? "" },
  });
}

/** A coded, localized refusal in the shape of the edge the request was for (GraphQL or the web). */
export function refuse(req: Request, res: Response, status: number, code: string, key: string) {
  const message = translate(requestLanguage(webRequest(req)), key);
  if (req.path.startsWith("/graphql")) res.status(status).json({ errors: [{ message, extensions: { code } }] });
  else res.status(status).json({ error: { code, message } });
}

/**
 * CSRF defence: a state-changing request from a browser must come from our own origin (or
 * an allowed one). Browsers send Origin on cross-site POSTs and Sec-Fetch-Site everywhere;
 * requests that authenticate with a bearer token carry no ambient credentials.
 */
export function csrfGuard(allowedOrigins: string[]) {
  const allowed = new Set(allowedOrigins);
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method) || /^Bearer\s/i.test(req.get("authorization") ?? "")) return next();
    const origin = req.get("origin");
    const own = `${req.protocol}://${req.get("host")}`;
    if (origin) {
      if (origin === own || allowed.has(origin)) return next();
      return refuse(req, res, 403, "FORBIDDEN", "errors.csrf");
    }
    const site = req.get("sec-fetch-site");
    if (site && site !== "same-origin" && site !== "none") return refuse(req, res, 403, "FORBIDDEN", "errors.csrf");
    next();
  };
}

/** Refuses bodies over the limit before anyone reads them. */
/** Proposal forms that carry attachments (5 files of 5 MB plus the text). */
export const MAX_UPLOAD_BODY_BYTES = 26 * 1024 * 1024;
const UPLOAD_PATHS = /^\/proposals\/(?:new|\d+\/edit|\d+\/updates)\/?$/;

/** The size limit of one request: larger only for multipart posts to the proposal forms. */
export function bodyLimitFor(path: string, contentType: string | undefined, limit = MAX_BODY_BYTES): number {
  const multipart = (contentType ?? "").toLowerCase().startsWith("multipart/form-data");
  return multipart && UPLOAD_PATHS.test(path) ? Math.max(limit, MAX_UPLOAD_BODY_BYTES) : limit;
}

export function bodySizeGuard(limit = MAX_BODY_BYTES) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const length = Number(req.get("content-length") ?? "0");
    if (length > bodyLimitFor(req.path, req.get("content-type"), limit)) return refuse(req, res, 413, "VALIDATION", "errors.tooLarge");
    if (!req.get("content-length") && req.get("transfer-encoding")) return refuse(req, res, 411, "VALIDATION", "errors.tooLarge");
    next();
  };
}

/** Security headers; scripts run only from our origin or with this response's nonce. */
export function securityHeaders({ isDev }: { isDev: boolean }) {
  const withNonce = (_req: Request, res: Response, next: NextFunction) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  };
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"], // progress bars set their width inline
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'", "ws:", "wss:"],
        "font-src": ["'self'", "data:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "upgrade-insecure-requests": null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: isDev ? false : { maxAge: 15552000, includeSubDomains: true },
    referrerPolicy: { policy: "same-origin" },
  });
  return [
    withNonce,
    (req: Request, res: Response, next: NextFunction) =>
      // GraphiQL (development only) loads its own scripts.
      isDev && req.path.startsWith("/graphql") ? next() : headers(req, res, next),
  ];
}
