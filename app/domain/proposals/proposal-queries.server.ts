// Reading proposals: the board (list), one proposal with what the viewer can do on it (get),
// the viewer's own (mine), and the front page's numbers (stats).
import { readCitySettings, type CitySettings } from "../catalog/city-settings.server.ts";
import type { Prisma, PrismaClient } from "../db.ts";
import type { CommentReads } from "../debate/comment-reads.server.ts";
import { PUBLIC_COMMENT } from "../debate/comment-visibility.ts";
import type { EligibilityService } from "../eligibility/eligibility.service.server.ts";
import type { EligibilityRulesInput } from "../eligibility/eligibility.ts";
import { AppError, notFound, validationError } from "../errors.ts";
import { parseId } from "../ids.ts";
import { renderMarkdown } from "../markdown.server.ts";
import { allows } from "../rounds/phase-machine.ts";
import type { RoundService } from "../rounds/round.service.server.ts";
import { searchWhere } from "../search/tokens.ts";
import type { Clock, Viewer } from "../viewer.ts";
import { PROGRESS_SELECT } from "./proposal-fields.server.ts";
import { isOpenForSupport } from "./proposal.policy.ts";
import { ZListProposalsInput, type TListProposalsInput } from "./proposal.schema.ts";
import type { ProposalDetail, ProposalPage, ProposalStatus, ProposalSummary, StanceTally } from "./proposal.types.ts";
import { canSeeProposal, publishedProposalWhere, visibleProposalWhere } from "./proposal.visibility.ts";
import { decideViewerCan, needsEligibility, type EligibilityHint, type ViewerCan, type ViewerCanFacts } from "./viewer-can.ts";

export type QueryDeps = {
  prisma: PrismaClient;
  clock: Clock;
  eligibility: Pick<EligibilityService, "explain">;
  /** The pro/con tallies; a proposal's comments themselves are read from the comment service. */
  comments: Pick<CommentReads, "stanceTallies">;
  /** The round a proposal was submitted straight into governs its debate. */
  rounds: Pick<RoundService, "get">;
};

const EXCERPT_LENGTH = 140;

const summarySelect = (viewer: Viewer) =>
  ({
    id: true,
    title: true,
    body: true,
    status: true,
    authorId: true,
    estimatedCostKrw: true,
    viewCount: true,
    openedAt: true,
    closesAt: true,
    createdAt: true,
    category: { select: { id: true, code: true, name: true, nameEn: true } },
    district: { select: { id: true, code: true, name: true, nameEn: true } },
    author: { select: { id: true, displayName: true } },
    // The maintained count (migration 0008), not a count of the rows on every read.
    supportCount: true,
    liveVersion: true,
    _count: { select: { comments: { where: PUBLIC_COMMENT } } },
    supports: { where: { userId: viewer?.id ?? -1 }, select: { userId: true } },
  }) satisfies Prisma.ProposalSelect;

type SummaryRow = Prisma.ProposalGetPayload<{ select: ReturnType<typeof summarySelect> }>;

const detailSelect = (viewer: Viewer) =>
  ({
    ...summarySelect(viewer),
    ...PROGRESS_SELECT,
    commentsLockedAt: true,
    round: { select: { id: true, title: true } },
    entries: { where: { status: { not: "WITHDRAWN" } }, select: { id: true, status: true, round: { select: { id: true, title: true } } } },
    tags: true,
    latitude: true,
    longitude: true,
    updates: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, body: true, createdAt: true } },
    attachments: { orderBy: [{ id: "asc" }], select: { id: true, fileName: true, mimeType: true, size: true, createdAt: true } },
  }) satisfies Prisma.ProposalSelect;

type DetailRow = Prisma.ProposalGetPayload<{ select: ReturnType<typeof detailSelect> }>;

export function createProposalQueries({ prisma, clock, eligibility, comments, rounds }: QueryDeps) {
  const stanceTallies = (ids: number[]) => comments.stanceTallies(ids);

  function toSummary(row: SummaryRow, stance: StanceTally, supportThreshold: number): ProposalSummary {
    const now = clock.now();
    // The excerpt is plain text: markdown marks and tags are dropped, React escapes the rest.
    const flat = row.body
      .replace(/<[^>]*>|[*_`#>[\]]|\]\([^)]*\)/g, "")
      .replace(/\s+/g, " ")
      .trim();
    return {
      id: row.id,
      title: row.title,
      body: row.body,
      excerpt: flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat,
      status: row.status,
      category: row.category,
      district: row.district,
      author: row.author,
      estimatedCostKrw: row.estimatedCostKrw === null ? null : Number(row.estimatedCostKrw),
      supportCount: row.supportCount,
      supportThreshold,
      commentCount: row._count.comments,
      viewCount: row.viewCount,
      stance,
      openedAt: row.openedAt,
      closesAt: row.closesAt,
      createdAt: row.createdAt,
      isOpenForSupport: isOpenForSupport(row, now),
      viewerHasSupported: row.supports.length > 0,
      version: row.liveVersion,
    };
  }

  async function list(viewer: Viewer, rawInput: TListProposalsInput = {}): Promise<ProposalPage> {
    const parsed = ZListProposalsInput.safeParse(rawInput);
    if (!parsed.success) throw validationError(parsed.error);
    const input = parsed.data;
    const now = clock.now();

    // The board lists what is published and not merged unless a stage is asked for, and
    // never what the viewer may not see.
    const stage: Prisma.ProposalWhereInput = input.status
      ? { status: input.status }
      : input.sort === "closing"
        ? { status: { in: ["OPEN", "THRESHOLD_REACHED"] } }
        : { AND: [publishedProposalWhere(), { status: { not: "MERGED" } }] };
    const where: Prisma.ProposalWhereInput = {
      AND: [visibleProposalWhere(viewer), stage, searchWhere(input.q) ?? {}],
      // 마감 임박: only what can still be supported, soonest deadline first.
      ...(input.sort === "closing" ? { closesAt: { gt: now } } : {}),
      // Proposals submitted straight into a round are listed with the round, not on the board.
      roundId: null,
      categoryId: input.categoryId,
      ...(input.cityWide ? { districtId: null } : input.districtId ? { districtId: input.districtId } : {}),
    };
    let orderBy: Prisma.ProposalOrderByWithRelationInput[];
    switch (input.sort) {
      case "newest":
        orderBy = [{ openedAt: "desc" }, { id: "desc" }];
        break;
      case "closing":
        orderBy = [{ closesAt: "asc" }, { id: "asc" }];
        break;
      case "comments":
        orderBy = [{ comments: { _count: "desc" } }, { id: "desc" }];
        break;
      case "views":
        orderBy = [{ viewCount: "desc" }, { id: "desc" }];
        break;
      default:
        orderBy = [{ supportCount: "desc" }, { id: "desc" }];
    }

    const [rows, totalCount, { supportThreshold }] = await Promise.all([
      prisma.proposal.findMany({ where, orderBy, skip: input.offset, take: input.limit, select: summarySelect(viewer) }),
      prisma.proposal.count({ where }),
      readCitySettings(prisma),
    ]);
    const tallies = await stanceTallies(rows.map((r) => r.id));
    return {
      items: rows.map((r) => toSummary(r, tallies.get(r.id)!, supportThreshold)),
      totalCount,
      offset: input.offset,
      limit: input.limit,
    };
  }

  /** The round a proposal was submitted into, as its debate sees it (the phase brought up to date). */
  async function roundDebate(viewer: Viewer, roundId: number) {
    const round = await rounds.get(viewer, roundId);
    return { title: round.title, allowsComment: allows(round.currentPhase, "COMMENT"), eligibility: round.eligibility };
  }

  /**
   * What the viewer can do on each of these proposals (viewer-can.ts decides). Eligibility is
   * looked up only where it decides something, once per set of rules: the city's, or the
   * round's where a round governs the proposal.
   */
  async function viewerCans(viewer: Viewer, rows: DetailRow[], settings: CitySettings): Promise<ViewerCan[]> {
    const now = clock.now();
    const roundIds = [...new Set(rows.flatMap((r) => (r.round ? [r.round.id] : [])))];
    const debates = new Map(await Promise.all(roundIds.map(async (id) => [id, await roundDebate(viewer, id)] as const)));
    const explained = new Map<number | null, Promise<EligibilityHint>>();
    const eligibilityUnder = (roundId: number | null): Promise<EligibilityHint> => {
      let hint = explained.get(roundId);
      if (!hint) {
        const rules: EligibilityRulesInput | null = roundId === null ? null : (debates.get(roundId)?.eligibility ?? null);
        hint = eligibility
          .explain(viewer!, rules, settings)
          .then((e) => ({ eligible: e.eligible, reasons: e.reasons.map(({ key, params }) => ({ key, params })) }));
        explained.set(roundId, hint);
      }
      return hint;
    };
    return Promise.all(
      rows.map(async (row) => {
        const debate = row.round ? debates.get(row.round.id)! : null;
        const facts: ViewerCanFacts = {
          authorId: row.authorId,
          status: row.status,
          closesAt: row.closesAt,
          supportCount: row.supportCount,
          viewerHasSupported: row.supports.length > 0,
          departmentId: row.department?.id ?? null,
          commentsLocked: row.commentsLockedAt !== null,
          round: debate && { title: debate.title, allowsComment: debate.allowsComment },
        };
        const hint = viewer && needsEligibility(viewer, facts, now) ? await eligibilityUnder(row.round?.id ?? null) : null;
        return decideViewerCan(viewer, facts, now, hint);
      }),
    );
  }

  function toDetail(row: DetailRow, stance: StanceTally, settings: CitySettings, viewerCan: ViewerCan): ProposalDetail {
    return {
      ...toSummary(row, stance, settings.supportThreshold),
      bodyHtml: renderMarkdown(row.body),
      department: row.department,
      answerDueAt: row.answerDueAt,
      answerOverdueAt: row.answerOverdueAt,
      answerOutcome: row.answerOutcome,
      answers: row.answers,
      milestones: row.milestones,
      tiersReached: row.tiersReached,
      mergedInto: row.mergedInto,
      directRound: row.round,
      rounds: row.entries.map((e) => ({ entryId: e.id, status: e.status, id: e.round.id, title: e.round.title })),
      timeline: row.statusEvents.map((e) => ({ status: e.status, note: e.note, at: e.createdAt })),
      tags: row.tags,
      latitude: row.latitude,
      longitude: row.longitude,
      updates: row.updates.map((u) => ({ ...u, bodyHtml: renderMarkdown(u.body) })),
      attachments: row.attachments,
      editable: viewerCan.edit,
      viewerCan,
    };
  }

  async function get(viewer: Viewer, rawId: unknown, options: { countView?: boolean } = {}): Promise<ProposalDetail> {
    const id = parseId(rawId);
    if (options.countView) {
      await prisma.proposal.updateMany({ where: { id }, data: { viewCount: { increment: 1 } } });
    }
    const row = await prisma.proposal.findUnique({ where: { id }, select: detailSelect(viewer) });
    if (!row || !canSeeProposal(viewer, row)) throw notFound("errors.proposalNotFound");
    const [tallies, settings] = await Promise.all([stanceTallies([id]), readCitySettings(prisma)]);
    const viewerCan = (await viewerCans(viewer, [row], settings))[0]!;
    return toDetail(row, tallies.get(id)!, settings, viewerCan);
  }

  /**
   * `get` for many proposals at once (a list whose items ask for detail fields), in a constant
   * number of queries (plus one round read per distinct round governing a proposal). The same
   * visibility as `get`: a proposal the viewer may not see, or that does not exist, is absent
   * from the map. Views are not counted.
   */
  async function getMany(viewer: Viewer, rawIds: readonly unknown[]): Promise<Map<number, ProposalDetail>> {
    const ids = [...new Set(rawIds.map((id) => parseId(id)))];
    if (ids.length === 0) return new Map();
    const [found, tallies, settings] = await Promise.all([
      prisma.proposal.findMany({ where: { id: { in: ids } }, select: detailSelect(viewer) }),
      stanceTallies(ids),
      readCitySettings(prisma),
    ]);
    const rows = found.filter((row) => canSeeProposal(viewer, row));
    const can = await viewerCans(viewer, rows, settings);
    return new Map(rows.map((row, i) => [row.id, toDetail(row, tallies.get(row.id)!, settings, can[i]!)]));
  }

  /** The viewer's own proposals in every stage, drafts included, newest first. */
  async function mine(viewer: Viewer): Promise<ProposalSummary[]> {
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.loginRequired");
    const [rows, { supportThreshold }] = await Promise.all([
      prisma.proposal.findMany({
        where: { authorId: viewer.id },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 100,
        select: summarySelect(viewer),
      }),
      readCitySettings(prisma),
    ]);
    const tallies = await stanceTallies(rows.map((r) => r.id));
    return rows.map((r) => toSummary(r, tallies.get(r.id)!, supportThreshold));
  }

  /** Headline numbers for the front page, derived from rows. */
  async function stats() {
    const [byStatus, supports] = await Promise.all([
      prisma.proposal.groupBy({ by: ["status"], _count: { _all: true } }),
      prisma.support.count(),
    ]);
    const count = (...statuses: ProposalStatus[]) =>
      byStatus.filter((g) => statuses.includes(g.status)).reduce((sum, g) => sum + g._count._all, 0);
    return {
      open: count("OPEN"),
      thresholdReached: count("THRESHOLD_REACHED", "ASSIGNED"),
      answered: count("ANSWERED", "IN_PROGRESS", "COMPLETED"),
      supports,
    };
  }

  return { list, get, getMany, mine, stats };
}

export type ProposalQueries = ReturnType<typeof createProposalQueries>;
