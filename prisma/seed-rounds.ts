// Demo rounds, written through the domain so they carry the same records (phase history, audit
// log, notifications) a moderator's work would: a city-wide participatory budget taking
// proposals now, and a proposal contest in its review phase for the demo officer and committee.
import type { PrismaClient } from "../app/domain/db.ts";
import { createDomain } from "../app/domain/index.server.ts";
import { defaultPhases } from "../app/domain/rounds/templates.ts";
import type { Role, Viewer } from "../app/domain/viewer.ts";

const DAY = 24 * 3600 * 1000;

async function viewerOf(prisma: PrismaClient, email: string): Promise<NonNullable<Viewer>> {
  const u = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, displayName: true, roles: { select: { role: true, departmentId: true } } } });
  return {
    id: u.id,
    displayName: u.displayName,
    roles: ["CITIZEN", ...u.roles.map((r) => r.role as Role)],
    departmentId: u.roles.find((r) => r.role === "OFFICER")?.departmentId ?? null,
    verified: true,
    suspended: false,
    sessionId: "",
  };
}

export async function seedDemoRounds(prisma: PrismaClient, now: Date) {
  const domain = createDomain({ prisma, clock: { now: () => now } });
  const moderator = await viewerOf(prisma, "moderator@demo.madang");
  const districts = await prisma.district.findMany({ orderBy: { sortOrder: "asc" } });
  const residents = await prisma.user.findMany({ where: { email: { endsWith: "@residents.madang" } }, orderBy: { id: "asc" }, select: { email: true } });
  const emails = residents.map((r) => r.email!);
  const resident = (i: number) => viewerOf(prisma, emails[i % emails.length]!);
  const transport = await prisma.department.findUniqueOrThrow({ where: { code: "transport" } });

  // 1. City-wide participatory budget, taking proposals for another 11 days.
  const pbPhases = defaultPhases("PARTICIPATORY_BUDGET", new Date(now.getTime() - 10 * DAY));
  const pb = await domain.rounds.create(moderator, {
    kind: "PARTICIPATORY_BUDGET",
    title: "2027년 군산시 주민참여예산",
    description:
      "내년 본예산에 반영할 사업을 시민이 직접 제안하고, 부서 검토와 숙의를 거쳐 투표로 정합니다.\n\n" +
      "- 시 전체 트랙 **10억 원**, 읍면동 트랙은 읍면동별 배분액 안에서 정합니다.\n" +
      "- 인건비·경상경비, 여러 해 걸리는 사업, 다른 기관의 사무는 제외됩니다.",
    budgetCapKrw: 2_350_000_000,
    pots: districts.slice(0, 5).map((d) => ({ districtId: d.id, amountKrw: 50_000_000 })),
    phases: pbPhases,
  });
  await domain.rounds.publish(moderator, pb.id);
  const passed = await prisma.proposal.findMany({ where: { status: { in: ["THRESHOLD_REACHED", "ASSIGNED"] } }, orderBy: { id: "asc" }, select: { id: true, departmentId: true } });
  for (const p of passed.slice(0, 3)) await domain.entries.add(moderator, { roundId: pb.id, proposalId: p.id });
  const category = await prisma.category.findUniqueOrThrow({ where: { code: "culture-tourism" } }).catch(() => prisma.category.findFirstOrThrow());
  await domain.entries.submit(await resident(3), pb.id, {
    title: "월명공원 숲속 작은 도서관을 만들어 주세요",
    body: "월명공원 산책로 입구 쉼터를 고쳐 주말에 여는 숲속 작은 도서관으로 쓰면 좋겠습니다. 아이와 어르신이 함께 쉬며 책을 읽을 공간이 부족합니다. 운영은 주민 자원봉사로 하겠습니다.",
    categoryId: category.id,
    estimatedCostKrw: 80_000_000,
  });
  // The round's own debate, with a reply that mentions the person it answers.
  const opening = [
    { who: 5, stance: "PRO", body: "작년 주민참여예산으로 만든 버스 쉼터가 정말 좋았습니다. 생활 밀착형 사업이 많이 뽑히면 좋겠어요." },
    { who: 8, stance: "CON", body: "시 전체 트랙 예산이 10억인데 큰 사업 한두 개에 몰리면 읍면 지역은 소외됩니다. 사업당 상한을 두어야 한다고 생각합니다." },
    { who: 12, stance: "NEUTRAL", body: "투표는 온라인만 하나요? 어르신들을 위해 읍면동 행정복지센터에서도 투표할 수 있으면 좋겠습니다." },
  ] as const;
  const posted = [];
  for (const c of opening) posted.push(await domain.comments.post(await resident(c.who), { roundId: pb.id, stance: c.stance, body: c.body }));
  await domain.comments.post(await resident(15), {
    roundId: pb.id,
    parentId: posted[1]!.id,
    stance: "PRO",
    body: `@${posted[1]!.author.displayName} 공감합니다. 읍면 지역은 이동 거리가 멀기 때문에 배분액을 따로 두는 지금 방식이 필요합니다.`,
  });

  // 2. A proposal contest (우리들의 군산 정책 공모전) in its review and scoring phase.
  const contest = await domain.rounds.create(moderator, {
    kind: "CONTEST",
    title: "우리들의 군산 정책 공모전",
    description:
      "시민 정책 아이디어를 모아 부서 사전검토와 정책심사위원회 심사(창의성·주민편익·경제성·실현가능성)를 거쳐 본선 7~9건을 정하고, 정책장터 현장에서 시민 투표로 순위를 가립니다.",
    phases: defaultPhases("CONTEST", new Date(now.getTime() - 25 * DAY)),
  });
  await domain.rounds.publish(moderator, contest.id);
  const candidates = await prisma.proposal.findMany({ where: { status: { in: ["THRESHOLD_REACHED", "ASSIGNED", "ANSWERED"] } }, orderBy: { id: "desc" }, take: 4, select: { id: true, departmentId: true } });
  const officer = await viewerOf(prisma, "officer@demo.madang");
  for (const [i, p] of candidates.entries()) {
    const entry = await domain.entries.add(moderator, { roundId: contest.id, proposalId: p.id });
    if (!entry.department) await domain.entries.assign(moderator, { entryId: entry.id, departmentId: transport.id });
    if (i === 0) {
      await domain.entries.review(officer, {
        entryId: entry.id,
        verdict: "FEASIBLE_WITH_CHANGES",
        reasons: "관련 조례 개정 없이 추진할 수 있으나, 1단계로 시범 구간을 정해 규모를 줄이는 것이 좋겠습니다.",
        adjustedCostKrw: 120_000_000,
      });
    }
  }
}
