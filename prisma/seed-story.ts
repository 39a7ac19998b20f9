// The demo city's story, played through the domain on the seed's clock: people sign up and
// verify their identity, the administrator sets the city's rules and appoints the staff,
// residents post proposals that a moderator screens, 공감 gathers until the threshold moves a
// proposal on, departments answer and report their milestones, the scheduler expires what ran
// out of time — each step at its own moment, through the same services the web, GraphQL and
// sockets call. The story ends at the anchor (the demo's "now"); prisma/seed-rounds.ts adds the
// rounds to the same timeline. The same anchor always gives the same city.
import { CONSENT_NOTICES } from "../app/domain/accounts/consent.ts";
import type { PrismaClient } from "../app/domain/db.ts";
import { createDomain, type Domain } from "../app/platform/compose.server.ts";
import type { Role, Viewer } from "../app/domain/viewer.ts";
import * as data from "./seed-data.ts";
import { calendarDay, createSeedIdentityProvider, SEED_PROVIDER_ID, type SeedIdentity } from "./seed-identity.ts";
import { planDemoRounds } from "./seed-rounds.ts";
import { DAY, HOUR, MINUTE, SeedClock, seededRandom, Timeline } from "./seed-timeline.ts";

export const DEMO_MARKER_EMAIL = "citizen@demo.madang";
/** Shared password of the demo accounts (README). Demo data only, never a real city. */
export const DEMO_PASSWORD = "madang-demo-2026";
/** Key of the seed's DI hashes: the seed's provider vouches for made-up people only. */
const SEED_IDENTITY_KEY = "madang-demo-seed-identity";
/** How the demo city sets itself up (the defaults of DOMAIN.md §1, with Seoul's tiers). */
const CITY = {
  cityName: "군산시",
  cityNameEn: "Gunsan",
  supportThreshold: 50,
  supportWindowDays: 30,
  screeningRequired: true,
  answerDeadlineDays: 30,
  // Seoul's tiers: 100 공감 → a deliberation forum, 1,000 → the mayor answers.
  supportTiers: [
    { threshold: 100, consequence: "FORUM" as const },
    { threshold: 1000, consequence: "MAYOR_ANSWER" as const },
  ],
};
/** The story starts this long before the anchor: the city opens, its people arrive. */
const STORY_DAYS = 300;
/** Days after a proposal opens at which the department steps happen (its 공감 window is 30). */
const STAGE_DAY = { assign: 31, answer: 45, milestones: 59, firstDone: 75, allDone: 95 } as const;
const STAGES = ["OPEN", "THRESHOLD_REACHED", "ASSIGNED", "ANSWERED", "IN_PROGRESS", "COMPLETED"] as const;

export type Person = NonNullable<Viewer>;

/** What prisma/seed-rounds.ts plays with. */
export type Story = {
  domain: Domain;
  timeline: Timeline;
  /** The demo's "now", in ms. */
  anchor: number;
  account(email: string): Promise<Person>;
  resident(index: number): Promise<Person>;
  /** The administrator appoints a resident to a role. */
  appoint(index: number, role: Exclude<Role, "CITIZEN" | "OFFICER">, reason: string): Promise<void>;
  /** The id of a board proposal of seed-data.ts, once it has been posted. */
  proposalId(title: string): number;
  categoryId(code: string): number;
  departmentId(code: string): number;
  /** The scheduler runs at this moment (phase changes, expiries), as it would within 15 s. */
  tick(at: number): void;
};

const pad = (n: number) => String(n).padStart(2, "0");
const residentEmail = (index: number) => `resident${pad(index + 1)}@residents.madang`;

export async function playDemoCity(prisma: PrismaClient, anchorDate: Date): Promise<void> {
  const anchor = anchorDate.getTime();
  const clock = new SeedClock(anchor - STORY_DAYS * DAY);
  const timeline = new Timeline(clock);
  const domain = createDomain({ prisma, clock, identityProviders: [createSeedIdentityProvider()], identityHashKey: SEED_IDENTITY_KEY });
  const rand = seededRandom(20240706); // the first 우리들의 군산 policy market

  const [districts, departments, categories] = await Promise.all([
    domain.catalog.districts(),
    domain.catalog.departments(),
    domain.catalog.categories(),
  ]);
  const byCode =
    <T extends { id: number; code: string }>(rows: T[], kind: string) =>
    (code: string) => {
      const row = rows.find((r) => r.code === code);
      if (!row) throw new Error(`seed data names an unknown ${kind}: ${code}`);
      return row.id;
    };
  const districtId = byCode(districts, "district");
  const departmentId = byCode(departments, "department");
  const categoryId = byCode(categories, "category");

  // ── People ────────────────────────────────────────────────────────────────────────────
  const userIds = new Map<string, number>();
  const userId = (email: string) => {
    const id = userIds.get(email);
    if (id === undefined) throw new Error(`${email} has not joined yet`);
    return id;
  };
  // Who someone is when they act: read through a session, as every edge does. Cached until
  // their roles or verification change.
  const viewers = new Map<number, Person>();
  async function viewerOf(id: number): Promise<Person> {
    const cached = viewers.get(id);
    if (cached) return cached;
    const { sessionId } = await domain.sessions.create(id, "madang-seed");
    const viewer = await domain.sessions.viewerForSession(sessionId);
    await domain.sessions.revoke(id, [sessionId]);
    if (!viewer) throw new Error(`user ${id} cannot act`);
    viewers.set(id, viewer);
    return viewer;
  }
  const account = (email: string) => viewerOf(userId(email));
  const admin = () => account("admin@demo.madang");
  const moderator = () => account("moderator@demo.madang");

  async function verify(id: number, identity: SeedIdentity) {
    const me = await viewerOf(id);
    const { attemptId } = await domain.identity.start(me, SEED_PROVIDER_ID, identity);
    const { verified } = await domain.identity.complete(me, attemptId, {});
    // Their next request would read them as verified; the seed saves itself the round trip.
    viewers.set(id, { ...me, verified });
  }
  async function grant(id: number, role: Exclude<Role, "CITIZEN">, reason: string, department?: number) {
    await domain.admin.assignRole(await admin(), { userId: id, role, departmentId: department, reason });
    viewers.delete(id);
  }

  // Day one: the demo accounts sign up (with the shared password) and verify.
  const start = clock.time;
  for (const [i, a] of data.demoAccounts.entries()) {
    timeline.at(start + i * MINUTE, `${a.email} signs up`, async () => {
      const { userId: id, sessionId } = await domain.accounts.signUp(
        {
          email: a.email,
          displayName: a.displayName,
          password: DEMO_PASSWORD,
          passwordConfirm: DEMO_PASSWORD,
          consentPrivacy: true,
          consentEmail: false,
          districtId: districtId(a.districtCode),
        },
        { ip: "seed", userAgent: "madang-seed" },
      );
      const viewer = await domain.sessions.viewerForSession(sessionId);
      await domain.sessions.revoke(id, [sessionId]);
      if (viewer) viewers.set(id, viewer);
      userIds.set(a.email, id);
    });
    timeline.at(start + 30 * MINUTE + i * MINUTE, `${a.email} verifies`, () =>
      verify(userId(a.email), {
        person: a.email,
        birthDate: `${1975 + i * 4}-${pad(i + 1)}-${pad(10 + i)}`,
        districtCode: a.districtCode,
        residentSince: `${2008 + i * 2}-03-${pad(2 + i)}`,
      }),
    );
  }
  timeline.at(start + 10 * MINUTE, "the first administrator", async () => {
    // Nobody can grant the first administrator's role: like an installer, the seed records it.
    const id = userId("admin@demo.madang");
    await prisma.roleAssignment.create({ data: { userId: id, role: "ADMIN", createdAt: clock.now() } });
    viewers.delete(id);
  });
  timeline.at(start + 15 * MINUTE, "the city's rules", async () => {
    await domain.admin.updateCitySettings(await admin(), { ...CITY, eligibility: {} });
  });
  timeline.at(start + 20 * MINUTE, "the demo staff are appointed", async () => {
    for (const a of data.demoAccounts) {
      if (a.role === "CITIZEN" || a.role === "ADMIN") continue;
      await grant(userId(a.email), a.role, "데모 도시 운영진 지정", a.departmentCode ? departmentId(a.departmentCode) : undefined);
    }
  });

  // Day two: every department that answers a demo proposal gets an officer of its own (the
  // transport division's is the demo officer). Staff accounts are not citizens' accounts:
  // no password, no verification.
  const answering = [
    ...new Set(data.proposals.filter((p) => STAGES.indexOf(p.status as (typeof STAGES)[number]) >= 3).map((p) => p.departmentCode!)),
  ];
  const staffOfficer = (code: string) => `officer.${code}@staff.madang`;
  timeline.at(start + DAY, "department officers are appointed", async () => {
    for (const code of answering) {
      if (code === "transport") continue;
      const department = departments.find((d) => d.code === code)!;
      const user = await prisma.user.create({
        data: { email: staffOfficer(code), displayName: `${department.name} 담당자`, createdAt: clock.now() },
        select: { id: true },
      });
      userIds.set(staffOfficer(code), user.id);
      await grant(user.id, "OFFICER", "부서 담당자 지정", department.id);
    }
  });
  const officerFor = (code: string) => account(code === "transport" ? "officer@demo.madang" : staffOfficer(code));

  // Then the 80 residents join over a few months and verify with their registered address.
  // Their accounts have no password (they never log in), so they are written as sign-up
  // would write them, with the consents it records.
  for (const [i, name] of data.citizenNames.entries()) {
    const joinedAt = anchor - (280 - i) * DAY + Math.floor(rand() * 10) * HOUR;
    const email = residentEmail(i);
    const home = districts[i % districts.length]!;
    timeline.at(joinedAt, `${email} joins`, async () => {
      const now = clock.now();
      const user = await prisma.user.create({
        data: {
          email,
          displayName: name,
          districtId: home.id,
          createdAt: now,
          consents: {
            create: [
              { notice: "privacySignup", version: CONSENT_NOTICES.privacySignup.version, accepted: true, acceptedAt: now },
              { notice: "emailNotifications", version: CONSENT_NOTICES.emailNotifications.version, accepted: false, acceptedAt: now },
            ],
          },
        },
        select: { id: true },
      });
      userIds.set(email, user.id);
      // Someone who just joined: no role, not verified yet — what a session would read for them.
      viewers.set(user.id, {
        id: user.id,
        displayName: name,
        roles: ["CITIZEN"],
        departmentId: null,
        verified: false,
        suspended: false,
        sessionId: "",
      });
    });
    const birthYear = 1950 + (i % 55);
    // Most have lived here for years (since they were grown up at least); every tenth moved in
    // ten months ago, shortly before joining, so a "lived here 12 months" rule leaves them out
    // for now.
    const yearsHere = Math.min(2 + ((i * 7) % 30), new Date(anchor).getUTCFullYear() - birthYear - 18);
    const since = i % 10 === 9 ? joinedAt - (30 + i) * DAY : joinedAt - (yearsHere * 365 + ((i * 37) % 300)) * DAY;
    timeline.at(joinedAt + 7 * MINUTE, `${email} verifies`, () =>
      verify(userId(email), {
        person: email,
        birthDate: `${birthYear}-${pad(1 + ((i * 5) % 12))}-${pad(1 + ((i * 11) % 28))}`,
        districtCode: home.code,
        residentSince: calendarDay(since),
      }),
    );
  }
  const resident = (index: number) => account(residentEmail(index));
  const residentCount = data.citizenNames.length;

  // ── The scheduler ──────────────────────────────────────────────────────────────────────
  const ticks = new Set<number>();
  function tick(at: number) {
    if (ticks.has(at) || at > anchor) return;
    ticks.add(at);
    timeline.at(at, "scheduler", () => domain.scheduler.runOnce("seed", { ttlMs: 1 }));
  }

  // ── Proposals on the board ─────────────────────────────────────────────────────────────
  const proposalIds = new Map<string, number>();
  const proposalId = (title: string) => {
    const id = proposalIds.get(title);
    if (id === undefined) throw new Error(`proposal not posted yet: ${title}`);
    return id;
  };

  /** Comments and replies in order, each at its slot of [from, to): later items later. */
  function planComments(p: data.SeedProposal, during: [number, number], late: [number, number]) {
    const items = p.comments.flatMap((c, parent) => [
      { parent, reply: null, stance: c.stance, body: c.body, late: !!c.late },
      ...(c.replies ?? []).map((r, reply) => ({ parent, reply, stance: r.stance, body: r.body, late: !!(c.late || r.late) })),
    ]);
    const parents = new Map<number, number>();
    for (const [from, to, group] of [
      [...during, items.filter((c) => !c.late)],
      [...late, items.filter((c) => c.late)],
    ] as const) {
      if (group.length > 0 && to - from < group.length * MINUTE) throw new Error(`no time left for the comments on "${p.title}"`);
      group.forEach((c, j) => {
        const at = from + Math.floor(((j + 0.2 + rand() * 0.6) / group.length) * (to - from));
        const who = Math.floor(rand() * residentCount);
        timeline.at(at, `a comment on "${p.title}"`, async () => {
          const parentId = c.reply === null ? undefined : parents.get(c.parent);
          if (c.reply !== null && parentId === undefined) throw new Error("a reply before its comment");
          const posted = await domain.comments.post(await resident(who), {
            proposalId: proposalId(p.title),
            parentId,
            stance: c.stance,
            body: c.body,
          });
          if (c.reply === null) parents.set(c.parent, posted.id);
        });
      });
    }
  }

  /** From the moderator's screening on: 공감, the department's steps, the comments. */
  async function openAndPlay(p: data.SeedProposal, openedAt: number) {
    const id = proposalId(p.title);
    const mod = await moderator();
    if (p.status === "REJECTED") {
      await domain.lifecycle.screen(mod, { proposalId: id, decision: "REJECTED", reason: p.statusNote });
      planComments(p, [openedAt, openedAt], [openedAt + HOUR, anchor - 10 * MINUTE]);
      return;
    }
    await domain.lifecycle.screen(mod, { proposalId: id, decision: "OPEN" });
    // The seed reads what it needs to plan straight from the rows; every write goes through the domain.
    const closesAt = (await prisma.proposal.findUniqueOrThrow({ where: { id }, select: { closesAt: true } })).closesAt.getTime();
    tick(closesAt);
    let last = p.status === "EXPIRED" ? closesAt : openedAt;

    // 공감 from distinct residents other than the author, over the window (or until this morning).
    const supportFrom = openedAt + 10 * MINUTE;
    const supportTo = Math.min(closesAt - MINUTE, anchor - 3 * HOUR);
    const pool = [...Array(residentCount).keys()].filter((i) => i !== p.authorIndex);
    for (let n = 0; n < p.supportCount; n++) {
      const [who] = pool.splice(Math.floor(rand() * pool.length), 1);
      const at = supportFrom + Math.floor(rand() * (supportTo - supportFrom));
      last = Math.max(last, at);
      timeline.at(at, `공감 for "${p.title}"`, async () => void (await domain.proposals.support(await resident(who!), id)));
    }

    const rank = STAGES.indexOf(p.status as (typeof STAGES)[number]);
    const stage = (day: number, label: string, run: () => Promise<unknown>) => {
      const at = openedAt + day * DAY;
      last = Math.max(last, at);
      timeline.at(at, `${label}: "${p.title}"`, run);
    };
    const department = p.departmentCode;
    if (rank >= 2) {
      if (!department) throw new Error(`"${p.title}" has no department to be assigned to`);
      stage(STAGE_DAY.assign, "assigned", async () =>
        domain.lifecycle.assign(await moderator(), { proposalId: id, departmentId: departmentId(department) }),
      );
    }
    if (rank >= 3) {
      const outcome = p.status === "ANSWERED" ? "PARTLY_ADOPTED" : "ADOPTED";
      stage(STAGE_DAY.answer, "answered", async () =>
        domain.lifecycle.answer(await officerFor(department!), { proposalId: id, kind: "FINAL", outcome, body: p.statusNote }),
      );
    }
    if (rank >= 4) {
      if (!p.milestones) throw new Error(`"${p.title}" has no milestones`);
      const [first, second] = p.milestones;
      stage(STAGE_DAY.milestones, "milestones", async () => {
        const officer = await officerFor(department!);
        const now = clock.time;
        await domain.lifecycle.addMilestone(officer, { proposalId: id, title: first, dueAt: new Date(now + 30 * DAY) });
        await domain.lifecycle.addMilestone(officer, { proposalId: id, title: second, dueAt: new Date(now + 90 * DAY) });
      });
      const complete = async (title: string) => {
        const milestone = await prisma.milestone.findFirstOrThrow({ where: { proposalId: id, title }, select: { id: true } });
        await domain.lifecycle.completeMilestone(await officerFor(department!), milestone.id);
      };
      stage(STAGE_DAY.firstDone, "first milestone done", () => complete(first));
      if (rank >= 5) stage(STAGE_DAY.allDone, "last milestone done", () => complete(second));
    }
    planComments(p, [openedAt + 30 * MINUTE, supportTo], [last + HOUR, anchor - 10 * MINUTE]);
  }

  for (const p of data.proposals) {
    const openedAt = anchor - p.openedDaysAgo * DAY - Math.floor(rand() * 8) * HOUR;
    // 제안검토 takes a few hours; the one still in screening was posted this past day.
    const postedAt = p.status === "SCREENING" ? openedAt : openedAt - (2 + Math.floor(rand() * 18)) * HOUR;
    timeline.at(postedAt, `"${p.title}" is posted`, async () => {
      const author = await resident(p.authorIndex);
      const created = await domain.proposals.create(author, {
        title: p.title,
        body: p.body,
        categoryId: categoryId(p.categoryCode),
        districtId: p.districtCode ? districtId(p.districtCode) : undefined,
        estimatedCostKrw: p.estimatedCostKrw ?? undefined,
      });
      proposalIds.set(p.title, created.id);
    });
    if (p.status !== "SCREENING") timeline.at(openedAt, `"${p.title}" is screened`, () => openAndPlay(p, openedAt));
  }

  // ── Rounds, then the story plays to this morning ───────────────────────────────────────
  planDemoRounds({
    domain,
    timeline,
    anchor,
    account,
    resident,
    appoint: async (index, role, reason) => grant((await resident(index)).id, role, reason),
    proposalId,
    categoryId,
    departmentId,
    tick,
  });
  tick(anchor);
  await timeline.play(anchor);

  // The story and the data agree: every proposal reached its stage with its 공감.
  const played = await prisma.proposal.findMany({
    where: { roundId: null },
    select: { title: true, status: true, _count: { select: { supports: true } } },
  });
  for (const p of data.proposals) {
    const row = played.find((r) => r.title === p.title);
    if (row?.status !== p.status || row._count.supports !== p.supportCount) {
      throw new Error(`"${p.title}" ended ${row?.status} with ${row?._count.supports} 공감, not ${p.status} with ${p.supportCount}`);
    }
  }
}
