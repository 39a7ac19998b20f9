// 본인인증: runs a provider's verification and keeps only what Madang needs — a keyed hash of
// the DI (one verified person = one account), the birth date, and the residency the provider
// reported. Never a resident registration number. Contract: docs/identity-verification.md.
import { createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import { isUniqueViolation, type Prisma, type PrismaClient } from "../db.ts";
import type { EventBus } from "../events.ts";
import { AppError, validationError } from "../errors.ts";
import { zId, zOptionalId } from "../ids.ts";
import type { IdentityProvider, RateLimiter } from "../ports.ts";
import { assertActor, requireActor } from "../roles/participation.policy.ts";
import { canReviewAffiliations } from "../roles/roles.policy.ts";
import { recordAudit } from "../audit/audit.service.server.ts";
import { AFFILIATION_KINDS } from "../eligibility/eligibility.ts";
import { isCalendarDate, koreanToday } from "./calendar-date.ts";
import type { Clock, Viewer } from "../viewer.ts";

const MAX_CODE_ATTEMPTS = 5;

type Deps = {
  prisma: PrismaClient;
  clock: Clock;
  events: EventBus;
  limits: RateLimiter;
  providers: IdentityProvider[];
  /** Key for the DI hash; keep it secret and stable, or duplicate detection breaks. */
  identityHashKey: string;
};

export const ZDeclareAffiliation = z.object({
  kind: z.enum(AFFILIATION_KINDS, { errorMap: () => ({ message: "validation.invalidChoice" }) }),
  districtId: zOptionalId,
  note: z.string().trim().max(200).optional(),
  /** Since when (전입일 for a residence); a moderator confirms it with the claim. */
  since: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z.string().trim().refine(isCalendarDate, "validation.date").optional(),
  ),
});

export const ZReviewAffiliation = z.object({
  affiliationId: zId,
  decision: z.enum(["CONFIRMED", "REJECTED"], { errorMap: () => ({ message: "validation.invalidChoice" }) }),
  reason: z.string().trim().max(500).optional(),
});

export function createIdentityService({ prisma, clock, events, limits, providers, identityHashKey }: Deps) {
  const diHash = (di: string) => createHmac("sha256", identityHashKey).update(di).digest("hex");

  function provider(id: unknown): IdentityProvider {
    const found = providers.find((p) => p.id === (id ?? providers[0]?.id));
    if (!found) throw new AppError("VALIDATION", "errors.unknownProvider");
    return found;
  }

  async function start(viewer: Viewer, providerId: unknown, input: unknown) {
    const me = requireActor(viewer, "identity.verify");
    if (me.verified) throw new AppError("CONFLICT", "errors.alreadyVerified");
    await limits.consume("verify", String(me.id));
    const p = provider(providerId);
    const now = clock.now();
    const started = await p.start(input, { now });
    const attemptId = randomBytes(18).toString("base64url");
    await prisma.verificationAttempt.create({
      data: {
        id: attemptId,
        userId: me.id,
        provider: p.id,
        state: started.state as Prisma.InputJsonValue,
        expiresAt: started.expiresAt,
        createdAt: now,
      },
    });
    return { attemptId, expiresAt: started.expiresAt, redirectUrl: started.redirectUrl ?? null, devCode: started.devCode ?? null };
  }

  async function complete(viewer: Viewer, attemptId: unknown, input: unknown) {
    const me = requireActor(viewer, "identity.verify");
    const now = clock.now();
    const attempt = typeof attemptId === "string" ? await prisma.verificationAttempt.findUnique({ where: { id: attemptId } }) : null;
    if (!attempt || attempt.userId !== me.id || attempt.completedAt) throw new AppError("NOT_FOUND", "errors.verificationNotFound");
    if (attempt.expiresAt.getTime() <= now.getTime()) throw new AppError("VALIDATION", "errors.verificationExpired");
    if (attempt.attempts >= MAX_CODE_ATTEMPTS) throw new AppError("RATE_LIMITED", "errors.tooManyCodeAttempts");
    await prisma.verificationAttempt.update({ where: { id: attempt.id }, data: { attempts: { increment: 1 } } });

    const identity = await provider(attempt.provider).complete(attempt.state as Record<string, unknown>, input, { now });
    const hash = diHash(identity.di);
    const taken = await prisma.identityVerification.findUnique({ where: { diHash: hash }, select: { userId: true } });
    if (taken) throw new AppError("CONFLICT", taken.userId === me.id ? "errors.alreadyVerified" : "errors.identityAlreadyUsed");
    const district = identity.residency?.districtCode
      ? await prisma.district.findUnique({ where: { code: identity.residency.districtCode }, select: { id: true } })
      : null;

    try {
      await prisma.$transaction(async (tx) => {
        await tx.identityVerification.create({
          data: {
            userId: me.id,
            provider: attempt.provider,
            diHash: hash,
            birthDate: identity.birthDate,
            birthYear: identity.birthYear,
            verifiedAt: now,
          },
        });
        await tx.verificationAttempt.update({ where: { id: attempt.id }, data: { completedAt: now } });
        if (district) {
          // The provider vouches for a registered address in one of the city's districts: a
          // confirmed residence claim. No district, or one the city does not have, is an address
          // outside the city (or an unknown one), which never confirms residency.
          await tx.affiliation.create({
            data: {
              userId: me.id,
              kind: "RESIDENT",
              districtId: district.id,
              source: "PROVIDER",
              status: "CONFIRMED",
              since: identity.residency?.since ?? null,
              createdAt: now,
            },
          });
        }
        await recordAudit(tx, me, {
          action: "identity.verified",
          targetType: "User",
          targetId: me.id,
          details: { provider: attempt.provider },
        });
      });
    } catch (error) {
      // Two verifications racing for the same person: the unique DI hash decides.
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", "errors.identityAlreadyUsed");
      throw error;
    }
    events.publish("viewer.changed", { userIds: [me.id] });
    return { verified: true as const, birthYear: identity.birthYear, districtId: district?.id ?? null };
  }

  /** Work, study or business in the city (or a district), declared after verification. */
  async function declareAffiliation(viewer: Viewer, rawInput: unknown) {
    const me = requireActor(viewer, "affiliation.declare");
    if (!me.verified) throw new AppError("FORBIDDEN", "errors.verifyFirst");
    const parsed = ZDeclareAffiliation.safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error);
    const { kind, districtId, note, since } = parsed.data;
    if (districtId && !(await prisma.district.findUnique({ where: { id: districtId } }))) {
      throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "districtId", key: "validation.invalidChoice" }] });
    }
    if (since && since > koreanToday(clock.now()))
      throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "since", key: "validation.date" }] });
    const existing = await prisma.affiliation.findFirst({
      where: { userId: me.id, kind, districtId: districtId ?? null, status: { not: "REJECTED" } },
    });
    if (existing) throw new AppError("CONFLICT", "errors.affiliationExists");
    const declared = await prisma.affiliation.create({
      data: {
        userId: me.id,
        kind,
        districtId: districtId ?? null,
        note: note ?? null,
        since: since ? new Date(`${since}T00:00:00Z`) : null,
        source: "SELF_DECLARED",
        status: "PENDING",
        createdAt: clock.now(),
      },
      select: { id: true, kind: true, districtId: true, status: true, source: true, since: true },
    });
    events.publish("viewer.changed", { userIds: [me.id] });
    return declared;
  }

  async function pendingAffiliations(viewer: Viewer) {
    if (!canReviewAffiliations(viewer))
      throw new AppError(viewer ? "FORBIDDEN" : "UNAUTHENTICATED", viewer ? "errors.forbidden" : "errors.loginRequired");
    return prisma.affiliation.findMany({
      where: { status: "PENDING" },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        kind: true,
        note: true,
        since: true,
        createdAt: true,
        district: { select: { id: true, name: true, nameEn: true } },
        user: { select: { id: true, displayName: true } },
      },
    });
  }

  async function reviewAffiliation(viewer: Viewer, rawInput: unknown) {
    if (viewer) assertActor(viewer, "affiliation.review");
    if (!canReviewAffiliations(viewer))
      throw new AppError(viewer ? "FORBIDDEN" : "UNAUTHENTICATED", viewer ? "errors.forbidden" : "errors.loginRequired");
    const parsed = ZReviewAffiliation.safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error);
    const { affiliationId, decision, reason } = parsed.data;
    const reviewed = await prisma.$transaction(async (tx) => {
      const held = await tx.affiliation.findUnique({ where: { id: affiliationId }, select: { userId: true } });
      const moved = await tx.affiliation.updateMany({
        where: { id: affiliationId, status: "PENDING" },
        data: { status: decision, reviewedById: viewer!.id, reviewedAt: clock.now() },
      });
      if (moved.count === 0) throw new AppError("NOT_FOUND", "errors.notFound");
      await recordAudit(tx, viewer, {
        action: decision === "CONFIRMED" ? "affiliation.confirmed" : "affiliation.rejected",
        targetType: "Affiliation",
        targetId: affiliationId,
        reason,
      });
      return { affiliationId, status: decision, userId: held!.userId };
    });
    events.publish("viewer.changed", { userIds: [reviewed.userId] });
    return { affiliationId: reviewed.affiliationId, status: reviewed.status };
  }

  return { start, complete, declareAffiliation, pendingAffiliations, reviewAffiliation, providerIds: providers.map((p) => p.id) };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
