-- CreateEnum
CREATE TYPE "AppealOutcome" AS ENUM ('UPHELD', 'REVERSED');

-- CreateEnum
CREATE TYPE "RoundKind" AS ENUM ('CONTEST', 'PARTICIPATORY_BUDGET', 'DELIBERATION_FORUM', 'POLICY_MARKET');

-- CreateEnum
CREATE TYPE "PhaseAction" AS ENUM ('SUBMIT', 'REVIEW', 'COMMENT', 'VOTE', 'RESULTS');

-- CreateEnum
CREATE TYPE "EntrySource" AS ENUM ('MARKETPLACE', 'PROMOTED', 'DIRECT');

-- CreateEnum
CREATE TYPE "EntryStatus" AS ENUM ('SUBMITTED', 'SHORTLISTED', 'EXCLUDED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "FeasibilityVerdict" AS ENUM ('FEASIBLE', 'FEASIBLE_WITH_CHANGES', 'NOT_FEASIBLE');

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "roundId" INTEGER;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "roundId" INTEGER,
ALTER COLUMN "proposalId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "Appeal" (
    "id" SERIAL NOT NULL,
    "commentId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" INTEGER,
    "outcome" "AppealOutcome",
    "response" TEXT,

    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Round" (
    "id" SERIAL NOT NULL,
    "kind" "RoundKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "districtId" INTEGER,
    "budgetCapKrw" BIGINT,
    "eligibility" JSONB,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "currentPhaseId" INTEGER,
    "votingStartedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "commentsLockedAt" TIMESTAMP(3),

    CONSTRAINT "Round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundPhase" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "allows" "PhaseAction"[],

    CONSTRAINT "RoundPhase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundDistrictPot" (
    "roundId" INTEGER NOT NULL,
    "districtId" INTEGER NOT NULL,
    "amountKrw" BIGINT NOT NULL,

    CONSTRAINT "RoundDistrictPot_pkey" PRIMARY KEY ("roundId","districtId")
);

-- CreateTable
CREATE TABLE "RoundPhaseChange" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "fromPhaseId" INTEGER,
    "toPhaseId" INTEGER,
    "cause" TEXT NOT NULL,
    "actorId" INTEGER,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoundPhaseChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundCriterion" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "maxPoints" INTEGER NOT NULL,

    CONSTRAINT "RoundCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundEntry" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "source" "EntrySource" NOT NULL,
    "status" "EntryStatus" NOT NULL DEFAULT 'SUBMITTED',
    "departmentId" INTEGER,
    "addedById" INTEGER,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusChangedAt" TIMESTAMP(3),

    CONSTRAINT "RoundEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EntryReview" (
    "entryId" INTEGER NOT NULL,
    "departmentId" INTEGER,
    "reviewerId" INTEGER NOT NULL,
    "verdict" "FeasibilityVerdict" NOT NULL,
    "reasons" TEXT NOT NULL,
    "adjustedCostKrw" BIGINT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EntryReview_pkey" PRIMARY KEY ("entryId")
);

-- CreateTable
CREATE TABLE "EntryScore" (
    "entryId" INTEGER NOT NULL,
    "criterionId" INTEGER NOT NULL,
    "scorerId" INTEGER NOT NULL,
    "points" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EntryScore_pkey" PRIMARY KEY ("entryId","criterionId","scorerId")
);

-- CreateIndex
CREATE INDEX "Appeal_resolvedAt_createdAt_idx" ON "Appeal"("resolvedAt", "createdAt");

-- CreateIndex
CREATE INDEX "Appeal_commentId_idx" ON "Appeal"("commentId");

-- CreateIndex
CREATE UNIQUE INDEX "Round_currentPhaseId_key" ON "Round"("currentPhaseId");

-- CreateIndex
CREATE INDEX "Round_publishedAt_idx" ON "Round"("publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "RoundPhase_roundId_position_key" ON "RoundPhase"("roundId", "position");

-- CreateIndex
CREATE INDEX "RoundPhaseChange_roundId_createdAt_idx" ON "RoundPhaseChange"("roundId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RoundCriterion_roundId_position_key" ON "RoundCriterion"("roundId", "position");

-- CreateIndex
CREATE INDEX "RoundEntry_roundId_status_idx" ON "RoundEntry"("roundId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RoundEntry_roundId_proposalId_key" ON "RoundEntry"("roundId", "proposalId");

-- CreateIndex
CREATE INDEX "EntryScore_scorerId_idx" ON "EntryScore"("scorerId");

-- CreateIndex
CREATE INDEX "Proposal_roundId_idx" ON "Proposal"("roundId");

-- CreateIndex
CREATE INDEX "Comment_roundId_createdAt_idx" ON "Comment"("roundId", "createdAt");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Round" ADD CONSTRAINT "Round_currentPhaseId_fkey" FOREIGN KEY ("currentPhaseId") REFERENCES "RoundPhase"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundPhase" ADD CONSTRAINT "RoundPhase_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundDistrictPot" ADD CONSTRAINT "RoundDistrictPot_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundDistrictPot" ADD CONSTRAINT "RoundDistrictPot_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundPhaseChange" ADD CONSTRAINT "RoundPhaseChange_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundCriterion" ADD CONSTRAINT "RoundCriterion_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundEntry" ADD CONSTRAINT "RoundEntry_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundEntry" ADD CONSTRAINT "RoundEntry_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundEntry" ADD CONSTRAINT "RoundEntry_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryReview" ADD CONSTRAINT "EntryReview_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "RoundEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryReview" ADD CONSTRAINT "EntryReview_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryReview" ADD CONSTRAINT "EntryReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryScore" ADD CONSTRAINT "EntryScore_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "RoundEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryScore" ADD CONSTRAINT "EntryScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "RoundCriterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EntryScore" ADD CONSTRAINT "EntryScore_scorerId_fkey" FOREIGN KEY ("scorerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A comment belongs to exactly one debate: a proposal's or a round's.
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_one_debate" CHECK (("proposalId" IS NULL) <> ("roundId" IS NULL));

-- Phases run forwards in time; points are never negative.
ALTER TABLE "RoundPhase" ADD CONSTRAINT "RoundPhase_ordered" CHECK ("startsAt" <= "endsAt");
ALTER TABLE "EntryScore" ADD CONSTRAINT "EntryScore_points" CHECK ("points" >= 0);
