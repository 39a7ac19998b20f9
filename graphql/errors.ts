// Expected domain failures become GraphQL errors with a stable `extensions.code` and a
// message in the caller's language; anything else stays masked by Yoga.
import { createGraphQLError } from "graphql-yoga";
import { isAppError } from "../app/domain/errors.ts";
import { localizeAppError } from "../app/i18n/errors.ts";
import type { GraphQLContext } from "./context.ts";

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
