-- CreateEnum
CREATE TYPE "AnswerOutcome" AS ENUM ('ADOPTED', 'PARTLY_ADOPTED', 'NOT_ADOPTED');

-- CreateEnum
CREATE TYPE "AnswerKind" AS ENUM ('INTERIM', 'FINAL');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ProposalStatus" ADD VALUE 'DRAFT';
ALTER TYPE "ProposalStatus" ADD VALUE 'REDIRECTED';
ALTER TYPE "ProposalStatus" ADD VALUE 'MERGED';

-- AlterTable
ALTER TABLE "CitySetting" ADD COLUMN     "answerDeadlineDays" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "screeningRequired" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "supportTiers" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Proposal" ADD COLUMN     "answerDueAt" TIMESTAMP(3),
ADD COLUMN     "answerOutcome" "AnswerOutcome",
ADD COLUMN     "answerOverdueAt" TIMESTAMP(3),
ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "longitude" DOUBLE PRECISION,
ADD COLUMN     "mergedIntoId" INTEGER,
ADD COLUMN     "searchTokens" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "ProposalAnswer" (
    "id" SERIAL NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "kind" "AnswerKind" NOT NULL,
    "outcome" "AnswerOutcome",
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" SERIAL NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalTierReached" (
    "proposalId" INTEGER NOT NULL,
    "threshold" INTEGER NOT NULL,
    "consequence" TEXT NOT NULL,
    "reachedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProposalTierReached_pkey" PRIMARY KEY ("proposalId","threshold")
);

-- CreateTable
CREATE TABLE "Follow" (
    "userId" INTEGER NOT NULL,
    "proposalId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("userId","proposalId")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "proposalId" INTEGER,
    "messageKey" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL,
    "lockedBy" TEXT,
    "lockedUntil" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastRunAt" TIMESTAMP(3),

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "ProposalAnswer_proposalId_createdAt_idx" ON "ProposalAnswer"("proposalId", "createdAt");

-- CreateIndex
CREATE INDEX "Milestone_proposalId_idx" ON "Milestone"("proposalId");

-- CreateIndex
CREATE INDEX "Follow_proposalId_idx" ON "Follow"("proposalId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Proposal_status_answerDueAt_idx" ON "Proposal"("status", "answerDueAt");

-- AddForeignKey
ALTER TABLE "Proposal" ADD CONSTRAINT "Proposal_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Proposal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalAnswer" ADD CONSTRAINT "ProposalAnswer_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalAnswer" ADD CONSTRAINT "ProposalAnswer_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalAnswer" ADD CONSTRAINT "ProposalAnswer_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalTierReached" ADD CONSTRAINT "ProposalTierReached_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "Proposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Korean search: a GIN index over the character bigrams of title and body.
CREATE INDEX "Proposal_searchTokens_idx" ON "Proposal" USING GIN ("searchTokens");
