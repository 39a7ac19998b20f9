// Pothos builder: setup only. Types and their fields live in graphql/types/*.
// Every query and mutation field declares its auth scope (a test checks); the domain still
// makes the authoritative decision, scopes just refuse early with the same error codes.
import SchemaBuilder from "@pothos/core";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { createGraphQLError } from "graphql-yoga";
import { isAdmin, isModerator } from "../app/domain/roles/roles.policy.ts";
import { translate } from "../app/i18n/i18n.ts";
import type { GraphQLContext } from "./context.ts";

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
  AuthScopes: { public: boolean; loggedIn: boolean; moderator: boolean; admin: boolean };
}>({
  plugins: [ScopeAuthPlugin, RelayPlugin],
  defaultFieldNullability: false,
  relay: { clientMutationId: "omit", cursorType: "String" },
  scopeAuth: {
    authScopes: (ctx) => ({
      public: true,
      loggedIn: ctx.viewer !== null,
      moderator: isModerator(ctx.viewer),
      admin: isAdmin(ctx.viewer),
    }),
    unauthorizedError: (_parent, ctx) =>
      ctx.viewer
        ? createGraphQLError(translate(ctx.lng, "errors.forbidden"), { extensions: { code: "FORBIDDEN" } })
        : createGraphQLError(translate(ctx.lng, "errors.loginRequired"), { extensions: { code: "UNAUTHENTICATED" } }),
  },
});

/** ISO 8601: a date, or a date and time with seconds optional and a zone (Z or ±hh:mm). */
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** Reads only ISO 8601 strings naming a real day (no numbers, no "2026-02-30" rolling into March). */
/** The schema types of `builder`, for helpers that take one of its field builders. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

export function parseDateTime(value: unknown): Date {
  const match = typeof value === "string" ? ISO_8601.exec(value) : null;
  const date = match ? new Date(value as string) : null;
  // A GraphQLError (not a TypeError) so that Yoga reports the variable error instead of masking it.
  const refuse = () => createGraphQLError("DateTime must be an ISO 8601 string");
  if (!match || !date || Number.isNaN(date.getTime())) throw refuse();
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) throw refuse();
  return date;
}

builder.scalarType("DateTime", {
  description: "An instant in time, as an ISO 8601 string (UTC).",
  serialize: (value) => value.toISOString(),
  parseValue: parseDateTime,
});

builder.scalarType("JSON", {
  description: "Arbitrary JSON (used for personal-data exports and audit details).",
  serialize: (value) => value,
  parseValue: (value) => value,
});

builder.queryType({ description: "Read access to Madang: proposals, districts, fields, departments, accounts." });
builder.mutationType({ description: "Actions, each checked by the same domain rules as the web." });
