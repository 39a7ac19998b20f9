import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryMailer } from "../../platform/mail.server.ts";
import { createTestDatabase, testRedisUrl, type TestDatabase } from "../../../tests/setup/test-database.ts";
import { createReferenceData, createUser, proposalInput } from "../../../tests/factories.ts";
import { AppError } from "../errors.ts";
import type { DomainEvents } from "../events.ts";
import { createDomain, type Domain } from "../../platform/compose.server.ts";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "../sessions/session.service.server.ts";
import { createClient } from "redis";
import { createRateLimiter, DEFAULT_LIMITS } from "../../platform/rate-limits.server.ts";
import { loginKeys } from "./login-guard.ts";
import { hashPassword } from "./password.server.ts";

let db: TestDatabase;
let domain: Domain;
let mailer: ReturnType<typeof createMemoryMailer>;
let ref: Awaited<ReturnType<typeof createReferenceData>>;
let now = new Date("2026-11-01T00:00:00Z");
const clock = { now: () => now };
const request = { ip: "203.0.113.7", userAgent: "vitest" };
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  db = await createTestDatabase();
  mailer = createMemoryMailer();
  domain = createDomain({ prisma: db.prisma, clock, mailer, publicUrl: "https://madang.test" });
  ref = await createReferenceData(db.prisma);
});
afterAll(async () => {
  await db?.drop();
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

let n = 0;
const signUpInput = (overrides: Record<string, unknown> = {}) => ({
  email: `new${++n}@example.kr`,
  displayName: "새 시민",
  password: PASSWORD,
  passwordConfirm: PASSWORD,
  consentPrivacy: "on",
  ...overrides,
});

describe("sign-up", () => {
  it("creates an account with an argon2id hash, the consents given and a session", async () => {
    const input = signUpInput({ districtId: String(ref.districts.okgu.id), consentEmail: "on" });
    const result = await domain.accounts.signUp(input, request);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: result.userId }, include: { consents: true } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
    expect(user.consents.map((c) => [c.notice, c.version, c.accepted]).sort()).toEqual([
      ["emailNotifications", "2026-11-22", true],
      ["privacySignup", "2026-11-22", true],
    ]);
    const viewer = await domain.sessions.viewerForSession(result.sessionId);
    expect(viewer).toMatchObject({ id: result.userId, roles: ["CITIZEN"], verified: false, suspended: false });
  });

  it("explains every problem and writes nothing", async () => {
    const before = await db.prisma.user.count();
    const error = await failure(
      domain.accounts.signUp(
        { email: "not-an-email", displayName: "김", password: "short", passwordConfirm: "other", consentPrivacy: "" },
        request,
      ),
    );
    expect(Object.fromEntries(error.issues.map((i) => [i.path, i.key]))).toEqual({
      email: "validation.email",
      displayName: "validation.tooShort",
      password: "validation.passwordTooShort",
      passwordConfirm: "validation.passwordMismatch",
      consentPrivacy: "validation.consentRequired",
    });
    const second = await failure(
      domain.accounts.signUp(signUpInput({ passwordConfirm: "something else entirely", consentPrivacy: "" }), request),
    );
    expect(second.issues.map((i) => i.key).sort()).toEqual(["validation.consentRequired", "validation.passwordMismatch"]);
    const taken = signUpInput();
    await domain.accounts.signUp(taken, request);
    const duplicate = await failure(domain.accounts.signUp({ ...taken, email: taken.email.toUpperCase() }, request));
    expect(duplicate.issues).toEqual([{ path: "email", key: "validation.emailTaken" }]);
    expect(await db.prisma.user.count()).toBe(before + 1);
  });
});

describe("log in", () => {
  it("accepts the right password and locks that account at that address after five wrong ones", async () => {
    const input = signUpInput();
    await domain.accounts.signUp(input, request);
    const session = await domain.accounts.logIn({ email: input.email, password: PASSWORD }, request);
    expect(await domain.sessions.viewerForSession(session.sessionId)).not.toBeNull();

    const wrong = await failure(domain.accounts.logIn({ email: input.email, password: "wrong password!!" }, request));
    expect(wrong.messageKey).toBe("errors.invalidCredentials");
    const unknown = await failure(domain.accounts.logIn({ email: "nobody@example.kr", password: PASSWORD }, request));
    expect(unknown.messageKey).toBe("errors.invalidCredentials"); // the same answer: no account enumeration
    for (let i = 0; i < 4; i++) await failure(domain.accounts.logIn({ email: input.email, password: "wrong password!!" }, request));
    const locked = await failure(domain.accounts.logIn({ email: input.email, password: PASSWORD }, request));
    expect(locked).toMatchObject({ code: "RATE_LIMITED", messageKey: "errors.loginLocked" });
  });
});

describe("log-in limits (per account and address, per account, and a per-address ceiling on failures)", () => {
  let hashed: Promise<string> | undefined;
  /** An account with PASSWORD, made without the sign-up limit (one argon2 hash shared by all). */
  async function account(): Promise<string> {
    hashed ??= hashPassword(PASSWORD);
    const email = `limits${++n}@example.kr`;
    await createUser(db.prisma, { email, passwordHash: await hashed });
    return email;
  }
  const logIn = (email: string, password: string, ip: string) => domain.accounts.logIn({ email, password }, { ip, userAgent: "vitest" });
  const refusal = async (email: string, password: string, ip: string) => {
    const error = await failure(logIn(email, password, ip));
    return { code: error.code, messageKey: error.messageKey };
  };
  const WRONG = { code: "VALIDATION", messageKey: "errors.invalidCredentials" };
  const PAIR_LOCK = DEFAULT_LIMITS.loginFailurePair.points;

  it("never refuses a NAT'd office of 200 people logging in correctly from one address, typos and all", async () => {
    const office = "198.51.100.10";
    const emails: string[] = [];
    for (let i = 0; i < 200; i++) emails.push(await account());
    for (const [i, email] of emails.entries()) {
      if (i % 8 === 0) expect(await refusal(email, "a typo in the password", office)).toEqual(WRONG);
      expect((await logIn(email, PASSWORD, office)).sessionId).toBeTruthy();
    }
    // After lunch, everyone again.
    for (const email of emails.slice(0, 20)) await logIn(email, PASSWORD, office);
  }, 180_000);

  it("does not refuse a correct password from another address because someone else failed", async () => {
    const victim = await account();
    const attacker = "192.0.2.10";
    for (let i = 0; i < PAIR_LOCK; i++) expect(await refusal(victim, `guess number ${i}`, attacker)).toEqual(WRONG);
    // That (account, address) pair is locked now, even for the right password...
    expect(await refusal(victim, PASSWORD, attacker)).toEqual({ code: "RATE_LIMITED", messageKey: "errors.loginLocked" });
    // ...but the owner, from an address with no failures, gets in.
    expect((await logIn(victim, PASSWORD, "198.51.100.77")).sessionId).toBeTruthy();
    // The lock is not lifted by the owner's success elsewhere.
    expect(await refusal(victim, PASSWORD, attacker)).toEqual({ code: "RATE_LIMITED", messageKey: "errors.loginLocked" });
  });

  it("counts an IPv6 /64 as one address, so rotating inside it does not dodge the pair lock", async () => {
    const victim = await account();
    for (let i = 0; i < PAIR_LOCK; i++) expect(await refusal(victim, `guess number ${i}`, `2001:db8:77:1::${i + 1}`)).toEqual(WRONG);
    expect(await refusal(victim, PASSWORD, "2001:db8:77:1::ffff")).toEqual({ code: "RATE_LIMITED", messageKey: "errors.loginLocked" });
    expect((await logIn(victim, PASSWORD, "2001:db8:77:2::1")).sessionId).toBeTruthy();
  });

  it("slows one address guessing many accounts: failures count towards its ceiling, its own successes do not reset it", async () => {
    const attacker = "192.0.2.66";
    const own = await account(); // the attacker's own account
    const colleague = await account(); // someone who logs in from behind the same address
    await logIn(colleague, PASSWORD, attacker);
    const fresh = await account();
    const ceiling = DEFAULT_LIMITS.loginFailureAddress.points;
    for (let i = 0; i < ceiling; i++) {
      const target = i % 2 === 0 ? await account() : `nobody${n}-${i}@example.kr`;
      expect(await refusal(target, `guess number ${i}`, attacker)).toEqual(WRONG);
      if (i % 20 === 0) await logIn(own, PASSWORD, attacker);
    }
    const blocked = { code: "RATE_LIMITED", messageKey: "errors.loginAddressLocked" };
    expect(await refusal(fresh, PASSWORD, attacker)).toEqual(blocked); // even the right password of an account never used here
    expect(await refusal(`nobody-else${n}@example.kr`, "guess again", attacker)).toEqual(blocked);
    // People who have logged in from this address before keep getting in; other addresses are untouched.
    expect((await logIn(colleague, PASSWORD, attacker)).sessionId).toBeTruthy();
    expect((await logIn(fresh, PASSWORD, "192.0.2.67")).sessionId).toBeTruthy();
  }, 120_000);

  it("slows guessing one account from many addresses, keeps the owner's usual address open, and a password reset lifts it", async () => {
    const victim = await account();
    const home = "198.51.100.200";
    await logIn(victim, PASSWORD, home);
    const limit = DEFAULT_LIMITS.loginFailure.points;
    expect(limit).toBeGreaterThan(PAIR_LOCK);
    for (let i = 0; i < limit; i++) expect(await refusal(victim, `guess number ${i}`, `100.64.${i}.1`)).toEqual(WRONG);
    const locked = { code: "RATE_LIMITED", messageKey: "errors.loginLocked" };
    expect(await refusal(victim, PASSWORD, "100.64.250.1")).toEqual(locked); // a new address, right password: refused
    expect(await refusal(victim, "one more guess", "100.64.251.1")).toEqual(locked);
    // The owner's usual address still gets in, and that does not unlock the account for others.
    expect((await logIn(victim, PASSWORD, home)).sessionId).toBeTruthy();
    expect(await refusal(victim, PASSWORD, "100.64.250.1")).toEqual(locked);

    // "…or reset your password": a new password starts the account's counters afresh.
    mailer.sent.length = 0;
    await domain.accounts.requestPasswordReset({ email: victim }, { ip: "198.51.100.201" });
    const token = /reset-password\/([\w-]+)/.exec(mailer.sent[0]!.text)![1]!;
    await domain.accounts.resetPassword({ token, password: "a brand new password", passwordConfirm: "a brand new password" });
    expect((await logIn(victim, "a brand new password", "100.64.250.1")).sessionId).toBeTruthy();
  });

  it.skipIf(!testRedisUrl)(
    "hold across nodes sharing Redis: a pair locked on one node is locked on the other, a known address is known on both",
    async () => {
      const connect = (): ReturnType<typeof createClient> => createClient({ url: testRedisUrl });
      const clients = [connect(), connect()];
      await Promise.all(clients.map((c) => c.connect()));
      try {
        const prefix = `madang-test:${Date.now()}:${Math.random().toString(36).slice(2)}`;
        const [nodeA, nodeB] = clients.map((redis) =>
          createDomain({ prisma: db.prisma, clock, mailer, limits: createRateLimiter({ redis, prefix }) }),
        );
        const email = `redis${++n}@example.kr`;
        await createUser(db.prisma, { email, passwordHash: await hashPassword(PASSWORD) });
        const [attacker, home] = ["192.0.2.150", "198.51.100.99"];
        for (let i = 0; i < PAIR_LOCK; i++) {
          const error = await failure((i % 2 ? nodeA! : nodeB!).accounts.logIn({ email, password: `guess number ${i}` }, { ip: attacker }));
          expect(error.messageKey).toBe("errors.invalidCredentials");
        }
        expect(await failure(nodeA!.accounts.logIn({ email, password: PASSWORD }, { ip: attacker }))).toMatchObject({
          code: "RATE_LIMITED",
          messageKey: "errors.loginLocked",
        });
        await nodeB!.accounts.logIn({ email, password: PASSWORD }, { ip: home });
        const keys = loginKeys(email, (await db.prisma.user.findUniqueOrThrow({ where: { email } })).passwordHash, home);
        const limiter = createRateLimiter({ redis: clients[0]!, prefix });
        expect(await limiter.remembers("loginKnownAddress", keys.pair)).toBe(true);
        expect(await limiter.remembers("loginKnownAddress", `${keys.pair}-not-this-one`)).toBe(false);
      } finally {
        await Promise.all(clients.map((c) => c.quit()));
      }
    },
  );
});

describe("sessions", () => {
  it("end after the idle timeout and at the absolute expiry", async () => {
    const user = await createUser(db.prisma);
    const start = now;
    try {
      const idle = await domain.sessions.create(user.id, "a");
      now = new Date(start.getTime() + SESSION_IDLE_MS - 1000);
      expect(await domain.sessions.viewerForSession(idle.sessionId)).not.toBeNull();
      now = new Date(now.getTime() + SESSION_IDLE_MS - 1000); // seen just before, so still alive
      expect(await domain.sessions.viewerForSession(idle.sessionId)).not.toBeNull();
      now = new Date(now.getTime() + SESSION_IDLE_MS + 1000);
      expect(await domain.sessions.viewerForSession(idle.sessionId)).toBeNull();

      now = start;
      const busy = await domain.sessions.create(user.id, "b");
      for (let t = 0; t < SESSION_ABSOLUTE_MS; t += SESSION_IDLE_MS / 2) {
        now = new Date(start.getTime() + t);
        expect(await domain.sessions.viewerForSession(busy.sessionId)).not.toBeNull();
      }
      now = new Date(start.getTime() + SESSION_ABSOLUTE_MS + 1);
      expect(await domain.sessions.viewerForSession(busy.sessionId)).toBeNull();
    } finally {
      now = start;
    }
  });

  it("password change keeps this session, ends the others and says so to the realtime layer", async () => {
    const input = signUpInput();
    const { sessionId } = await domain.accounts.signUp(input, request);
    const other = await domain.accounts.logIn({ email: input.email, password: PASSWORD }, request);
    const revoked: DomainEvents["session.revoked"][] = [];
    const off = domain.events.subscribe("session.revoked", (e) => revoked.push(e));
    const me = (await domain.sessions.viewerForSession(sessionId))!;
    const bad = await failure(
      domain.accounts.changePassword(me, {
        currentPassword: "nope",
        newPassword: "another long password",
        newPasswordConfirm: "another long password",
      }),
    );
    expect(bad.issues).toEqual([{ path: "currentPassword", key: "errors.wrongPassword" }]);
    await domain.accounts.changePassword(me, {
      currentPassword: PASSWORD,
      newPassword: "another long password",
      newPasswordConfirm: "another long password",
    });
    off();
    expect(revoked).toEqual([{ userId: me.id, sessionIds: [other.sessionId] }]);
    expect(await domain.sessions.viewerForSession(sessionId)).not.toBeNull();
    expect(await domain.sessions.viewerForSession(other.sessionId)).toBeNull();
    await domain.accounts.logIn({ email: input.email, password: "another long password" }, request);
  });
});

describe("password reset", () => {
  it("mails a one-time link that sets a new password and ends all sessions", async () => {
    const input = signUpInput();
    const { sessionId } = await domain.accounts.signUp(input, request);
    mailer.sent.length = 0;
    await domain.accounts.requestPasswordReset({ email: "nobody-here@example.kr" }, request);
    expect(mailer.sent).toHaveLength(0); // same answer, no mail
    await domain.accounts.requestPasswordReset({ email: input.email }, request);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.to).toBe(input.email);
    const token = /https:\/\/madang\.test\/reset-password\/([\w-]+)/.exec(mailer.sent[0]!.text)![1]!;

    const mismatch = await failure(
      domain.accounts.resetPassword({ token, password: "a brand new password", passwordConfirm: "different" }),
    );
    expect(mismatch.issues[0]!.key).toBe("validation.passwordMismatch");
    await domain.accounts.resetPassword({ token, password: "a brand new password", passwordConfirm: "a brand new password" });
    expect(await domain.sessions.viewerForSession(sessionId)).toBeNull();
    await domain.accounts.logIn({ email: input.email, password: "a brand new password" }, request);
    const reused = await failure(
      domain.accounts.resetPassword({ token, password: "yet another password", passwordConfirm: "yet another password" }),
    );
    expect(reused.messageKey).toBe("errors.resetLinkInvalid");
  });

  it("refuses an expired link", async () => {
    const input = signUpInput();
    await domain.accounts.signUp(input, request);
    mailer.sent.length = 0;
    await domain.accounts.requestPasswordReset({ email: input.email }, request);
    const token = /reset-password\/([\w-]+)/.exec(mailer.sent[0]!.text)![1]!;
    const start = now;
    now = new Date(start.getTime() + 61 * 60 * 1000);
    try {
      const expired = await failure(
        domain.accounts.resetPassword({ token, password: "a brand new password", passwordConfirm: "a brand new password" }),
      );
      expect(expired.messageKey).toBe("errors.resetLinkInvalid");
    } finally {
      now = start;
    }
  });
});

describe("personal data (PIPA)", () => {
  it("exports everything held about the person, and records that it did", async () => {
    const input = signUpInput();
    const { sessionId } = await domain.accounts.signUp(input, request);
    const me = (await domain.sessions.viewerForSession(sessionId))!;
    const data = await domain.accounts.exportMyData(me);
    expect(data.format).toBe("madang-personal-data/1");
    expect(data.account).toMatchObject({
      email: input.email,
      displayName: "새 시민",
      consents: expect.arrayContaining([expect.objectContaining({ notice: "privacySignup" })]),
    });
    expect(JSON.stringify(data)).not.toContain("argon2");
    expect(await db.prisma.auditLog.count({ where: { action: "account.exported", targetId: String(me.id) } })).toBe(1);
  });

  it("deletes the account: personal data gone, public contributions kept without a name", async () => {
    const author = await createUser(db.prisma, { passwordHash: await (await import("./password.server.ts")).hashPassword(PASSWORD) });
    const session = await domain.sessions.create(author.id);
    const me = (await domain.sessions.viewerForSession(session.sessionId))!;
    const proposal = await domain.proposals.create(me, proposalInput(ref.categories.transport.id));
    const wrong = await failure(domain.accounts.deleteAccount(me, { password: "not my password", confirm: "on" }));
    expect(wrong.issues).toEqual([{ path: "password", key: "errors.wrongPassword" }]);
    await domain.accounts.deleteAccount(me, { password: PASSWORD, confirm: "on" });

    const user = await db.prisma.user.findUniqueOrThrow({
      where: { id: author.id },
      include: { identity: true, affiliations: true, sessions: true },
    });
    expect(user).toMatchObject({
      email: null,
      passwordHash: null,
      status: "DELETED",
      displayName: "탈퇴한 회원",
      identity: null,
      affiliations: [],
      sessions: [],
    });
    expect((await domain.proposals.get(null, proposal.id)).author.displayName).toBe("탈퇴한 회원");
    expect(await domain.sessions.viewerForSession(session.sessionId)).toBeNull();
  });
});
