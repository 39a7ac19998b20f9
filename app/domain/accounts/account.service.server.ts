// Accounts: sign-up with recorded consent, log in with brute-force protection, password
// change and reset by mail, self-service export and deletion (PIPA).
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../db.ts";
import type { EventBus } from "../events.ts";
import type { CommentReads } from "../debate/comment-reads.server.ts";
import { AppError, validationError } from "../errors.ts";
import type { Mailer, RateLimiter } from "../ports.ts";
import { requireActor } from "../roles/participation.policy.ts";
import type { SessionService } from "../sessions/session.service.server.ts";
import type { Clock, Viewer } from "../viewer.ts";
import { recordAudit } from "../audit/audit.service.server.ts";
import {
  ZChangePasswordInput,
  ZDeleteAccountInput,
  ZLogInInput,
  ZRequestResetInput,
  ZResetPasswordInput,
  ZSignUpInput,
  type TSignUpInput,
} from "./account.schema.ts";
import { CONSENT_NOTICES } from "./consent.ts";
import { addressKey, loginKeys } from "./login-guard.ts";
import { hashPassword, verifyPassword } from "./password.server.ts";

const RESET_TTL_MS = 60 * 60 * 1000;
export const DELETED_NAME = "탈퇴한 회원";

type Deps = {
  prisma: PrismaClient;
  clock: Clock;
  events: EventBus;
  sessions: SessionService;
  limits: RateLimiter;
  mailer: Mailer;
  publicUrl: string;
  /** The person's own comments come from the comment reads, like every read of comments. */
  comments: Pick<CommentReads, "ownForExport">;
};

/** Who is asking, for rate limits and session labels. */
export type RequestInfo = { ip: string; userAgent?: string | null };

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

function requireViewer(viewer: Viewer): NonNullable<Viewer> {
  if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.loginRequired");
  return viewer;
}

export function createAccountService({ prisma, clock, events, sessions, limits, mailer, publicUrl, comments }: Deps) {
  async function signUp(rawInput: TSignUpInput, request: RequestInfo) {
    const parsed = ZSignUpInput.safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error);
    await limits.consume("signup", request.ip);
    const input = parsed.data;
    if (input.districtId && !(await prisma.district.findUnique({ where: { id: input.districtId } }))) {
      throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "districtId", key: "validation.invalidChoice" }] });
    }
    if (await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "email", key: "validation.emailTaken" }] });
    }
    const passwordHash = await hashPassword(input.password);
    const now = clock.now();
    const user = await prisma.user.create({
      data: {
        email: input.email,
        displayName: input.displayName,
        passwordHash,
        districtId: input.districtId ?? null,
        createdAt: now,
        lastLoginAt: now,
        consents: {
          create: [
            { notice: "privacySignup", version: CONSENT_NOTICES.privacySignup.version, accepted: true, acceptedAt: now },
            {
              notice: "emailNotifications",
              version: CONSENT_NOTICES.emailNotifications.version,
              accepted: input.consentEmail,
              acceptedAt: now,
            },
          ],
        },
      },
      select: { id: true },
    });
    const session = await sessions.create(user.id, request.userAgent);
    return { userId: user.id, ...session };
  }

  /** Counts a failed log-in; the attempt that exhausts a bucket still answers "wrong password". */
  async function countFailure(bucket: "loginFailure" | "loginFailurePair" | "loginFailureAddress", key: string) {
    await limits.consume(bucket, key).catch((error: unknown) => {
      if (!(error instanceof AppError && error.code === "RATE_LIMITED")) throw error;
    });
  }

  /** Brute-force limits per (account, address), per account and per address: see login-guard.ts. */
  async function logIn(rawInput: unknown, request: RequestInfo) {
    const parsed = ZLogInInput.safeParse(rawInput);
    if (!parsed.success) throw new AppError("VALIDATION", "errors.invalidCredentials");
    const { email, password } = parsed.data;
    const address = addressKey(request.ip);
    await limits.consume("login", address);
    const user = await prisma.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, status: true } });
    const keys = loginKeys(email, user?.passwordHash ?? null, address);
    await limits.check("loginFailurePair", keys.pair);
    if (!(await limits.remembers("loginKnownAddress", keys.pair))) {
      await limits.check("loginFailureAddress", keys.address);
      await limits.check("loginFailure", keys.account);
    }
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok || user.status === "DELETED") {
      await countFailure("loginFailurePair", keys.pair);
      await countFailure("loginFailure", keys.account);
      await countFailure("loginFailureAddress", keys.address);
      throw new AppError("VALIDATION", "errors.invalidCredentials");
    }
    // Only this pair's counter restarts: a success must not refill an attacker's budget
    // for the account (from elsewhere) or for the address (their own account, many guesses).
    await limits.reset("loginFailurePair", keys.pair);
    await limits.remember("loginKnownAddress", keys.pair);
    await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: clock.now() } });
    return sessions.create(user.id, request.userAgent);
  }

  async function logOut(viewer: Viewer) {
    if (!viewer) return;
    await sessions.revoke(viewer.id, [viewer.sessionId]);
  }

  async function changePassword(viewer: Viewer, rawInput: unknown) {
    const me = requireActor(viewer, "account.security");
    const parsed = ZChangePasswordInput.safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: me.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(user.passwordHash, parsed.data.currentPassword))) {
      throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "currentPassword", key: "errors.wrongPassword" }] });
    }
    await prisma.user.update({ where: { id: me.id }, data: { passwordHash: await hashPassword(parsed.data.newPassword) } });
    // Other devices must log in again with the new password.
    await sessions.revokeAllForUser(me.id, { except: me.sessionId });
  }

  /** Always answers the same way, so it does not reveal which e-mails have accounts. */
  async function requestPasswordReset(rawInput: unknown, request: RequestInfo) {
    const parsed = ZRequestResetInput.safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error);
    await limits.consume("passwordReset", `ip:${request.ip}`);
    const user = await prisma.user.findUnique({ where: { email: parsed.data.email }, select: { id: true, status: true, email: true } });
    if (!user || user.status === "DELETED" || !user.email) return;
    // Over the per-account limit: send nothing, but answer as always (no account enumeration).
    const allowed = await limits.consume("passwordReset", `user:${user.id}`).then(
      () => true,
      () => false,
    );
    if (!allowed) return;
    const token = randomBytes(32).toString("base64url");
    const now = clock.now();
    await prisma.passwordReset.create({
      data: { tokenHash: sha256(token), userId: user.id, expiresAt: new Date(now.getTime() + RESET_TTL_MS), createdAt: now },
    });
    await mailer.send({
      to: user.email,
      subject: "[마당] 비밀번호 재설정 안내 / Password reset",
      text: [
        "마당 비밀번호 재설정을 요청하셨습니다. 아래 주소에서 1시간 안에 새 비밀번호를 정해 주세요.",
        "You asked to reset your Madang password. Choose a new one within an hour:",
        "",
        `${publicUrl}/reset-password/${token}`,
        "",
        "요청하지 않으셨다면 이 메일을 무시하셔도 됩니다. / If you did not ask, ignore this mail.",
      ].join("\n"),
    });
  }

  async function resetPassword(rawInput: unknown) {
    const parsed = ZResetPasswordInput.safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error);
    const now = clock.now();
    const reset = await prisma.passwordReset.findUnique({ where: { tokenHash: sha256(parsed.data.token) } });
    if (!reset || reset.usedAt || reset.expiresAt.getTime() <= now.getTime()) {
      throw new AppError("VALIDATION", "errors.resetLinkInvalid");
    }
    const passwordHash = await hashPassword(parsed.data.password);
    const used = await prisma.$transaction(async (tx) => {
      const marked = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: now } });
      if (marked.count === 1) await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
      return marked.count === 1;
    });
    if (!used) throw new AppError("VALIDATION", "errors.resetLinkInvalid");
    await sessions.revokeAllForUser(reset.userId);
  }

  /** Everything Madang holds about the viewer, as one JSON document (PIPA right of access). */
  async function exportMyData(viewer: Viewer) {
    const me = requireActor(viewer, "account.exportData");
    const user = await prisma.user.findUniqueOrThrow({
      where: { id: me.id },
      select: {
        email: true,
        displayName: true,
        status: true,
        createdAt: true,
        lastLoginAt: true,
        guardianConsent: true,
        district: { select: { name: true } },
        roles: { select: { role: true, createdAt: true, department: { select: { name: true } } } },
        identity: { select: { provider: true, birthYear: true, birthDate: true, verifiedAt: true } },
        affiliations: {
          select: { kind: true, status: true, source: true, since: true, createdAt: true, district: { select: { name: true } } },
        },
        consents: { select: { notice: true, version: true, accepted: true, acceptedAt: true } },
        sessions: { select: { createdAt: true, lastSeenAt: true, userAgent: true } },
        proposals: { select: { id: true, title: true, body: true, status: true, createdAt: true } },
        supports: { select: { proposalId: true, createdAt: true } },
      },
    });
    await prisma.$transaction((tx) => recordAudit(tx, me, { action: "account.exported", targetType: "User", targetId: me.id }));
    return {
      exportedAt: clock.now().toISOString(),
      format: "madang-personal-data/1",
      account: { ...user, comments: await comments.ownForExport(me.id) },
    };
  }

  /**
   * Deletes the account: personal data goes, public contributions stay without a name
   * (proposals, comments and 공감 are part of the public record and of published tallies).
   */
  async function deleteAccount(viewer: Viewer, rawInput: unknown) {
    const me = requireActor(viewer, "account.delete");
    const parsed = ZDeleteAccountInput.safeParse(rawInput);
    if (!parsed.success || !parsed.data.confirm) {
      throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "confirm", key: "validation.confirmDeletion" }] });
    }
    const user = await prisma.user.findUniqueOrThrow({ where: { id: me.id }, select: { passwordHash: true } });
    if (!(await verifyPassword(user.passwordHash, parsed.data.password))) {
      throw new AppError("VALIDATION", "errors.validation", { issues: [{ path: "password", key: "errors.wrongPassword" }] });
    }
    const sessionIds = (await prisma.session.findMany({ where: { userId: me.id }, select: { id: true } })).map((s) => s.id);
    await prisma.$transaction(async (tx) => {
      await tx.identityVerification.deleteMany({ where: { userId: me.id } });
      await tx.affiliation.deleteMany({ where: { userId: me.id } });
      await tx.consent.deleteMany({ where: { userId: me.id } });
      await tx.passwordReset.deleteMany({ where: { userId: me.id } });
      await tx.verificationAttempt.deleteMany({ where: { userId: me.id } });
      await tx.roleAssignment.deleteMany({ where: { userId: me.id } });
      await tx.user.update({
        where: { id: me.id },
        data: {
          email: null,
          displayName: DELETED_NAME,
          passwordHash: null,
          status: "DELETED",
          deletedAt: clock.now(),
          districtId: null,
          groups: [],
          guardianConsent: false,
        },
      });
      await recordAudit(tx, me, { action: "account.deleted", targetType: "User", targetId: me.id });
    });
    await sessions.revoke(me.id, sessionIds);
    events.publish("viewer.changed", { userIds: [me.id] });
  }

  /** Whether the seeded demo accounts exist (the login page then shows their password). */
  async function hasDemoAccounts(): Promise<boolean> {
    return (await prisma.user.count({ where: { email: { endsWith: "@demo.madang" }, status: "ACTIVE" } })) > 0;
  }

  /** What the account page shows the person about themselves. */
  async function profile(viewer: Viewer) {
    const me = requireViewer(viewer);
    const user = await prisma.user.findUniqueOrThrow({
      where: { id: me.id },
      select: {
        id: true,
        email: true,
        displayName: true,
        status: true,
        suspendedUntil: true,
        suspensionReason: true,
        createdAt: true,
        guardianConsent: true,
        district: { select: { id: true, name: true, nameEn: true } },
        roles: { select: { role: true, department: { select: { id: true, name: true, nameEn: true } } } },
        identity: { select: { provider: true, birthYear: true, verifiedAt: true } },
        affiliations: {
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            kind: true,
            source: true,
            status: true,
            since: true,
            createdAt: true,
            district: { select: { id: true, name: true, nameEn: true } },
          },
        },
        consents: { orderBy: { acceptedAt: "asc" }, select: { notice: true, version: true, accepted: true, acceptedAt: true } },
      },
    });
    return {
      ...user,
      roles: ["CITIZEN" as const, ...user.roles.map((r) => r.role)],
      officerDepartment: user.roles.find((r) => r.role === "OFFICER")?.department ?? null,
    };
  }

  return {
    signUp,
    logIn,
    logOut,
    changePassword,
    requestPasswordReset,
    resetPassword,
    exportMyData,
    deleteAccount,
    profile,
    hasDemoAccounts,
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
