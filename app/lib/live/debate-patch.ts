// Applying a pushed debate change to the thread a page shows. Pure. The push carries the comment
// as a public reader sees it; what is the viewer's own (did I react, my appeal) stays from the
// page's copy, and a comment that left public view (held after an edit) stays for its author
// and moderators, who may still see it, marked as held.
import type { ThreadComment } from "../../components/comment-thread.tsx";
import type { CommentChanged } from "../../../realtime/contract.ts";

export type LiveThread = {
  comments: ThreadComment[];
  balance: CommentChanged["balance"];
  locked: boolean;
  commentCount: number;
};

type Viewing = { viewerId: number | null; moderator: boolean; sort: string };

function insert(comments: ThreadComment[], c: ThreadComment, sort: string): ThreadComment[] {
  if (c.parentId === null) {
    // Newest first puts it at the top, after what is pinned; the other orders take it at the end.
    if (sort !== "newest") return [...comments, c];
    const at = comments.findIndex((x) => x.parentId === null && !x.pinned);
    return at === -1 ? [...comments, c] : [...comments.slice(0, at), c, ...comments.slice(at)];
  }
  const root = comments.findIndex((x) => x.id === c.parentId);
  // A reply under a comment the viewer does not see is not shown either (as the thread's loader does).
  if (root === -1) return comments;
  let end = root + 1;
  while (end < comments.length && comments[end]!.parentId === c.parentId) end++;
  return [...comments.slice(0, end), c, ...comments.slice(end)];
}

export function applyCommentChange(thread: LiveThread, e: CommentChanged, viewing: Viewing): LiveThread {
  const next = { ...thread, balance: e.balance, locked: e.locked, commentCount: e.commentCount };
  if (e.commentId === 0) return next;
  const existing = thread.comments.find((c) => c.id === e.commentId);
  if (e.comment) {
    const mine = existing ? { viewerReacted: existing.viewerReacted, appeal: existing.appeal } : { viewerReacted: false, appeal: null };
    const merged: ThreadComment = { ...e.comment, ...mine };
    next.comments = existing
      ? thread.comments.map((c) => (c.id === e.commentId ? merged : c))
      : insert(thread.comments, merged, viewing.sort);
    return next;
  }
  if (!existing) return next;
  if (viewing.moderator || existing.author.id === viewing.viewerId) {
    next.comments = thread.comments.map((c) => (c.id === e.commentId ? { ...c, held: true } : c));
  } else {
    next.comments = thread.comments.filter((c) => c.id !== e.commentId && c.parentId !== e.commentId);
  }
  return next;
}
