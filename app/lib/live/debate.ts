// A debate kept live on its page (a proposal's or a round's): each push patches the thread, the
// pro/con tally and the count; an older push than the page shows is dropped. The page's room
// (proposal:watch / round:watch) brings the pushes.
import { useEffect, useRef, useState } from "react";
import type { CommentChanged } from "../../../realtime/contract.ts";
import { applyCommentChange, type LiveThread } from "./debate-patch.ts";
import { getSocket } from "./socket.client.ts";
import { useVersions } from "./versions.ts";

type Target = { proposalId: number } | { roundId: number };

/**
 * `loaded` is the loader's thread (and `commentCount` its count): new loader data, after the
 * viewer's own action, replaces the patched copy.
 */
export function useLiveDebate(
  target: Target,
  loaded: Omit<LiveThread, "commentCount">,
  commentCount: number,
  viewing: { viewerId: number | null; moderator: boolean; sort: string },
) {
  const [thread, setThread] = useState<LiveThread>({ ...loaded, commentCount });
  const versions = useVersions();
  const latest = useRef({ viewing, commentCount });
  latest.current = { viewing, commentCount };
  useEffect(() => setThread({ ...loaded, commentCount: latest.current.commentCount }), [loaded]);

  const key = "roundId" in target ? `round:${target.roundId}` : `proposal:${target.proposalId}`;
  useEffect(() => {
    const socket = getSocket();
    const onComment = (e: CommentChanged) => {
      const at = e.roundId ? `round:${e.roundId}` : `proposal:${e.proposalId}`;
      if (at !== key || !versions.accept(`debate:${at}`, e.version)) return;
      setThread((prev) => applyCommentChange(prev, e, latest.current.viewing));
    };
    socket.on("comment:changed", onComment);
    return () => void socket.off("comment:changed", onComment);
  }, [key, versions]);

  return thread;
}
