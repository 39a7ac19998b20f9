// The Prisma client type the domain works with. Only app/domain and app/db touch Prisma writes.
export type { PrismaClient } from "../../generated/prisma/client.ts";
export { Prisma } from "../../generated/prisma/client.ts";

/** The PostgreSQL error behind a Prisma error, however the driver adapter wrapped it. */
export function postgresError(error: unknown): { code?: string; message?: string } | undefined {
  const e = error as {
    code?: string;
    name?: string;
    cause?: { code?: string; message?: string };
    meta?: { driverAdapterError?: { cause?: { code?: string; message?: string } } };
  };
  if (!e || typeof e !== "object") return undefined;
  if (e.name === "DriverAdapterError" && e.cause) return e.cause;
  return e.meta?.driverAdapterError?.cause;
}

/** A unique constraint refused the write (Prisma P2002, or SQLSTATE 23505 from an adapter). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === "P2002" || postgresError(error)?.code === "23505";
}
