// Administration: people (search, roles, suspension) and the city's own data (settings,
// departments, districts). Every change is audit-logged in the same transaction.
import { z } from "zod";
import type { Prisma, PrismaClient } from "../db.ts";
import type { EventBus } from "../events.ts";
import { AppError, validationError } from "../errors.ts";
import { zId } from "../ids.ts";
import { recordAudit } from "../audit/audit.service.server.ts";
import { ZEditableEligibilityRules, ZEligibilityRules } from "../eligibility/eligibility.ts";
import { readCitySettings, ZSupportTiers } from "../catalog/city-settings.server.ts";
import { assertActor, type Action } from "../roles/participation.policy.ts";
import { canManageCity, canManageRoles, canSuspendUsers, isAdmin } from "../roles/roles.policy.ts";
import type { SessionService } from "../sessions/session.service.server.ts";
import { ROLES, type Clock, type Viewer } from "../viewer.ts";

type Deps = { prisma: PrismaClient; clock: Clock; events: EventBus; sessions: SessionService };

/** The role rule; for a write, also what it does, so a suspended admin or moderator is refused (participation.policy.ts). */
function allow(viewer: Viewer, rule: (v: Viewer) => boolean, action?: Action): asserts viewer is NonNullable<Viewer> {
  if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.loginRequired");
  if (action) assertActor(viewer, action);
  if (!rule(viewer)) throw new AppError("FORBIDDEN", "errors.forbidden");
}

function parse<T extends z.ZodTypeAny>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

const id = zId;
const reason = z.string().trim().min(2, "validation.reasonRequired").max(500);
const GRANTABLE = ROLES.filter((r) => r !== "CITIZEN") as [
  Exclude<(typeof ROLES)[number], "CITIZEN">,
  ...Exclude<(typeof ROLES)[number], "CITIZEN">[],
];

export const ZUserSearch = z.object({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(["ACTIVE", "SUSPENDED", "DELETED"]).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const ZRoleChange = z.object({
  userId: id,
  role: z.enum(GRANTABLE, { errorMap: () => ({ message: "validation.invalidChoice" }) }),
  departmentId: z.preprocess((v) => (v === "" || v == null ? undefined : v), id.optional()),
  reason: reason.optional(),
});
export const ZSuspension = z.object({
  userId: id,
  days: z.preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().int().min(1).max(3650).optional()),
  reason,
});
export const ZCitySettings = z.object({
  cityName: z.string().trim().min(1).max(40),
  cityNameEn: z.string().trim().min(1).max(60),
  supportThreshold: z.coerce.number().int().min(1).max(1_000_000),
  supportWindowDays: z.coerce.number().int().min(1).max(365),
  eligibility: ZEditableEligibilityRules,
  /** 제안검토 before a proposal opens. Omitted = unchanged. */
  screeningRequired: z.boolean().optional(),
  answerDeadlineDays: z.coerce.number().int().min(1).max(180).optional(),
  supportTiers: ZSupportTiers.optional(),
});
export const ZDepartmentInput = z.object({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9-]{2,40}$/, "validation.code"),
  name: z.string().trim().min(2).max(40),
  nameEn: z.string().trim().min(2).max(80),
});
export const ZDistrictInput = z.object({
  districtId: id,
  name: z.string().trim().min(2).max(20),
  nameEn: z.string().trim().min(2).max(60),
});

export function createAdminService({ prisma, clock, events, sessions }: Deps) {
  async function searchUsers(viewer: Viewer, raw: unknown = {}) {
    allow(viewer, canSuspendUsers);
    const q = parse(ZUserSearch, Object.fromEntries(Object.entries((raw ?? {}) as object).filter(([, v]) => v !== "" && v != null)));
    const where: Prisma.UserWhereInput = {
      status: q.status,
      roles: q.role && q.role !== "CITIZEN" ? { some: { role: q.role } } : undefined,
      OR: q.q ? [{ displayName: { contains: q.q, mode: "insensitive" } }, { email: { contains: q.q, mode: "insensitive" } }] : undefined,
    };
    const [items, totalCount] = await Promise.all([
      prisma.user.findMany({
        where,
        orderBy: { id: "asc" },
        skip: q.offset,
        take: q.limit,
        select: {
          id: true,
          email: true,
          displayName: true,
          status: true,
          suspendedUntil: true,
          suspensionReason: true,
          createdAt: true,
          lastLoginAt: true,
          identity: { select: { verifiedAt: true } },
          roles: { select: { role: true, department: { select: { id: true, name: true, nameEn: true } } } },
        },
      }),
      prisma.user.count({ where }),
    ]);
    return { items, totalCount, offset: q.offset, limit: q.limit };
  }

  async function assignRole(viewer: Viewer, raw: unknown) {
    allow(viewer, canManageRoles, "admin.roles");
    const input = parse(ZRoleChange, raw);
    if (input.role === "OFFICER" && !input.departmentId) {
      throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "departmentId", key: "validation.departmentRequired" }] });
    }
    const assigned = await prisma.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: input.userId }, select: { status: true } });
      if (!user || user.status === "DELETED") throw new AppError("NOT_FOUND", "errors.userNotFound");
      if (input.departmentId && !(await tx.department.findUnique({ where: { id: input.departmentId } }))) {
        throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "departmentId", key: "validation.invalidChoice" }] });
      }
      const departmentId = input.role === "OFFICER" ? input.departmentId! : null;
      await tx.roleAssignment.upsert({
        where: { userId_role: { userId: input.userId, role: input.role } },
        create: { userId: input.userId, role: input.role, departmentId, grantedById: viewer.id, createdAt: clock.now() },
        update: { departmentId, grantedById: viewer.id },
      });
      await recordAudit(tx, viewer, {
        action: "role.assigned",
        targetType: "User",
        targetId: input.userId,
        reason: input.reason,
        details: { role: input.role, departmentId },
      });
      return { userId: input.userId, role: input.role };
    });
    events.publish("viewer.changed", { userIds: [input.userId] });
    return assigned;
  }

  async function removeRole(viewer: Viewer, raw: unknown) {
    allow(viewer, canManageRoles, "admin.roles");
    const input = parse(ZRoleChange, raw);
    if (input.userId === viewer.id && input.role === "ADMIN") throw new AppError("CONFLICT", "errors.cannotRemoveOwnAdmin");
    const unassigned = await prisma.$transaction(async (tx) => {
      const removed = await tx.roleAssignment.deleteMany({ where: { userId: input.userId, role: input.role } });
      if (removed.count === 0) throw new AppError("NOT_FOUND", "errors.roleNotHeld");
      await recordAudit(tx, viewer, {
        action: "role.removed",
        targetType: "User",
        targetId: input.userId,
        reason: input.reason,
        details: { role: input.role },
      });
      return { userId: input.userId, role: input.role };
    });
    events.publish("viewer.changed", { userIds: [input.userId] });
    return unassigned;
  }

  async function suspendUser(viewer: Viewer, raw: unknown) {
    allow(viewer, canSuspendUsers, "admin.suspend");
    const input = parse(ZSuspension, raw);
    if (input.userId === viewer.id) throw new AppError("CONFLICT", "errors.cannotSuspendSelf");
    const until = input.days ? new Date(clock.now().getTime() + input.days * 24 * 60 * 60 * 1000) : null;
    await prisma.$transaction(async (tx) => {
      const target = await tx.user.findUnique({ where: { id: input.userId }, select: { status: true, roles: { select: { role: true } } } });
      if (!target || target.status === "DELETED") throw new AppError("NOT_FOUND", "errors.userNotFound");
      if (target.roles.some((r) => r.role === "ADMIN") && !isAdmin(viewer)) throw new AppError("FORBIDDEN", "errors.forbidden");
      await tx.user.update({
        where: { id: input.userId },
        data: { status: "SUSPENDED", suspendedUntil: until, suspensionReason: input.reason },
      });
      await recordAudit(tx, viewer, {
        action: "user.suspended",
        targetType: "User",
        targetId: input.userId,
        reason: input.reason,
        details: { until: until?.toISOString() ?? null },
      });
    });
    events.publish("viewer.changed", { userIds: [input.userId] });
    return { userId: input.userId, suspendedUntil: until };
  }

  async function unsuspendUser(viewer: Viewer, raw: unknown) {
    allow(viewer, canSuspendUsers, "admin.suspend");
    const input = parse(z.object({ userId: id, reason: reason.optional() }), raw);
    await prisma.$transaction(async (tx) => {
      const moved = await tx.user.updateMany({
        where: { id: input.userId, status: "SUSPENDED" },
        data: { status: "ACTIVE", suspendedUntil: null, suspensionReason: null },
      });
      if (moved.count === 0) throw new AppError("NOT_FOUND", "errors.userNotFound");
      await recordAudit(tx, viewer, { action: "user.unsuspended", targetType: "User", targetId: input.userId, reason: input.reason });
    });
    events.publish("viewer.changed", { userIds: [input.userId] });
    return { userId: input.userId };
  }

  async function revokeUserSessions(viewer: Viewer, raw: unknown) {
    allow(viewer, canManageRoles, "admin.sessions");
    const input = parse(z.object({ userId: id, reason }), raw);
    await prisma.$transaction((tx) =>
      recordAudit(tx, viewer, { action: "user.sessionsRevoked", targetType: "User", targetId: input.userId, reason: input.reason }),
    );
    await sessions.revokeAllForUser(input.userId);
    return { userId: input.userId };
  }

  async function citySettings(viewer: Viewer) {
    allow(viewer, canManageCity);
    const s = await readCitySettings(prisma);
    return { ...s, eligibility: ZEligibilityRules.parse(s.eligibility ?? {}) };
  }

  async function updateCitySettings(viewer: Viewer, raw: unknown) {
    allow(viewer, canManageCity, "admin.city");
    const input = parse(ZCitySettings, raw);
    const saved = await prisma.$transaction(async (tx) => {
      const before = await readCitySettings(tx);
      const after = await tx.citySetting.update({ where: { id: 1 }, data: { ...input, eligibility: input.eligibility } });
      await recordAudit(tx, viewer, {
        action: "city.settingsChanged",
        targetType: "CitySetting",
        targetId: 1,
        details: {
          before: {
            supportThreshold: before.supportThreshold,
            supportWindowDays: before.supportWindowDays,
            eligibility: before.eligibility,
            screeningRequired: before.screeningRequired,
            answerDeadlineDays: before.answerDeadlineDays,
            supportTiers: before.supportTiers,
          },
          after: {
            supportThreshold: after.supportThreshold,
            supportWindowDays: after.supportWindowDays,
            eligibility: input.eligibility,
            screeningRequired: after.screeningRequired,
            answerDeadlineDays: after.answerDeadlineDays,
            supportTiers: after.supportTiers,
          },
        } as Prisma.InputJsonValue,
      });
      return after;
    });
    events.publish("settings.changed", {});
    return saved;
  }

  async function saveDepartment(viewer: Viewer, raw: unknown) {
    allow(viewer, canManageCity, "admin.city");
    const input = parse(ZDepartmentInput.extend({ departmentId: id.optional() }), raw);
    return prisma.$transaction(async (tx) => {
      const clash = await tx.department.findUnique({ where: { code: input.code } });
      if (clash && clash.id !== input.departmentId) {
        throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "code", key: "validation.codeTaken" }] });
      }
      const data = { code: input.code, name: input.name, nameEn: input.nameEn };
      const saved = input.departmentId
        ? await tx.department.update({ where: { id: input.departmentId }, data }).catch(() => {
            throw new AppError("NOT_FOUND", "errors.notFound");
          })
        : await tx.department.create({ data: { ...data, sortOrder: (await tx.department.count()) + 1 } });
      await recordAudit(tx, viewer, {
        action: input.departmentId ? "department.updated" : "department.created",
        targetType: "Department",
        targetId: saved.id,
        details: data,
      });
      return saved;
    });
  }

  async function updateDistrict(viewer: Viewer, raw: unknown) {
    allow(viewer, canManageCity, "admin.city");
    const input = parse(ZDistrictInput, raw);
    return prisma.$transaction(async (tx) => {
      const moved = await tx.district.updateMany({ where: { id: input.districtId }, data: { name: input.name, nameEn: input.nameEn } });
      if (moved.count === 0) throw new AppError("NOT_FOUND", "errors.notFound");
      await recordAudit(tx, viewer, {
        action: "district.updated",
        targetType: "District",
        targetId: input.districtId,
        details: { name: input.name, nameEn: input.nameEn },
      });
      return tx.district.findUniqueOrThrow({ where: { id: input.districtId } });
    });
  }

  return {
    searchUsers,
    assignRole,
    removeRole,
    suspendUser,
    unsuspendUser,
    revokeUserSessions,
    citySettings,
    updateCitySettings,
    saveDepartment,
    updateDistrict,
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
