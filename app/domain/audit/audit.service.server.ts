// Append-only audit log of privileged actions (role changes, confirmations, moderation,
// settings, exports). Writes happen inside the caller's transaction, so an action and its
// record commit together. The database itself refuses UPDATE and DELETE on the table.
import { z } from "zod";
import type { Prisma, PrismaClient } from "../db.ts";
import { AppError, validationError } from "../errors.ts";
import { zOptionalId } from "../ids.ts";
import { canReadAuditLog } from "../roles/roles.policy.ts";
import type { Viewer } from "../viewer.ts";

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | number | null;
  reason?: string | null;
  details?: Prisma.InputJsonValue;
};

type Tx = Pick<PrismaClient, "auditLog">;

export async function recordAudit(tx: Tx, actor: Viewer, entry: AuditEntry) {
  await tx.auditLog.create({
    data: {
      actorId: actor?.id ?? null,
      actorName: actor?.displayName ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId == null ? null : String(entry.targetId),
      reason: entry.reason ?? null,
      details: entry.details,
    },
  });
}

export const ZAuditQuery = z.object({
  action: z.string().trim().max(60).optional(),
  actorId: zOptionalId,
  targetType: z.string().trim().max(40).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export function createAuditService({ prisma }: { prisma: PrismaClient }) {
  async function list(viewer: Viewer, raw: unknown = {}) {
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.loginRequired");
    if (!canReadAuditLog(viewer)) throw new AppError("FORBIDDEN", "errors.forbidden");
    const given = Object.entries((raw ?? {}) as Record<string, unknown>).filter(([, v]) => v !== "" && v != null);
    const parsed = ZAuditQuery.safeParse(Object.fromEntries(given));
    if (!parsed.success) throw validationError(parsed.error);
    const q = parsed.data;
    const where: Prisma.AuditLogWhereInput = {
      action: q.action ? { startsWith: q.action } : undefined,
      actorId: q.actorId,
      targetType: q.targetType,
      createdAt: q.from || q.to ? { gte: q.from, lte: q.to } : undefined,
    };
    const [items, totalCount, actions] = await Promise.all([
      prisma.auditLog.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: q.offset, take: q.limit }),
      prisma.auditLog.count({ where }),
      prisma.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    ]);
    return { items, totalCount, offset: q.offset, limit: q.limit, actions: actions.map((a) => a.action) };
  }
  return { list };
}

export type AuditService = ReturnType<typeof createAuditService>;
