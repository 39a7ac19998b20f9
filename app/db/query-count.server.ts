// Counts the database operations a piece of work makes (a page's loader, a GraphQL query),
// so tests can pin them and an N+1 shows up as a failing snapshot. The count is scoped with
// AsyncLocalStorage: everything awaited inside `countQueries` is counted, nothing else.
import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaClient } from "../../generated/prisma/client.ts";

type Tally = { operations: string[] };

const scope = new AsyncLocalStorage<Tally>();

/**
 * The client with a query extension that records each operation in the current scope.
 * A query-only extension keeps the client's API as it is, so it stays a PrismaClient.
 */
export function withQueryCount(prisma: PrismaClient): PrismaClient {
  return prisma.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        scope.getStore()?.operations.push(model ? `${model}.${operation}` : operation);
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
}

export type QueryCount<T> = { result: T; count: number; operations: string[] };

/** Runs `fn` and reports the operations it made; `operations` is sorted so concurrent reads compare stably. */
export async function countQueries<T>(fn: () => Promise<T>): Promise<QueryCount<T>> {
  const tally: Tally = { operations: [] };
  const result = await scope.run(tally, fn);
  const operations = [...tally.operations].sort();
  return { result, count: operations.length, operations };
}
