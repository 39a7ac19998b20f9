// Seeds the demo city (Gunsan). Reference data is upserted by code on every run; the demo
// people and proposals are written once, in one transaction, so running it again never
// duplicates anything. `npm run seed` runs it; the server runs it on an empty database.
import { seedDemoRounds } from "./seed-rounds.ts";
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import { hashPassword } from "../app/domain/accounts/password.server.ts";
import { CONSENT_NOTICES } from "../app/domain/accounts/consent.ts";
import type { PrismaClient } from "../app/domain/db.ts";
import { searchTokens } from "../app/domain/search/tokens.ts";
import * as data from "./seed-data.ts";

const DAY = 24 * 60 * 60 * 1000;
const SUPPORT_WINDOW_DAYS = 30;
export const DEMO_MARKER_EMAIL = "citizen@demo.madang";
/** Shared password of the demo accounts (README). Demo data only, never a real city. */
export const DEMO_PASSWORD = "madang-demo-2026";

/** Seeded people count as verified: a made-up DI hash that no real verification can produce. */
const seedDiHash = (email: string) => createHash("sha256").update(`madang-seed-identity:${email}`).digest("hex");

/** Small deterministic generator so the demo looks the same on every machine. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export async function seedReferenceData(prisma: PrismaClient) {
  await prisma.citySetting.upsert({
    where: { id: 1 },
    create: {
      id: 1,
      cityName: "군산시",
      cityNameEn: "Gunsan",
      supportThreshold: 50,
      supportWindowDays: SUPPORT_WINDOW_DAYS,
      // Seoul's tiers: 100 공감 → a deliberation forum, 1,000 → the mayor answers.
      supportTiers: [
        { threshold: 100, consequence: "FORUM" },
        { threshold: 1000, consequence: "MAYOR_ANSWER" },
      ],
    },
    update: {},
  });
  for (const [i, d] of data.districts.entries()) {
    const values = { name: d.name, nameEn: d.nameEn, kind: d.kind, sortOrder: i + 1 };
    await prisma.district.upsert({ where: { code: d.code }, create: { code: d.code, ...values }, update: values });
  }
  for (const [i, d] of data.departments.entries()) {
    const values = { name: d.name, nameEn: d.nameEn, sortOrder: i + 1 };
    await prisma.department.upsert({ where: { code: d.code }, create: { code: d.code, ...values }, update: values });
  }
  for (const [i, c] of data.categories.entries()) {
    const values = { name: c.name, nameEn: c.nameEn, sortOrder: i + 1 };
    await prisma.category.upsert({ where: { code: c.code }, create: { code: c.code, ...values }, update: values });
  }
}

type Timeline = { status: data.SeedProposal["status"] | "THRESHOLD_REACHED"; at: Date; note?: string }[];

function timelineFor(p: data.SeedProposal, openedAt: Date, closesAt: Date, now: Date): Timeline {
  const at = (days: number) => new Date(Math.min(openedAt.getTime() + days * DAY, now.getTime() - 60_000));
  const steps: Timeline = [{ status: "OPEN", at: openedAt }];
  switch (p.status) {
    case "REJECTED":
      return [{ status: "REJECTED", at: at(1), note: p.statusNote }];
    case "EXPIRED":
      return [...steps, { status: "EXPIRED", at: closesAt }];
    case "OPEN":
      return steps;
    case "SCREENING":
      return [{ status: "SCREENING", at: openedAt }];
  }
  steps.push({ status: "THRESHOLD_REACHED", at: at(Math.min(20, Math.max(1, p.openedDaysAgo - 1))) });
  const order = ["ASSIGNED", "ANSWERED", "IN_PROGRESS", "COMPLETED"] as const;
  const last = order.indexOf(p.status as (typeof order)[number]);
  for (let i = 0; i <= last; i++) {
    const status = order[i]!;
    steps.push({ status, at: at(31 + i * 14), note: status === p.status ? p.statusNote : undefined });
  }
  return steps;
}

/** Department answer, outcome and implementation steps that match a seeded proposal's stage. */
function departmentStage(p: data.SeedProposal, timeline: Timeline, now: Date) {
  const at = (status: string) => timeline.find((s) => s.status === status)?.at ?? now;
  const answered = ["ANSWERED", "IN_PROGRESS", "COMPLETED"].includes(p.status);
  // The seeded answers (statusNote) accept the idea in part: 일부 채택, until steps are planned.
  const outcome = p.status === "ANSWERED" ? "PARTLY_ADOPTED" : "ADOPTED";
  const assignedAt = at("ASSIGNED");
  return {
    ...(p.status === "ASSIGNED" || answered ? { answerDueAt: new Date(assignedAt.getTime() + 30 * DAY) } : {}),
    ...(answered ? { answerOutcome: outcome as "ADOPTED" | "PARTLY_ADOPTED" | "NOT_ADOPTED" } : {}),
    milestones:
      p.status === "IN_PROGRESS" || p.status === "COMPLETED"
        ? {
            create: [
              { title: "실시 설계와 예산 확보", dueAt: new Date(at("IN_PROGRESS").getTime() + 30 * DAY), completedAt: at("IN_PROGRESS") },
              { title: "공사·사업 시행", dueAt: new Date(at("IN_PROGRESS").getTime() + 90 * DAY), completedAt: p.status === "COMPLETED" ? at("COMPLETED") : null },
            ],
          }
        : undefined,
  };
}

export async function seedDemoContent(prisma: PrismaClient, now = new Date()) {
  const [districts, departments, categories] = await Promise.all([
    prisma.district.findMany(),
    prisma.department.findMany(),
    prisma.category.findMany(),
  ]);
  const districtId = (code: string | null | undefined) => (code ? districts.find((d) => d.code === code)!.id : null);
  const departmentId = (code: string | null | undefined) => (code ? departments.find((d) => d.code === code)!.id : null);
  const categoryId = (code: string) => categories.find((c) => c.code === code)!.id;
  const rand = random(20240706); // the first 우리들의 군산 policy market

  await prisma.$transaction(
    async (tx) => {
      const demoPasswordHash = await hashPassword(DEMO_PASSWORD);
      for (const [i, a] of data.demoAccounts.entries()) {
        await tx.user.create({
          data: {
            email: a.email,
            displayName: a.displayName,
            passwordHash: demoPasswordHash,
            districtId: districtId(a.districtCode),
            createdAt: new Date(now.getTime() - 240 * DAY),
            roles: a.role === "CITIZEN" ? undefined : { create: { role: a.role, departmentId: departmentId(a.departmentCode) } },
            identity: {
              create: { provider: "seed", diHash: seedDiHash(a.email), birthYear: 1975 + i * 4, birthDate: new Date(Date.UTC(1975 + i * 4, i, 10 + i)) },
            },
            affiliations: { create: { kind: "RESIDENT", districtId: districtId(a.districtCode), source: "PROVIDER", status: "CONFIRMED" } },
            consents: {
              create: [
                { notice: "privacySignup", version: CONSENT_NOTICES.privacySignup.version, accepted: true },
                { notice: "emailNotifications", version: CONSENT_NOTICES.emailNotifications.version, accepted: false },
              ],
            },
          },
        });
      }
      // Each department answers through an officer; 교통행정과's is the demo officer.
      const officers = new Map<number, number>();
      const officerFor = async (deptId: number) => {
        if (!officers.has(deptId)) {
          const dept = departments.find((d) => d.id === deptId)!;
          const demo = await tx.roleAssignment.findFirst({ where: { role: "OFFICER", departmentId: deptId }, select: { userId: true } });
          const userId =
            demo?.userId ??
            (
              await tx.user.create({
                data: {
                  email: `officer.${dept.code}@staff.madang`,
                  displayName: `${dept.name} 담당자`,
                  roles: { create: { role: "OFFICER", departmentId: deptId } },
                },
              })
            ).id;
          officers.set(deptId, userId);
        }
        return officers.get(deptId)!;
      };
      const residents = [];
      for (const [i, name] of data.citizenNames.entries()) {
        const email = `resident${String(i + 1).padStart(2, "0")}@residents.madang`;
        const home = districts[i % districts.length]!.id;
        residents.push(
          await tx.user.create({
            data: {
              email,
              displayName: name,
              districtId: home,
              createdAt: new Date(now.getTime() - (200 + i) * DAY),
              identity: { create: { provider: "seed", diHash: seedDiHash(email), birthYear: 1950 + (i % 55) } },
              affiliations: { create: { kind: "RESIDENT", districtId: home, source: "PROVIDER", status: "CONFIRMED" } },
            },
            select: { id: true },
          }),
        );
      }

      for (const p of data.proposals) {
        const openedAt = new Date(now.getTime() - p.openedDaysAgo * DAY - Math.floor(rand() * 8) * 3600_000);
        const closesAt = new Date(openedAt.getTime() + SUPPORT_WINDOW_DAYS * DAY);
        const author = residents[p.authorIndex]!;
        const timeline = timelineFor(p, openedAt, closesAt, now);
        const proposal = await tx.proposal.create({
          data: {
            title: p.title,
            body: p.body,
            authorId: author.id,
            categoryId: categoryId(p.categoryCode),
            districtId: districtId(p.districtCode),
            departmentId: departmentId(p.departmentCode),
            estimatedCostKrw: p.estimatedCostKrw === null ? null : BigInt(p.estimatedCostKrw),
            status: p.status,
            openedAt,
            closesAt,
            createdAt: openedAt,
            viewCount: p.supportCount * 4 + Math.floor(rand() * 120),
            searchTokens: searchTokens(p.title, p.body),
            statusEvents: { create: timeline.map((s) => ({ status: s.status, note: s.note ?? null, createdAt: s.at })) },
            ...departmentStage(p, timeline, now),
          },
        });

        // Supporters: distinct residents other than the author, spread over the window.
        const pool = residents.filter((r) => r.id !== author.id);
        const supportEnd = Math.min(closesAt.getTime(), now.getTime()) - openedAt.getTime();
        const supporters = [];
        for (let i = 0; i < p.supportCount && pool.length; i++) {
          const [picked] = pool.splice(Math.floor(rand() * pool.length), 1);
          supporters.push({
            proposalId: proposal.id,
            userId: picked!.id,
            createdAt: new Date(openedAt.getTime() + Math.floor(rand() * supportEnd)),
          });
        }
        await tx.support.createMany({ data: supporters });
        if (["ANSWERED", "IN_PROGRESS", "COMPLETED"].includes(p.status) && proposal.departmentId && proposal.answerOutcome) {
          await tx.proposalAnswer.create({
            data: {
              proposalId: proposal.id,
              departmentId: proposal.departmentId,
              authorId: await officerFor(proposal.departmentId),
              kind: "FINAL",
              outcome: proposal.answerOutcome,
              body: p.statusNote ?? "검토 결과를 알려 드립니다.",
              createdAt: timeline.find((t) => t.status === "ANSWERED")?.at ?? now,
            },
          });
        }
        // The proposer and supporters follow it, as they would have when they acted.
        await tx.follow.createMany({ data: [{ proposalId: proposal.id, userId: author.id }, ...supporters.map((s) => ({ proposalId: proposal.id, userId: s.userId }))], skipDuplicates: true });

        let minute = 30;
        const nextTime = () => new Date(Math.min(openedAt.getTime() + (minute += 47 + Math.floor(rand() * 600)) * 60_000, now.getTime()));
        for (const c of p.comments) {
          const commenter = residents[Math.floor(rand() * residents.length)]!;
          const parent = await tx.comment.create({
            data: { proposalId: proposal.id, authorId: commenter.id, stance: c.stance, body: c.body, createdAt: nextTime() },
          });
          for (const r of c.replies ?? []) {
            const replier = residents[Math.floor(rand() * residents.length)]!;
            await tx.comment.create({
              data: { proposalId: proposal.id, authorId: replier.id, parentId: parent.id, stance: r.stance, body: r.body, createdAt: nextTime() },
            });
          }
        }
      }
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/** Seeds what is missing. Returns whether demo content was written this time. */
export async function seedDemoCity(prisma: PrismaClient, now = new Date()): Promise<boolean> {
  await seedReferenceData(prisma);
  const seeded = await prisma.user.findUnique({ where: { email: DEMO_MARKER_EMAIL }, select: { id: true } });
  if (seeded) return false;
  await seedDemoContent(prisma, now);
  await seedDemoRounds(prisma, now);
  return true;
}

// `npm run seed`: the same database the server would open.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { loadConfig } = await import("../app/config.server.ts");
  const { openConfiguredDatabase } = await import("../app/db/open-configured.server.ts");
  const config = loadConfig();
  const db = await openConfiguredDatabase(config);
  try {
    await db.migrate();
    const wrote = await seedDemoCity(db.prisma);
    console.log(wrote ? "Seeded the demo city (군산시)." : "Demo city already seeded: reference data refreshed, nothing duplicated.");
  } finally {
    await db.close();
  }
}
