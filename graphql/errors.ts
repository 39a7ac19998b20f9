// The GraphQL error contract: every error carries `extensions.code` and a message in the
// caller's language (the `lng` cookie, then Accept-Language, then Korean).
// - Domain failures become errors with the AppError's code (callDomain, per resolver).
// - Everything else is conformed in one place, errorContract (onResultProcess sees every
//   result Yoga sends, whatever refused the request): query limits (graphql-armor's onReject
//   hooks name the limit) are QUERY_TOO_COMPLEX; syntax, schema and variable errors and
//   unreadable requests are BAD_REQUEST; the CSRF refusal is FORBIDDEN; anything unexpected
//   is INTERNAL with a generic message (the original is logged, never sent).
// - Request bodies are decoded strictly: invalid UTF-8 or a lone surrogate is VALIDATION.
import { createGraphQLError, maskError, type Plugin } from "graphql-yoga";
import type { ExecutionResult, GraphQLError } from "graphql";
// Aliased: it is a Yoga plugin factory, not a React hook.
import { useCSRFPrevention as csrfPreventionPlugin } from "@graphql-yoga/plugin-csrf-prevention";
import { isAppError, type ErrorCode } from "../app/domain/errors.ts";
import { findIllFormedText } from "../app/domain/text.ts";
import { localizeAppError } from "../app/i18n/errors.ts";
import { languageFromHeaders, translate, type Language } from "../app/i18n/i18n.ts";
import { isWellFormedBody } from "../app/platform/strict-body.server.ts";
import type { GraphQLContext } from "./context.ts";

/** Codes of GraphQL errors: the AppError codes, plus the two only GraphQL has. */
export type ApiErrorCode = ErrorCode | "BAD_REQUEST" | "QUERY_TOO_COMPLEX";
export const API_ERROR_CODES: readonly ApiErrorCode[] = [
  "VALIDATION",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "INTERNAL",
  "BAD_REQUEST",
  "QUERY_TOO_COMPLEX",
];
/** Codes only Madang sets, always with a localized message: kept as they are (Yoga's own BAD_REQUEST is English). */
const OWN_CODES = new Set<string>(API_ERROR_CODES.filter((code) => code !== "BAD_REQUEST"));

export async function callDomain<T>(ctx: GraphQLContext, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!isAppError(error)) throw error;
    const localized = localizeAppError(error, ctx.lng);
    throw createGraphQLError(localized.message, {
      extensions: { code: localized.code, ...(localized.issues ? { issues: localized.issues } : {}) },
    });
  }
}

const requestLanguage = (request: Request): Language =>
  languageFromHeaders(request.headers.get("cookie"), request.headers.get("accept-language"));

type EdgeErrorOptions = { status?: number; params?: Record<string, string | number>; issues?: { path: string; message: string }[] };

/** Errors this module made, already coded and localized. */
const conformed = new WeakSet<object>();

/** A coded, localized error refused at the edge, before any resolver ran. */
export function edgeError(code: ApiErrorCode, key: string, lng: Language, { status, params, issues }: EdgeErrorOptions = {}) {
  const error = createGraphQLError(translate(lng, key, params), {
    extensions: { code, ...(issues ? { issues } : {}), ...(status ? { http: { status } } : {}) },
  });
  conformed.add(error);
  return error;
}

export type QueryLimit = "depth" | "aliases" | "cost" | "tokens";
const limitRefusals = new WeakMap<object, { limit: QueryLimit; max: number }>();

/** A graphql-armor onReject hook: remembers which limit refused (the error itself only says "Syntax Error: …"). */
export const limitRefused =
  (limit: QueryLimit, max: number) =>
  (_context: unknown, error: GraphQLError): void => {
    limitRefusals.set(error, { limit, max });
  };

type Conformed = { code: ApiErrorCode; key: string; params?: Record<string, string | number>; status?: number; detail?: string };

type HttpExtension = { status?: number; headers?: Record<string, string>; spec?: boolean };
function httpOf(error: GraphQLError): HttpExtension | undefined {
  const http = error.extensions?.http;
  return http && typeof http === "object" ? (http as HttpExtension) : undefined;
}

/** What a GraphQL error means to a caller, or null when Madang already coded and localized it. */
function conform(error: GraphQLError): Conformed | null {
  if (conformed.has(error)) return null;
  const code = error.extensions?.code;
  const detail = error.message;
  const limit = limitRefusals.get(error) ?? (error.originalError ? limitRefusals.get(error.originalError) : undefined);
  if (limit) return { code: "QUERY_TOO_COMPLEX", key: `errors.graphql.${limit.limit}`, params: { max: limit.max }, status: 400, detail };
  if (typeof code === "string" && OWN_CODES.has(code)) return null;
  const status = httpOf(error)?.status;
  if (code === "GRAPHQL_PARSE_FAILED") return { code: "BAD_REQUEST", key: "errors.graphql.syntax", status: 400, detail };
  if (code === "GRAPHQL_VALIDATION_FAILED")
    return {
      code: "BAD_REQUEST",
      key: /introspection/i.test(detail) ? "errors.graphql.introspection" : "errors.graphql.invalid",
      status: 400,
      detail,
    };
  // Coercion of variables (graphql-js words these the same for every type and scalar).
  const variable = error.path ? null : /^Variable "\$([^"]+)"/.exec(detail);
  if (variable) return { code: "BAD_REQUEST", key: "errors.graphql.variable", params: { name: variable[1]! }, status: 400, detail };
  if (code === "BAD_REQUEST" || (status !== undefined && status >= 400 && status < 500))
    return {
      code: "BAD_REQUEST",
      key: status === 405 ? "errors.graphql.mutationViaGet" : "errors.graphql.request",
      status: status ?? 400,
      detail,
    };
  return { code: "INTERNAL", key: "errors.internal" };
}

function conformError(error: GraphQLError, lng: Language, requestError: boolean): GraphQLError {
  const meaning = conform(error);
  if (!meaning) return error;
  if (meaning.code === "INTERNAL" && error.extensions?.code !== "INTERNAL_SERVER_ERROR")
    console.error("graphql: unexpected error", error.path?.join(".") ?? "", error.message);
  // A refused request (no data) answers 4xx whatever the Accept header (Yoga's "spec" flag would keep 200 for application/json).
  const { spec: _spec, ...http } = httpOf(error) ?? {};
  const status = requestError ? (meaning.status ?? http.status) : http.status;
  const result = createGraphQLError(translate(lng, meaning.key, meaning.params), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: {
      code: meaning.code,
      ...(meaning.detail ? { detail: meaning.detail } : {}),
      ...(status || http.headers ? { http: { ...http, ...(status ? { status } : {}) } } : {}),
    },
  });
  conformed.add(result);
  return result;
}

function conformResult(result: ExecutionResult, lng: Language): ExecutionResult {
  if (!result.errors?.length) return result;
  const requestError = !("data" in result) || result.data === undefined;
  return { ...result, errors: result.errors.map((e) => conformError(e, lng, requestError)) };
}

const isExecutionResult = (value: unknown): value is ExecutionResult =>
  typeof value === "object" && value !== null && !(Symbol.asyncIterator in value);

/** Logs what Yoga masks (the caller only sees INTERNAL and a generic message). */
export const maskAndLog: typeof maskError = (error, message, isDev) => {
  const masked = maskError(error, message, isDev);
  if (masked !== error) console.error("graphql: unexpected error", error);
  return masked;
};

/**
 * Yoga's CSRF prevention (a custom header or a non-simple content type), refusing with a
 * coded, localized FORBIDDEN.
 */
export function localizedCsrfPrevention(options: Parameters<typeof csrfPreventionPlugin>[0]): Plugin {
  const csrf = csrfPreventionPlugin(options);
  return {
    onRequestParse(payload) {
      try {
        return csrf.onRequestParse?.(payload);
      } catch {
        throw edgeError("FORBIDDEN", "errors.csrf", requestLanguage(payload.request), { status: 403 });
      }
    },
  };
}

/** The error contract and strict request decoding, for every GraphQL request. */
export function errorContract(): Plugin {
  return {
    onRequestParse({ request, url, requestParser, setRequestParser, fetchAPI }) {
      const lng = requestLanguage(request);
      if (!requestParser) {
        setRequestParser(() => {
          throw edgeError("BAD_REQUEST", "errors.graphql.request", lng, { status: 415 });
        });
        return;
      }
      const parse = requestParser;
      setRequestParser(async (incoming) => {
        const invalidText = () => edgeError("VALIDATION", "errors.invalidText", lng, { status: 400 });
        let parsed: Awaited<ReturnType<typeof parse>>;
        if (incoming.method === "GET" || incoming.method === "HEAD") {
          if (!isWellFormedBody(Buffer.from(url.search.slice(1)), "application/x-www-form-urlencoded")) throw invalidText();
          parsed = await parse(incoming);
        } else {
          const bytes = new Uint8Array(await incoming.arrayBuffer());
          if (!isWellFormedBody(bytes, incoming.headers.get("content-type"))) throw invalidText();
          parsed = await parse(new fetchAPI.Request(incoming.url, { method: incoming.method, headers: incoming.headers, body: bytes }));
        }
        // JSON may still carry a lone surrogate ("\ud800"), which is no text at all.
        const at = findIllFormedText(parsed);
        if (at !== null)
          throw edgeError("VALIDATION", "errors.validation", lng, {
            status: 400,
            issues: [{ path: at, message: translate(lng, "validation.invalidText") }],
          });
        return parsed;
      });
    },
    onResultProcess({ request, result, setResult }) {
      const lng = requestLanguage(request);
      if (Array.isArray(result)) setResult(result.map((r) => (isExecutionResult(r) ? conformResult(r, lng) : r)));
      else if (isExecutionResult(result)) setResult(conformResult(result, lng));
    },
  };
}
