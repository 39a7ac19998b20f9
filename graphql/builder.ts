// Pothos builder: setup only. Types and their fields live in graphql/types/*.
import SchemaBuilder from "@pothos/core";
import RelayPlugin from "@pothos/plugin-relay";
import type { GraphQLContext } from "./context.ts";

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  Scalars: { DateTime: { Input: Date; Output: Date } };
  DefaultFieldNullability: false;
}>({
  plugins: [RelayPlugin],
  defaultFieldNullability: false,
  relay: { clientMutationId: "omit", cursorType: "String" },
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

builder.queryType({ description: "Read access to Madang: proposals, districts, fields, departments." });
builder.mutationType({ description: "Actions, each checked by the same domain rules as the web." });
