-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "liveVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "supportCount" INTEGER NOT NULL DEFAULT 0;

-- Issue 12: the 공감 count is a column kept equal to the Support rows, so no command counts
-- all rows. Statement-level triggers (one UPDATE per proposal per statement, however many rows)
-- keep it exact in the same transaction for every writer: a 공감 batch, a withdrawal, a merge, a
-- deleted account. The scheduler's reconcile job recounts and reports any drift.
UPDATE "Proposal" p SET "supportCount" = c.n
FROM (SELECT "proposalId", count(*)::int AS n FROM "Support" GROUP BY "proposalId") c
WHERE p.id = c."proposalId";

CREATE FUNCTION madang_support_count_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Proposal" p SET "supportCount" = p."supportCount" + d.n
  FROM (SELECT "proposalId", count(*)::int AS n FROM added GROUP BY "proposalId") d
  WHERE p.id = d."proposalId";
  RETURN NULL;
END $$;

CREATE FUNCTION madang_support_count_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Proposal" p SET "supportCount" = p."supportCount" - d.n
  FROM (SELECT "proposalId", count(*)::int AS n FROM removed GROUP BY "proposalId") d
  WHERE p.id = d."proposalId";
  RETURN NULL;
END $$;

CREATE TRIGGER support_count_added AFTER INSERT ON "Support"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION madang_support_count_added();
CREATE TRIGGER support_count_removed AFTER DELETE ON "Support"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION madang_support_count_removed();
-- A row moved to another proposal: out of the old one's count, into the new one's.
CREATE TRIGGER support_count_moved_out AFTER UPDATE ON "Support"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION madang_support_count_removed();
CREATE TRIGGER support_count_moved_in AFTER UPDATE ON "Support"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION madang_support_count_added();

-- Every update of a proposal (a count, a status, an answer's outcome) makes a newer version,
-- unless the statement sets the version itself.
CREATE FUNCTION madang_proposal_live_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."liveVersion" = OLD."liveVersion" THEN
    NEW."liveVersion" := OLD."liveVersion" + 1;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER proposal_live_version BEFORE UPDATE ON "Proposal"
  FOR EACH ROW EXECUTE FUNCTION madang_proposal_live_version();
