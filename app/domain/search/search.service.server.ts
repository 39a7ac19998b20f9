// Duplicate detection while a citizen types a title ("이미 비슷한 제안이 있어요"), and the
// upkeep of the search index. Candidates come from the GIN index on Proposal.searchTokens
// (any shared bigram), ordered by how many of the typed title's bigrams they hold; the best
// ~200 are then scored in JS by the Dice coefficient over title bigrams (leaving out the
// formulaic "…해 주세요" every title shares).
import { z } from "zod";
import { Prisma, type PrismaClient } from "../db.ts";
import { validationError } from "../errors.ts";
import { zOptionalId } from "../ids.ts";
import type { ProposalStatus } from "../proposals/proposal.types.ts";
import { statusesHiddenFrom, visibleProposalWhere } from "../proposals/proposal.visibility.ts";
import type { Viewer } from "../viewer.ts";
import { searchTokens } from "./tokens.ts";

/** How many suggestions `similar` returns at most. */
export const SIMILAR_LIMIT = 5;
/** How many candidates (by shared bigrams) are scored. */
const CANDIDATES = 200;
/** Below this Dice score two titles only share common syllables ("설치", "주세요"). */
export const MIN_SIMILARITY = 0.2;
/** Bigrams of a typed title taken into account (a title is at most 80 letters). */
const MAX_QUERY_TOKENS = 120;
const REINDEX_BATCH = 200;

/**
 * Bigrams of the formulaic parts of Korean proposal titles ("…해 주세요", "…바랍니다",
 * "…요청/건의/제안"): every title shares them, so they say nothing about the matter.
 */
const FORMULAIC = new Set([
  "주세",
  "세요",
  "해주",
  "바랍",
  "랍니",
  "니다",
  "합니",
  "습니",
  "드립",
  "립니",
  "요청",
  "건의",
  "제안",
  "위한",
  "대한",
  "관한",
  "하여",
  "해서",
  "하는",
  "하기",
]);

/** The bigrams of a title that carry its matter. */
export function titleTokens(title: string): string[] {
  return searchTokens(title).filter((t) => !FORMULAIC.has(t));
}

export const ZSimilarInput = z.object({
  title: z.string({ required_error: "validation.required" }).max(200),
  excludeId: zOptionalId,
});
export type TSimilarInput = z.input<typeof ZSimilarInput>;

export type SimilarProposal = {
  id: number;
  title: string;
  status: ProposalStatus;
  supportCount: number;
  /** Dice coefficient of the title bigrams, 0–1, two decimals */
  score: number;
  /** Set when the match was a proposal merged into this one: the merged proposal's id */
  viaMergedId: number | null;
};

/** Dice coefficient of two sets: 2|A∩B| / (|A|+|B|). */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

type CandidateRow = { id: number; title: string; status: ProposalStatus; mergedIntoId: number | null };

export function createSearchService({ prisma }: { prisma: PrismaClient }) {
  /** Proposals whose titles look like the typed one, among those the viewer may read (proposal.visibility.ts). */
  async function similar(viewer: Viewer, raw: TSimilarInput): Promise<SimilarProposal[]> {
    const parsed = ZSimilarInput.safeParse(raw);
    if (!parsed.success) throw validationError(parsed.error);
    const { title, excludeId } = parsed.data;
    const query = new Set(titleTokens(title).slice(0, MAX_QUERY_TOKENS));
    if (query.size === 0) return [];
    const grams = [...query];
    const viewerId = viewer?.id ?? -1;
    const exclude = excludeId ?? -1;

    const rows = await prisma.$queryRaw<CandidateRow[]>(Prisma.sql`
      SELECT p."id", p."title", p."status"::text AS "status", p."mergedIntoId"
      FROM "Proposal" p
      WHERE p."searchTokens" && ${grams}::text[]
        AND (p."status"::text <> ALL(${statusesHiddenFrom(viewer)}::text[]) OR p."authorId" = ${viewerId})
        AND p."id" <> ${exclude}
      ORDER BY (SELECT count(*) FROM unnest(p."searchTokens") AS t(token) WHERE t.token = ANY(${grams}::text[])) DESC,
               p."id" DESC
      LIMIT ${CANDIDATES}`);

    // Score every candidate; a merged one counts for the proposal it was merged into.
    const best = new Map<number, { score: number; viaMergedId: number | null }>();
    for (const row of rows) {
      const score = dice(query, new Set(titleTokens(row.title)));
      if (score < MIN_SIMILARITY) continue;
      const merged = row.status === "MERGED";
      if (merged && !row.mergedIntoId) continue;
      const id = merged ? row.mergedIntoId! : row.id;
      if (id === excludeId) continue;
      const current = best.get(id);
      if (!current || score > current.score) best.set(id, { score, viaMergedId: merged ? row.id : null });
    }
    if (best.size === 0) return [];

    // Load what the list shows, for the top ones; targets of merges are checked for visibility here.
    const top = [...best.entries()].sort((a, b) => b[1].score - a[1].score || b[0] - a[0]).slice(0, SIMILAR_LIMIT * 3);
    const proposals = await prisma.proposal.findMany({
      where: {
        id: { in: top.map(([id]) => id) },
        status: { not: "MERGED" },
        AND: [visibleProposalWhere(viewer)],
      },
      select: { id: true, title: true, status: true, _count: { select: { supports: true } } },
    });
    const byId = new Map(proposals.map((p) => [p.id, p]));
    const result: SimilarProposal[] = [];
    for (const [id, { score, viaMergedId }] of top) {
      const p = byId.get(id);
      if (!p) continue;
      result.push({
        id,
        title: p.title,
        status: p.status,
        supportCount: p._count.supports,
        score: Math.round(score * 100) / 100,
        viaMergedId,
      });
    }
    return result.sort((a, b) => b.score - a.score || b.supportCount - a.supportCount || b.id - a.id).slice(0, SIMILAR_LIMIT);
  }

  /**
   * Fills searchTokens for proposals that have none (rows written before the column existed,
   * or by a seed that does not set it). Idempotent and cheap when there is nothing to do (one
   * query); call it at server start and after seeding. Returns how many it filled.
   */
  async function reindexMissing(): Promise<number> {
    let filled = 0;
    let afterId = 0;
    for (;;) {
      const batch = await prisma.$queryRaw<{ id: number; title: string; body: string }[]>(Prisma.sql`
        SELECT "id", "title", "body" FROM "Proposal"
        WHERE ("searchTokens" IS NULL OR cardinality("searchTokens") = 0) AND "id" > ${afterId}
        ORDER BY "id" LIMIT ${REINDEX_BATCH}`);
      if (batch.length === 0) return filled;
      afterId = batch[batch.length - 1]!.id;
      // Raw updates: re-indexing is not an edit, so updatedAt stays as it was.
      const tokens = batch.map((p) => ({ id: p.id, tokens: searchTokens(p.title, p.body) })).filter((p) => p.tokens.length > 0);
      if (tokens.length) {
        await prisma.$transaction(
          tokens.map((p) =>
            prisma.$executeRaw(Prisma.sql`
              UPDATE "Proposal" SET "searchTokens" = ${p.tokens}::text[]
              WHERE "id" = ${p.id} AND ("searchTokens" IS NULL OR cardinality("searchTokens") = 0)`),
          ),
        );
      }
      filled += tokens.length;
      if (batch.length < REINDEX_BATCH) return filled;
    }
  }

  return { similar, reindexMissing };
}

export type SearchService = ReturnType<typeof createSearchService>;
