// Who may read a comment: the one rule every reader of comments applies (comment-reads.server.ts),
// whatever the edge — pages, GraphQL, socket pushes, the own-data download. Pure.
//
// - A comment held by the banned-word filter is listed, with its text, to its author and to
//   moderators only; nobody else learns it exists until a moderator releases it.
// - A comment a moderator hid keeps its place in the debate as a placeholder with the reason;
//   its text is sent to nobody there. Moderators read it in the moderation queue, its author
//   in the own-data download.
// - Public figures (the pro/con balance, comment counts, deliberation quality) count only
//   comments that are neither hidden nor held.
import type { Prisma } from "../db.ts";
import { isModerator } from "../roles/roles.policy.ts";
import type { Viewer } from "../viewer.ts";

export type CommentState = { authorId: number; hiddenAt: Date | null; heldAt: Date | null };

/** Its author, or a moderator: the people who may see a comment while it is held or hidden. */
export function isAuthorOrModerator(viewer: Viewer, comment: Pick<CommentState, "authorId">): boolean {
  return !!viewer && (viewer.id === comment.authorId || isModerator(viewer));
}

/** Whether the comment shows up at all for this viewer (a hidden one does, as a placeholder). */
export function isListedTo(viewer: Viewer, comment: CommentState): boolean {
  return comment.heldAt === null || isAuthorOrModerator(viewer, comment);
}

/** Whether the comment's text may be sent to this viewer in a debate. */
export function mayReadText(viewer: Viewer, comment: CommentState): boolean {
  return comment.hiddenAt === null && isListedTo(viewer, comment);
}

/** The database form of isListedTo, for queries that list a debate. */
export function listedToWhere(viewer: Viewer): Prisma.CommentWhereInput {
  if (isModerator(viewer)) return {};
  return { OR: [{ heldAt: null }, ...(viewer ? [{ authorId: viewer.id }] : [])] };
}

/** Comments that count in public figures: neither hidden nor held. */
export const PUBLIC_COMMENT = { hiddenAt: null, heldAt: null } as const satisfies Prisma.CommentWhereInput;
