// The demo rounds, played on the same timeline as the rest of the city: a moderator drafts and
// publishes each round before it starts, the scheduler moves it through its phases, residents
// debate and submit, entries come in, the department reviews and the committee scores. At the
// anchor the 2027 participatory budget is taking proposals (with a live debate) and the
// 우리들의 군산 contest is in department review and committee scoring.
import { defaultPhases } from "../app/domain/rounds/templates.ts";
import type { Story } from "./seed-story.ts";
import { DAY, HOUR } from "./seed-timeline.ts";

/** Board proposals (seed-data.ts) that passed their threshold, brought into each round. */
const BUDGET_ENTRIES = [
  "경암동 철길마을에 공중화장실과 쉼터를 확충해 주세요",
  "나운1동 학원가 어린이 승하차 구역에 불법 주정차 단속카메라를 설치해 주세요",
  "군산국가산업단지 출퇴근 시간 통근버스를 운행해 주세요",
];
const CONTEST_ENTRIES = [
  "해망동 수산물종합센터 주변 주말 주차 혼잡을 해결해 주세요",
  "대야면 어르신을 위한 마을 순회진료와 방문건강관리를 확대해 주세요",
  "군산사랑상품권 앱에 가맹점 검색 기능을 개선하고 구매 한도를 미리 알려 주세요",
  "하제마을 팽나무 보호구역 정비와 방문객 편의시설을 마련해 주세요",
];
/** The resident the administrator appoints to the proposal review committee (위원), besides the demo one. */
const COMMITTEE_MEMBER = 67;

export function planDemoRounds(story: Story) {
  const { domain, timeline, anchor } = story;
  const moderator = () => story.account("moderator@demo.madang");
  /** The scheduler follows each phase change on time. */
  const followPhases = (phases: { startsAt: Date; endsAt: Date }[]) => {
    for (const p of phases) {
      story.tick(p.startsAt.getTime());
      story.tick(p.endsAt.getTime());
    }
  };

  // 1. City-wide participatory budget: drafted two weeks ago, taking proposals since ten days
  //    ago and for another eleven days.
  let budgetId = 0;
  timeline.at(anchor - 14 * DAY, "the 2027 participatory budget is drafted", async () => {
    const districts = await domain.catalog.districts();
    const round = await domain.rounds.create(await moderator(), {
      kind: "PARTICIPATORY_BUDGET",
      title: "2027년 군산시 주민참여예산",
      description:
        "내년 본예산에 반영할 사업을 시민이 직접 제안하고, 부서 검토와 숙의를 거쳐 투표로 정합니다.\n\n" +
        "- 시 전체 트랙 **10억 원**, 읍면동 트랙은 읍면동별 배분액 안에서 정합니다.\n" +
        "- 인건비·경상경비, 여러 해 걸리는 사업, 다른 기관의 사무는 제외됩니다.",
      budgetCapKrw: 2_350_000_000,
      pots: districts.slice(0, 5).map((d) => ({ districtId: d.id, amountKrw: 50_000_000 })),
      phases: defaultPhases("PARTICIPATORY_BUDGET", new Date(anchor - 10 * DAY)),
    });
    budgetId = round.id;
    followPhases(round.phases);
  });
  timeline.at(anchor - 12 * DAY, "the participatory budget is published", async () => domain.rounds.publish(await moderator(), budgetId));

  // Its own debate, with a reply that mentions the person it answers.
  const opening = [
    {
      who: 5,
      day: 9,
      stance: "PRO",
      body: "작년 주민참여예산으로 만든 버스 쉼터가 정말 좋았습니다. 생활 밀착형 사업이 많이 뽑히면 좋겠어요.",
    },
    {
      who: 8,
      day: 8,
      stance: "CON",
      body: "시 전체 트랙 예산이 10억인데 큰 사업 한두 개에 몰리면 읍면 지역은 소외됩니다. 사업당 상한을 두어야 한다고 생각합니다.",
    },
    {
      who: 12,
      day: 6,
      stance: "NEUTRAL",
      body: "투표는 온라인만 하나요? 어르신들을 위해 읍면동 행정복지센터에서도 투표할 수 있으면 좋겠습니다.",
    },
  ] as const;
  const posted: { id: number; author: { displayName: string } }[] = [];
  for (const c of opening) {
    timeline.at(anchor - c.day * DAY + 11 * HOUR, "a comment in the participatory budget", async () => {
      posted.push(await domain.comments.post(await story.resident(c.who), { roundId: budgetId, stance: c.stance, body: c.body }));
    });
  }
  timeline.at(anchor - 5 * DAY + 20 * HOUR, "a reply in the participatory budget", async () => {
    const answered = posted[1]!;
    await domain.comments.post(await story.resident(15), {
      roundId: budgetId,
      parentId: answered.id,
      stance: "PRO",
      body: `@${answered.author.displayName} 공감합니다. 읍면 지역은 이동 거리가 멀기 때문에 배분액을 따로 두는 지금 방식이 필요합니다.`,
    });
  });
  timeline.at(anchor - 4 * DAY + 9 * HOUR, "a resident submits to the participatory budget", async () => {
    await domain.entries.submit(await story.resident(3), budgetId, {
      title: "월명공원 숲속 작은 도서관을 만들어 주세요",
      body: "월명공원 산책로 입구 쉼터를 고쳐 주말에 여는 숲속 작은 도서관으로 쓰면 좋겠습니다. 아이와 어르신이 함께 쉬며 책을 읽을 공간이 부족합니다. 운영은 주민 자원봉사로 하겠습니다.",
      categoryId: story.categoryId("culture-tourism"),
      estimatedCostKrw: 80_000_000,
    });
  });
  timeline.at(anchor - 2 * HOUR, "passed proposals enter the participatory budget", async () => {
    const mod = await moderator();
    for (const title of BUDGET_ENTRIES) await domain.entries.add(mod, { roundId: budgetId, proposalId: story.proposalId(title) });
  });

  // 2. The 우리들의 군산 proposal contest: submissions closed four days ago; now in department
  //    review and committee scoring.
  let contestId = 0;
  let reviewedEntry = 0;
  timeline.at(anchor - 40 * DAY, "a resident joins the review committee", () =>
    story.appoint(COMMITTEE_MEMBER, "COMMITTEE", "정책심사위원 위촉"),
  );
  timeline.at(anchor - 30 * DAY, "the contest is drafted", async () => {
    const round = await domain.rounds.create(await moderator(), {
      kind: "CONTEST",
      title: "우리들의 군산 정책 공모전",
      description:
        "시민 정책 아이디어를 모아 부서 사전검토와 정책심사위원회 심사(창의성·주민편익·경제성·실현가능성)를 거쳐 본선 7~9건을 정하고, 정책장터 현장에서 시민 투표로 순위를 가립니다.",
      phases: defaultPhases("CONTEST", new Date(anchor - 25 * DAY)),
    });
    contestId = round.id;
    followPhases(round.phases);
  });
  timeline.at(anchor - 27 * DAY, "the contest is published", async () => domain.rounds.publish(await moderator(), contestId));
  timeline.at(anchor - 4 * DAY + HOUR, "entries go to department review", async () => {
    const mod = await moderator();
    const transport = story.departmentId("transport");
    for (const [i, title] of CONTEST_ENTRIES.entries()) {
      const entry = await domain.entries.add(mod, { roundId: contestId, proposalId: story.proposalId(title) });
      if (!entry.department) await domain.entries.assign(mod, { entryId: entry.id, departmentId: transport });
      if (i === 0) reviewedEntry = entry.id;
    }
  });
  timeline.at(anchor - DAY + 2 * HOUR, "the transport division reviews an entry", async () => {
    await domain.entries.review(await story.account("officer@demo.madang"), {
      entryId: reviewedEntry,
      verdict: "FEASIBLE_WITH_CHANGES",
      reasons: "관련 조례 개정 없이 추진할 수 있으나, 1단계로 시범 구간을 정해 규모를 줄이는 것이 좋겠습니다.",
      adjustedCostKrw: 15_000_000,
    });
  });
  timeline.at(anchor - 20 * HOUR, "a committee member scores an entry", async () => {
    const { criteria } = await domain.rounds.get(null, contestId);
    const points = [18, 21, 19, 20];
    await domain.entries.score(await story.resident(COMMITTEE_MEMBER), {
      entryId: reviewedEntry,
      scores: criteria.map((c, i) => ({ criterionId: c.id, points: Math.min(c.maxPoints, points[i % points.length]!) })),
    });
  });
}
