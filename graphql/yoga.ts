// The Yoga instance. It never listens itself: server.ts mounts it, tests call yoga.fetch.
import { createYoga } from "graphql-yoga";
import type { Domain } from "../app/domain/index.server.ts";
import type { Viewer } from "../app/domain/viewer.ts";
import { languageFromHeaders } from "../app/i18n/i18n.ts";
import type { GraphQLContext } from "./context.ts";
import { schema } from "./schema.ts";

export type YogaDeps = {
  domain: Domain;
  /** Resolves the signed-in person from the request's session cookie. */
  viewerFromRequest: (request: Request) => Promise<Viewer>;
  graphiql?: boolean;
};

export function createMadangYoga({ domain, viewerFromRequest, graphiql = false }: YogaDeps) {
  return createYoga<Record<string, unknown>, GraphQLContext>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql,
    landingPage: false,
    logging: false,
    context: async ({ request }): Promise<GraphQLContext> => ({
      domain,
      viewer: await viewerFromRequest(request),
      lng: languageFromHeaders(request.headers.get("cookie"), request.headers.get("accept-language")),
    }),
  });
}

export type MadangYoga = ReturnType<typeof createMadangYoga>;
