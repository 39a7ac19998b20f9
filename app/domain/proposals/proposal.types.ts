// Shapes the domain returns. Remix, GraphQL and socket.io all render these, so a proposal
// looks the same on every edge.
import type { ViewerCan } from "./viewer-can.ts";

export const PROPOSAL_STATUSES = [
  "DRAFT",
  "SCREENING",
  "OPEN",
  "THRESHOLD_REACHED",
  "ASSIGNED",
  "ANSWERED",
  "IN_PROGRESS",
  "COMPLETED",
  "REJECTED",
  "REDIRECTED",
  "EXPIRED",
  "MERGED",
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_SORTS = ["support", "newest", "closing", "comments", "views"] as const;
export type ProposalSort = (typeof PROPOSAL_SORTS)[number];

export type Stance = "PRO" | "CON" | "NEUTRAL";

export type NamedRef = { id: number; code: string; name: string; nameEn: string };

export type StanceTally = { pro: number; con: number; neutral: number };

export type ProposalSummary = {
  id: number;
  title: string;
  /** plain text; paragraphs separated by blank lines */
  body: string;
  excerpt: string;
  status: ProposalStatus;
  category: NamedRef;
  /** null = city-wide */
  district: NamedRef | null;
  author: { id: number; displayName: string };
  estimatedCostKrw: number | null;
  supportCount: number;
  supportThreshold: number;
  commentCount: number;
  viewCount: number;
  stance: StanceTally;
  openedAt: Date;
  closesAt: Date;
  createdAt: Date;
  /** true while 공감 can still be given (open window, supportable status) */
  isOpenForSupport: boolean;
  viewerHasSupported: boolean;
  /** Proposal.liveVersion of this read: a live page applies only pushes newer than it */
  version: number;
};

export type ProposalDetail = ProposalSummary & {
  /** The body rendered from markdown and sanitized: safe to insert as HTML. */
  bodyHtml: string;
  department: NamedRef | null;
  timeline: { status: ProposalStatus; note: string | null; at: Date }[];
  /** When the department's answer is due, and when it was flagged as overdue. */
  answerDueAt: Date | null;
  answerOverdueAt: Date | null;
  answerOutcome: "ADOPTED" | "PARTLY_ADOPTED" | "NOT_ADOPTED" | null;
  answers: {
    id: number;
    kind: "INTERIM" | "FINAL";
    outcome: "ADOPTED" | "PARTLY_ADOPTED" | "NOT_ADOPTED" | null;
    body: string;
    createdAt: Date;
    department: { name: string; nameEn: string };
  }[];
  milestones: { id: number; title: string; dueAt: Date | null; completedAt: Date | null }[];
  tiersReached: { threshold: number; consequence: string; reachedAt: Date }[];
  /** Where a merged proposal went. */
  mergedInto: { id: number; title: string } | null;
  /** Submitted straight into this round: its debate and 공감 follow the round. */
  directRound: { id: number; title: string } | null;
  /** Rounds it takes part in, with the entry's status in each. */
  rounds: { entryId: number; status: "SUBMITTED" | "SHORTLISTED" | "EXCLUDED" | "WITHDRAWN"; id: number; title: string }[];
  /** 1–5 short tags */
  tags: string[];
  /** Optional map point (WGS84), both or neither. */
  latitude: number | null;
  longitude: number | null;
  /** Additions by the author after the proposal was locked by its first 공감. */
  updates: { id: number; body: string; bodyHtml: string; createdAt: Date }[];
  attachments: ProposalAttachment[];
  /** The viewer is the author and may still edit (no 공감 yet, in screening or open): viewerCan.edit. */
  editable: boolean;
  /** What the viewer can do on it, and why not (viewer-can.ts). */
  viewerCan: ViewerCan;
};

export type ProposalAttachment = { id: number; fileName: string; mimeType: string; size: number; createdAt: Date };

export type ProposalPage = { items: ProposalSummary[]; totalCount: number; offset: number; limit: number };

export type SupportResult = {
  proposalId: number;
  supportCount: number;
  supported: boolean;
  status: ProposalStatus;
  /** false when the call changed nothing (already supported / not supported) */
  changed: boolean;
  /** The proposal's liveVersion with this count: a page keeps the newest of acks and pushes */
  version: number;
};

/** What reaching an extra support tier leads to. */
export const SUPPORT_TIER_CONSEQUENCES = ["DEPARTMENT_ANSWER", "FORUM", "MAYOR_ANSWER"] as const;
export type SupportTierConsequence = (typeof SUPPORT_TIER_CONSEQUENCES)[number];
