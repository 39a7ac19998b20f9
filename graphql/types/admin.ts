// Administration over the API: people, roles, suspension, affiliations review, city data,
// audit log. Scopes refuse early; the domain decides.
import type { ArgBuilder } from "@pothos/core";
import type { AdminService } from "../../app/domain/admin/admin.service.server.ts";
import type { AuditService } from "../../app/domain/audit/audit.service.server.ts";
import type { IdentityService } from "../../app/domain/identity/identity.service.server.ts";
import { ZEligibilityRules } from "../../app/domain/eligibility/eligibility.ts";
import { builder, type BuilderTypes } from "../builder.ts";
import { callDomain } from "../errors.ts";
import { Department, District } from "./catalog.ts";
import { AffiliationKind, ClaimStatus, Role } from "./account.ts";

const UserStatus = builder.enumType("UserStatus", { values: ["ACTIVE", "SUSPENDED", "DELETED"] as const });

type AdminUser = Awaited<ReturnType<AdminService["searchUsers"]>>["items"][number];

const RoleGrant = builder.objectRef<AdminUser["roles"][number]>("RoleGrant").implement({
  fields: (t) => ({
    role: t.field({ type: Role, resolve: (r) => r.role }),
    department: t.field({ type: Department, nullable: true, resolve: (r) => (r.department ? { ...r.department, code: "" } : null) }),
  }),
});

const ManagedUser = builder.objectRef<AdminUser>("ManagedUser").implement({
  description: "A person as administrators see them.",
  fields: (t) => ({
    id: t.exposeID("id"),
    email: t.exposeString("email", { nullable: true }),
    displayName: t.exposeString("displayName"),
    status: t.field({ type: UserStatus, resolve: (u) => u.status }),
    suspendedUntil: t.expose("suspendedUntil", { type: "DateTime", nullable: true }),
    suspensionReason: t.exposeString("suspensionReason", { nullable: true }),
    verified: t.boolean({ resolve: (u) => u.identity !== null }),
    roles: t.field({ type: [RoleGrant], resolve: (u) => u.roles }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    lastLoginAt: t.expose("lastLoginAt", { type: "DateTime", nullable: true }),
  }),
});

const UserPage = builder.objectRef<{ items: AdminUser[]; totalCount: number }>("UserPage").implement({
  fields: (t) => ({
    items: t.field({ type: [ManagedUser], resolve: (p) => p.items }),
    totalCount: t.exposeInt("totalCount"),
  }),
});

type AuditItem = Awaited<ReturnType<AuditService["list"]>>["items"][number];
const AuditEntry = builder.objectRef<AuditItem>("AuditEntry").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    actorId: t.exposeID("actorId", { nullable: true }),
    actorName: t.exposeString("actorName", { nullable: true }),
    action: t.exposeString("action"),
    targetType: t.exposeString("targetType"),
    targetId: t.exposeString("targetId", { nullable: true }),
    reason: t.exposeString("reason", { nullable: true }),
    details: t.field({ type: "JSON", nullable: true, resolve: (e) => e.details }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});
const AuditPage = builder.objectRef<{ items: AuditItem[]; totalCount: number }>("AuditPage").implement({
  fields: (t) => ({ items: t.field({ type: [AuditEntry], resolve: (p) => p.items }), totalCount: t.exposeInt("totalCount") }),
});

type Pending = Awaited<ReturnType<IdentityService["pendingAffiliations"]>>[number];
const PendingAffiliation = builder.objectRef<Pending>("PendingAffiliation").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.field({ type: AffiliationKind, resolve: (a) => a.kind }),
    note: t.exposeString("note", { nullable: true }),
    since: t.string({
      nullable: true,
      description: "Declared since when (YYYY-MM-DD; 전입일 for a residence).",
      resolve: (a) => a.since?.toISOString().slice(0, 10) ?? null,
    }),
    district: t.field({
      type: District,
      nullable: true,
      resolve: (a) => (a.district ? { ...a.district, code: "", kind: "DONG" as const } : null),
    }),
    userId: t.id({ resolve: (a) => a.user.id }),
    userName: t.string({ resolve: (a) => a.user.displayName }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const CitySettings = builder
  .objectRef<{
    cityName: string;
    cityNameEn: string;
    supportThreshold: number;
    supportWindowDays: number;
    eligibility: unknown;
    screeningRequired: boolean;
    answerDeadlineDays: number;
    supportTiers: unknown;
  }>("CitySettings")
  .implement({
    fields: (t) => ({
      cityName: t.exposeString("cityName"),
      cityNameEn: t.exposeString("cityNameEn"),
      supportThreshold: t.exposeInt("supportThreshold"),
      supportWindowDays: t.exposeInt("supportWindowDays"),
      eligibility: t.field({ type: "JSON", description: "Eligibility rules (see docs/eligibility.md).", resolve: (s) => s.eligibility }),
      screeningRequired: t.exposeBoolean("screeningRequired", { description: "New proposals wait for 제안검토." }),
      answerDeadlineDays: t.exposeInt("answerDeadlineDays", { description: "Days a department has to answer." }),
      supportTiers: t.field({
        type: "JSON",
        description: 'Extra tiers, e.g. [{"threshold":100,"consequence":"FORUM"}].',
        resolve: (s) => s.supportTiers,
      }),
    }),
  });

builder.queryFields((t) => ({
  users: t.field({
    type: UserPage,
    authScopes: { moderator: true },
    args: {
      q: t.arg.string({ required: false }),
      role: t.arg({ type: Role, required: false }),
      status: t.arg({ type: UserStatus, required: false }),
      offset: t.arg.int({ required: false }),
      limit: t.arg.int({ required: false, description: "At most 100." }),
    },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.admin.searchUsers(ctx.viewer, args)),
  }),
  auditLog: t.field({
    type: AuditPage,
    authScopes: { admin: true },
    args: {
      action: t.arg.string({ required: false, description: "Prefix, e.g. `role.`" }),
      actorId: t.arg.id({ required: false }),
      from: t.arg({ type: "DateTime", required: false }),
      to: t.arg({ type: "DateTime", required: false }),
      offset: t.arg.int({ required: false }),
      limit: t.arg.int({ required: false, description: "At most 100." }),
    },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.audit.list(ctx.viewer, args)),
  }),
  pendingAffiliations: t.field({
    type: [PendingAffiliation],
    authScopes: { moderator: true },
    resolve: (_r, _a, ctx) => callDomain(ctx, () => ctx.domain.identity.pendingAffiliations(ctx.viewer)),
  }),
  citySettings: t.field({
    type: CitySettings,
    authScopes: { admin: true },
    resolve: (_r, _a, ctx) => callDomain(ctx, () => ctx.domain.admin.citySettings(ctx.viewer)),
  }),
}));

const reasonArg = (t: { arg: ArgBuilder<BuilderTypes> }, required = false) =>
  t.arg.string({ required, description: "Why (kept in the audit log)." });

builder.mutationFields((t) => ({
  assignRole: t.boolean({
    authScopes: { admin: true },
    args: {
      userId: t.arg.id({ required: true }),
      role: t.arg({ type: Role, required: true }),
      departmentId: t.arg.id({ required: false }),
      reason: reasonArg(t),
    },
    resolve: (_r, args, ctx) => callDomain(ctx, async () => (await ctx.domain.admin.assignRole(ctx.viewer, args), true)),
  }),
  removeRole: t.boolean({
    authScopes: { admin: true },
    args: { userId: t.arg.id({ required: true }), role: t.arg({ type: Role, required: true }), reason: reasonArg(t) },
    resolve: (_r, args, ctx) => callDomain(ctx, async () => (await ctx.domain.admin.removeRole(ctx.viewer, args), true)),
  }),
  suspendUser: t.boolean({
    authScopes: { moderator: true },
    args: {
      userId: t.arg.id({ required: true }),
      days: t.arg.int({ required: false, description: "Empty = until lifted." }),
      reason: reasonArg(t, true),
    },
    resolve: (_r, args, ctx) => callDomain(ctx, async () => (await ctx.domain.admin.suspendUser(ctx.viewer, args), true)),
  }),
  unsuspendUser: t.boolean({
    authScopes: { moderator: true },
    args: { userId: t.arg.id({ required: true }), reason: reasonArg(t) },
    resolve: (_r, args, ctx) => callDomain(ctx, async () => (await ctx.domain.admin.unsuspendUser(ctx.viewer, args), true)),
  }),
  revokeUserSessions: t.boolean({
    authScopes: { admin: true },
    args: { userId: t.arg.id({ required: true }), reason: reasonArg(t, true) },
    resolve: (_r, args, ctx) => callDomain(ctx, async () => (await ctx.domain.admin.revokeUserSessions(ctx.viewer, args), true)),
  }),
  reviewAffiliation: t.field({
    type: ClaimStatus,
    authScopes: { moderator: true },
    args: { affiliationId: t.arg.id({ required: true }), decision: t.arg({ type: ClaimStatus, required: true }), reason: reasonArg(t) },
    resolve: (_r, args, ctx) => callDomain(ctx, async () => (await ctx.domain.identity.reviewAffiliation(ctx.viewer, args)).status),
  }),
  updateCitySettings: t.field({
    type: CitySettings,
    authScopes: { admin: true },
    args: {
      cityName: t.arg.string({ required: true }),
      cityNameEn: t.arg.string({ required: true }),
      supportThreshold: t.arg.int({ required: true }),
      supportWindowDays: t.arg.int({ required: true }),
      eligibility: t.arg({ type: "JSON", required: true }),
      screeningRequired: t.arg.boolean({ required: false }),
      answerDeadlineDays: t.arg.int({ required: false }),
      supportTiers: t.arg({ type: "JSON", required: false }),
    },
    resolve: (_r, args, ctx) =>
      callDomain(ctx, async () => {
        const saved = await ctx.domain.admin.updateCitySettings(ctx.viewer, {
          ...args,
          screeningRequired: args.screeningRequired ?? undefined,
          answerDeadlineDays: args.answerDeadlineDays ?? undefined,
          supportTiers: args.supportTiers ?? undefined,
        });
        return { ...saved, eligibility: ZEligibilityRules.parse(saved.eligibility) };
      }),
  }),
  saveDepartment: t.field({
    type: Department,
    authScopes: { admin: true },
    args: {
      departmentId: t.arg.id({ required: false }),
      code: t.arg.string({ required: true }),
      name: t.arg.string({ required: true }),
      nameEn: t.arg.string({ required: true }),
    },
    resolve: (_r, args, ctx) =>
      callDomain(ctx, () => ctx.domain.admin.saveDepartment(ctx.viewer, { ...args, departmentId: args.departmentId ?? undefined })),
  }),
  updateDistrict: t.field({
    type: District,
    authScopes: { admin: true },
    args: { districtId: t.arg.id({ required: true }), name: t.arg.string({ required: true }), nameEn: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => callDomain(ctx, () => ctx.domain.admin.updateDistrict(ctx.viewer, args)),
  }),
}));
