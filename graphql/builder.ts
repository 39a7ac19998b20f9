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

builder.scalarType("DateTime", {
  description: "An instant in time, as an ISO 8601 string (UTC).",
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new TypeError("DateTime must be an ISO 8601 string");
    return date;
  },
});

builder.scalarType("JSON", {
  description: "Arbitrary JSON (used for personal-data exports and audit details).",
  serialize: (value) => value,
  parseValue: (value) => value,
});

builder.queryType({ description: "Read access to Madang: proposals, districts, fields, departments, accounts." });
builder.mutationType({ description: "Actions, each checked by the same domain rules as the web." });
