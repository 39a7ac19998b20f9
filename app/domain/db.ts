// The Prisma client type the domain works with. Only app/domain and app/db touch Prisma writes.
export type { PrismaClient } from "../../generated/prisma/client.ts";
export { Prisma } from "../../generated/prisma/client.ts";
