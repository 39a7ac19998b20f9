// The Yoga instance. It never listens itself: server.ts mounts it, tests call yoga.fetch.
import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { createRequire } from "node:module";
import type * as GraphQLModule from "graphql";
import { createYoga, type Plugin } from "graphql-yoga";
import type { Auth } from "../app/auth/auth.server.ts";
import type { Domain } from "../app/domain/index.server.ts";
import { languageFromHeaders } from "../app/i18n/i18n.ts";
import type { GraphQLContext } from "./context.ts";
import { errorContract, limitRefused, localizedCsrfPrevention, maskAndLog } from "./errors.ts";
import { createLoaders } from "./loaders.ts";
import { schema } from "./schema.ts";

export type YogaDeps = {
  domain: Domain;
  auth: Pick<Auth, "viewerFromApiRequest">;
  graphiql?: boolean;
  /** Serve schema introspection (off in production unless enabled). */
  introspection?: boolean;
};

/** Limits that keep one query from costing the server much. */
export const QUERY_LIMITS = { maxDepth: 10, maxCost: 5000, maxAliases: 15, maxTokens: 2000 } as const;

// Load graphql the way Yoga and Pothos do (CommonJS); an ESM copy would be "another realm"
// and fail graphql's instanceof checks under vitest.
const { NoSchemaIntrospectionCustomRule } = createRequire(import.meta.url)("graphql") as typeof GraphQLModule;

const noIntrospection: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule(NoSchemaIntrospectionCustomRule);
  },
};

type ServerContext = { req?: { ip?: string } };

export function createMadangYoga({ domain, auth, graphiql = false, introspection = false }: YogaDeps) {
  return createYoga<ServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql,
    landingPage: false,
    logging: process.env.GRAPHQL_DEBUG ? "debug" : false,
    maskedErrors: { maskError: maskAndLog },
    plugins: [
      // Every error leaves with a code and a localized message; bodies are decoded strictly.
      errorContract(),
      // Browsers cannot send this header cross-site without a preflight; JSON posts pass too.
      localizedCsrfPrevention({ requestHeaders: ["x-graphql-csrf"] }),
      maxTokensPlugin({ n: QUERY_LIMITS.maxTokens, onReject: [limitRefused("tokens", QUERY_LIMITS.maxTokens)] }),
      maxDepthPlugin({
        n: QUERY_LIMITS.maxDepth,
        ignoreIntrospection: true,
        flattenFragments: true,
        onReject: [limitRefused("depth", QUERY_LIMITS.maxDepth)],
      }),
      maxAliasesPlugin({ n: QUERY_LIMITS.maxAliases, onReject: [limitRefused("aliases", QUERY_LIMITS.maxAliases)] }),
      costLimitPlugin({ maxCost: QUERY_LIMITS.maxCost, onReject: [limitRefused("cost", QUERY_LIMITS.maxCost)] }),
      ...(introspection ? [] : [noIntrospection]),
    ],
    context: async ({ request, req }): Promise<GraphQLContext> => {
      const viewer = await auth.viewerFromApiRequest(request);
      return {
        domain,
        viewer,
        lng: languageFromHeaders(request.headers.get("cookie"), request.headers.get("accept-language")),
        request: { ip: req?.ip ?? "unknown", userAgent: request.headers.get("user-agent") },
        loaders: createLoaders(domain, viewer),
      };
    },
  });
}

export type MadangYoga = ReturnType<typeof createMadangYoga>;
