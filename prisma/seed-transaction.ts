// The demo city is written in one database transaction, so a crash anywhere leaves nothing
// behind and the next run starts it again from the beginning. The domain services open their
// own transactions; here they join the seed's one instead (a Prisma transaction cannot nest),
// so every rule, check and record runs exactly as it does for a request. If any step throws,
// everything the seed wrote is rolled back.
import type { Prisma, PrismaClient } from "../app/domain/db.ts";

/** Long enough for the slowest engine on a busy machine. */
const TRANSACTION_OPTIONS = { timeout: 15 * 60_000, maxWait: 60_000 } as const;

type Work<T> = (tx: PrismaClient) => Promise<T>;

/** A client whose every query, and every `$transaction` the domain opens, runs in `tx`. */
function joining(tx: Prisma.TransactionClient): PrismaClient {
  async function $transaction(work: Work<unknown> | PromiseLike<unknown>[]): Promise<unknown> {
    if (typeof work === "function") return work(client);
    // The batch form: its queries were built on this client, so they already belong to `tx`.
    const results: unknown[] = [];
    for (const query of work) results.push(await query);
    return results;
  }
  const client = new Proxy(tx, {
    get(target, property) {
      if (property === "$transaction") return $transaction;
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  }) as unknown as PrismaClient;
  return client;
}

/** Runs `work` with a client bound to one transaction: it commits when `work` returns, and not at all if it throws. */
export function inOneTransaction<T>(prisma: PrismaClient, work: Work<T>): Promise<T> {
  return prisma.$transaction((tx) => work(joining(tx)), TRANSACTION_OPTIONS);
}
