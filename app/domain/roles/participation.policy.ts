// What a person may still do while their account is suspended (이용 정지): the one rule every
// write in the domain asks, by naming what it does. Pure; the services enforce it, UIs use it
// as a hint.
//
// A suspended person keeps their own account and what they read: they may read, follow and
// unfollow proposals, mark their notifications read, download and delete their data, log out,
// and manage their account's security (password, sessions, identity verification). Everything
// else either changes what others see — proposing, 공감 and taking it back, commenting,
// editing, reacting, reporting, appealing, declaring an affiliation, entering a round, voting — or is
// staff work (moderation, screening, department answers, reviews, scores, administration),
// and waits until the suspension ends.
import { AppError } from "../errors.ts";
import type { Viewer } from "../viewer.ts";

/** Writes a suspended person may still make. */
export const KEPT_WHILE_SUSPENDED = [
  "proposal.follow",
  "notifications.markRead",
  "account.exportData",
  "account.delete",
  "account.logOut",
  "account.security",
  "identity.verify",
] as const;

/** Every other write, refused while suspended. */
export const PARTICIPATION = [
  // Proposals and 공감
  "proposal.create",
  "proposal.submitDraft",
  "proposal.edit",
  "proposal.addUpdate",
  "proposal.attach",
  "proposal.support",
  "proposal.withdrawSupport",
  // Debate
  "comment.post",
  "comment.edit",
  "comment.react",
  "comment.report",
  "comment.appeal",
  // Who one is in the city
  "affiliation.declare",
  // Rounds
  "round.submitEntry",
  "round.withdrawEntry",
  "round.vote",
  // Staff work: a suspended moderator, officer, committee member or admin does none of it.
  "comment.moderate",
  "proposal.screen",
  "proposal.assign",
  "proposal.merge",
  "department.answer",
  "department.milestone",
  "affiliation.review",
  "round.manage",
  "round.review",
  "round.score",
  "admin.roles",
  "admin.suspend",
  "admin.sessions",
  "admin.city",
] as const;

export type Action = (typeof KEPT_WHILE_SUSPENDED)[number] | (typeof PARTICIPATION)[number];

export type PolicyResult = { ok: true } | { ok: false; code: "UNAUTHENTICATED" | "FORBIDDEN" | "CONFLICT"; key: string };

const kept: ReadonlySet<Action> = new Set(KEPT_WHILE_SUSPENDED);

/** Whether a suspended person may still do this. */
export function allowedWhileSuspended(action: Action): boolean {
  return kept.has(action);
}

/** Whether this viewer may attempt this write at all: signed in, and not suspended unless the write is one they keep. */
export function canAct(viewer: Viewer, action: Action): PolicyResult {
  if (!viewer) return { ok: false, code: "UNAUTHENTICATED", key: "errors.loginRequired" };
  if (viewer.suspended && !allowedWhileSuspended(action)) return { ok: false, code: "FORBIDDEN", key: "errors.suspended" };
  return { ok: true };
}

/** canAct, enforced: throws the AppError, or narrows `viewer` to the signed-in person. */
export function assertActor(viewer: Viewer, action: Action): asserts viewer is NonNullable<Viewer> {
  const allowed = canAct(viewer, action);
  if (!allowed.ok) throw new AppError(allowed.code, allowed.key);
}

/** canAct, enforced: the signed-in viewer, or an AppError. */
export function requireActor(viewer: Viewer, action: Action): NonNullable<Viewer> {
  assertActor(viewer, action);
  return viewer;
}
