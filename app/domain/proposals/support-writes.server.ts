// The SQL of the 공감 hot path: parametrised statements through Prisma's raw queries, so no
// query is compiled per command, and the count comes from the maintained column
// ("Proposal"."supportCount", kept by triggers, migration 0008) instead of counting rows.
// The rules stay in proposal.policy.ts; these statements only re-check, under the row lock,
// the part of them that can change between reading and writing (the stage and the window).
import type { PrismaClient } from "../db.ts";
import type { ProposalStatus } from "./proposal.types.ts";
import { SUPPORTABLE_STATUSES } from "./proposal.policy.ts";

// Times go as UTC wall-clock \`timestamp\` (an ISO string's zone is ignored by the cast), as
// Prisma stores DateTime, so no comparison depends on the session's TimeZone.
// Arrays go as PostgreSQL array literals compared with `= ANY`: a row lock that waits for a
// concurrent update re-checks its WHERE on the new row, and a sub-select there (IN (SELECT …))
// re-checks as false and silently drops the row (seen with a threshold crossing committing
// while a batch waited for the lock).
const OPEN_STATUSES = `{${SUPPORTABLE_STATUSES.join(",")}}`;
const intArray = (ids: Iterable<number>) => `{${[...ids].join(",")}}`;

export type SupportFacts = {
  id: number;
  authorId: number;
  status: ProposalStatus;
  closesAt: Date;
  roundId: number | null;
};

/** What the policy needs of each proposal in a batch: one read for the whole batch. */
export async function readSupportFacts(prisma: PrismaClient, ids: number[]): Promise<Map<number, SupportFacts>> {
  const rows = await prisma.$queryRaw<SupportFacts[]>`
    SELECT id, "authorId", status::text AS status, "closesAt", "roundId"
    FROM "Proposal" WHERE id = ANY(${intArray(ids)}::int[])`;
  return new Map(rows.map((r) => [r.id, r]));
}

export type SupportRow = { proposalId: number; userId: number; at: Date };

export type SupportWritten = {
  /** This row was added (false: the person had already given 공감) */
  inserted: boolean;
  /** The proposal was still open for 공감 under the lock (false: it moved on in between) */
  open: boolean;
  status: ProposalStatus;
  countBefore: number;
  /** The proposal's count once the whole statement committed */
  supportCount: number;
  version: number;
};

type Row = {
  i: number;
  inserted: boolean;
  open: boolean;
  status: ProposalStatus | null;
  before: number | null;
  added: number;
  version: number | null;
};

/**
 * Adds the rows in one autocommitted statement (one round trip), with their follows. The
 * proposals are locked in id order, so concurrent statements (other nodes, withdrawals) queue
 * instead of deadlocking, and the counts they return are exact: the triggers add to the
 * locked row what this statement inserted. The `(proposalId, userId)` key makes a second 공감
 * a no-op; rows must not repeat a key within one call.
 */
export async function insertSupports(prisma: PrismaClient, rows: SupportRow[]): Promise<(SupportWritten | null)[]> {
  const json = JSON.stringify(rows.map((r, i) => ({ i, p: r.proposalId, u: r.userId, t: r.at.toISOString() })));
  const result = await prisma.$queryRaw<Row[]>`
    WITH req AS (
      SELECT r.i, r.p, r.u, r.t FROM json_to_recordset(${json}::json) AS r(i int, p int, u int, t timestamp)
    ),
    target AS (
      SELECT id, status::text AS status, "closesAt", "supportCount", "liveVersion" FROM "Proposal"
      WHERE id = ANY(${intArray(new Set(rows.map((r) => r.proposalId)))}::int[]) AND status::text = ANY(${OPEN_STATUSES}::text[])
      ORDER BY id FOR NO KEY UPDATE
    ),
    ins AS (
      INSERT INTO "Support" ("proposalId", "userId", "createdAt")
      SELECT req.p, req.u, req.t FROM req JOIN target ON target.id = req.p AND target."closesAt" > req.t
      ON CONFLICT DO NOTHING
      RETURNING "proposalId", "userId", "createdAt"
    ),
    followed AS (
      INSERT INTO "Follow" ("proposalId", "userId", "createdAt")
      SELECT "proposalId", "userId", "createdAt" FROM ins
      ON CONFLICT DO NOTHING
    ),
    added AS (SELECT "proposalId", count(*)::int AS n FROM ins GROUP BY "proposalId")
    SELECT req.i,
      (ins."userId" IS NOT NULL) AS inserted,
      (target.id IS NOT NULL AND target."closesAt" > req.t) AS open,
      target.status, target."supportCount" AS before, coalesce(added.n, 0) AS added, target."liveVersion" AS version
    FROM req
    LEFT JOIN target ON target.id = req.p
    LEFT JOIN ins ON ins."proposalId" = req.p AND ins."userId" = req.u
    LEFT JOIN added ON added."proposalId" = req.p`;
  const out: (SupportWritten | null)[] = rows.map(() => null);
  for (const r of result) {
    if (r.status === null || r.before === null || r.version === null) continue; // not open: locked out before the join
    out[r.i] = {
      inserted: r.inserted,
      open: r.open,
      status: r.status,
      countBefore: r.before,
      supportCount: r.before + r.added,
      // The trigger's update of the row makes exactly one newer version when anything was added.
      version: r.added > 0 ? r.version + 1 : r.version,
    };
  }
  return out;
}

export type SupportRemoved = {
  status: ProposalStatus;
  closesAt: Date;
  removed: boolean;
  supportCount: number;
  version: number;
};

/** Withdraws one 공감 in one statement, if the proposal is still open for it; null when the proposal does not exist. */
export async function deleteSupport(prisma: PrismaClient, proposalId: number, userId: number, now: Date): Promise<SupportRemoved | null> {
  const rows = await prisma.$queryRaw<{ status: ProposalStatus; closesAt: Date; before: number; version: number; removed: number }[]>`
    WITH target AS (
      SELECT id, status::text AS status, "closesAt", "supportCount", "liveVersion" FROM "Proposal" WHERE id = ${proposalId} FOR NO KEY UPDATE
    ),
    del AS (
      DELETE FROM "Support" s USING target t
      WHERE s."proposalId" = t.id AND s."userId" = ${userId}
        AND t.status = ANY(${OPEN_STATUSES}::text[]) AND t."closesAt" > ${now.toISOString()}::timestamp
      RETURNING 1
    )
    SELECT status, "closesAt", "supportCount" AS before, "liveVersion" AS version, (SELECT count(*)::int FROM del) AS removed FROM target`;
  const row = rows[0];
  if (!row) return null;
  return {
    status: row.status,
    closesAt: row.closesAt,
    removed: row.removed === 1,
    supportCount: row.before - row.removed,
    version: row.removed === 1 ? row.version + 1 : row.version,
  };
}

export type CountDrift = { id: number; stored: number; counted: number };

/**
 * Recounts every proposal's rows against its maintained count and sets right any that
 * differ (the scheduler's reconcile; there should never be any). A drifted proposal is fixed
 * under its row lock, counting after the lock is held, so a 공감 committing meanwhile is
 * neither lost nor counted twice.
 */
export async function reconcileSupportCounts(prisma: PrismaClient): Promise<CountDrift[]> {
  const drifted = await prisma.$queryRaw<CountDrift[]>`
    SELECT p.id, p."supportCount" AS stored, coalesce(c.n, 0) AS counted
    FROM "Proposal" p LEFT JOIN (SELECT "proposalId", count(*)::int AS n FROM "Support" GROUP BY "proposalId") c ON c."proposalId" = p.id
    WHERE p."supportCount" <> coalesce(c.n, 0) ORDER BY p.id`;
  const fixed: CountDrift[] = [];
  for (const { id } of drifted) {
    const drift = await prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ stored: number }[]>`SELECT "supportCount" AS stored FROM "Proposal" WHERE id = ${id} FOR UPDATE`;
      const [{ counted }] = (await tx.$queryRaw<
        { counted: number }[]
      >`SELECT count(*)::int AS counted FROM "Support" WHERE "proposalId" = ${id}`) as [{ counted: number }];
      if (!row || row.stored === counted) return null;
      await tx.$executeRaw`UPDATE "Proposal" SET "supportCount" = ${counted} WHERE id = ${id}`;
      return { id, stored: row.stored, counted };
    });
    if (drift) fixed.push(drift);
  }
  return fixed;
}
