// The debate under a proposal: write with a stance, reply (two levels), react, edit with
// history, report; moderators pin, hide with a reason (a placeholder stays) and release held
// comments. New comments arrive live; a polite live region announces them.
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "../i18n/i18n.ts";
import type { LocalizedError } from "../i18n/errors.ts";
import { formatDateTime } from "../lib/format.ts";

export type ThreadComment = {
  id: number;
  parentId: number | null;
  author: { id: number; displayName: string };
  stance: "PRO" | "CON" | "NEUTRAL";
  bodyHtml: string;
  createdAt: string;
  editedAt: string | null;
  pinned: boolean;
  hidden: { reason: string; at: string } | null;
  held: boolean;
  reactions: number;
  viewerReacted: boolean;
};

type ActionData = { ok: true } | { error: LocalizedError };
const stanceStyle = { PRO: "bg-brand-50 text-brand-800", CON: "bg-clay-50 text-clay-700", NEUTRAL: "bg-stone-100 text-stone-600" } as const;

function useCommentAction(proposalId: number) {
  const fetcher = useFetcher<ActionData>();
  const error = fetcher.data && "error" in fetcher.data ? fetcher.data.error : null;
  return { fetcher, error, action: `/proposals/${proposalId}/comments`, busy: fetcher.state !== "idle" };
}

function CommentForm({ proposalId, parentId, onDone }: { proposalId: number; parentId?: number; onDone?: () => void }) {
  const { t } = useTranslation();
  const { fetcher, error, action, busy } = useCommentAction(proposalId);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data && "ok" in fetcher.data) {
      form.current?.reset();
      onDone?.();
    }
  }, [fetcher.state, fetcher.data, onDone]);
  const issue = (path: string) => error?.issues?.find((i) => i.path === path)?.message;
  const bodyId = `comment-body-${parentId ?? "new"}`;
  return (
    <fetcher.Form ref={form} method="post" action={action} className="card space-y-3 p-4">
      <input type="hidden" name="intent" value="post" />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <fieldset className="flex flex-wrap gap-3 text-sm">
        <legend className="sr-only">{t("debate.stance")}</legend>
        {(["PRO", "CON", "NEUTRAL"] as const).map((s) => (
          <label key={s} className="inline-flex items-center gap-1.5">
            <input type="radio" name="stance" value={s} defaultChecked={s === "NEUTRAL"} /> {t(`proposal.${s.toLowerCase()}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={bodyId} className="sr-only">
        {parentId ? t("debate.reply") : t("debate.write")}
      </label>
      <textarea id={bodyId} name="body" rows={parentId ? 2 : 3} className="field-input" placeholder={t("debate.placeholder")} aria-invalid={issue("body") ? true : undefined} />
      {issue("body") ? <p className="field-error">{issue("body")}</p> : null}
      {error && !issue("body") ? (
        <p role="alert" className="text-sm font-medium text-red-600">
          {error.message}
        </p>
      ) : null}
      <button type="submit" className="btn-primary" disabled={busy}>
        {parentId ? t("debate.reply") : t("debate.submit")}
      </button>
    </fetcher.Form>
  );
}

function CommentItem({ c, proposalId, viewerId, moderator, locked, lng }: { c: ThreadComment; proposalId: number; viewerId: number | null; moderator: boolean; locked: boolean; lng: Language }) {
  const { t } = useTranslation();
  const { fetcher, error, action, busy } = useCommentAction(proposalId);
  const [mode, setMode] = useState<null | "reply" | "edit" | "report" | "hide">(null);
  const own = viewerId === c.author.id;
  const small = "rounded-lg px-2 py-1 text-xs font-semibold text-stone-600 hover:bg-stone-100";
  return (
    <article id={`comment-${c.id}`} className={`${c.parentId ? "border-l-2 border-stone-200 pl-4" : "card p-4"} ${c.pinned ? "ring-2 ring-amber-300" : ""}`} data-testid="comment" data-comment-id={c.id}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {c.parentId ? <span className="text-stone-400" aria-hidden="true">↳</span> : null}
        {c.pinned ? <span className="chip bg-amber-100 text-amber-900">{t("debate.pinned")}</span> : null}
        <span className={`chip ${stanceStyle[c.stance]}`}>{t(`proposal.${c.stance.toLowerCase()}`)}</span>
        <span className="font-semibold">{c.author.displayName}</span>
        <span className="text-stone-500">{formatDateTime(c.createdAt, lng)}</span>
        {c.editedAt ? <span className="text-xs text-stone-500">({t("debate.edited")})</span> : null}
      </div>
      {c.hidden ? (
        <p className="mt-2 rounded-lg bg-stone-100 px-3 py-2 text-sm text-stone-600" data-testid="hidden-placeholder">
          {t("debate.hiddenPlaceholder", { reason: c.hidden.reason })}
        </p>
      ) : (
        <>
          {c.held ? <p className="mt-2 text-xs font-semibold text-amber-800">{t("debate.held")}</p> : null}
          <div className="prose-madang mt-2 text-stone-800" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
        </>
      )}
      {!c.hidden ? (
        <div className="mt-2 flex flex-wrap gap-1">
          <fetcher.Form method="post" action={action}>
            <input type="hidden" name="intent" value={c.viewerReacted ? "unreact" : "react"} />
            <input type="hidden" name="commentId" value={c.id} />
            <button type="submit" className={small} disabled={busy || own || viewerId === null} aria-pressed={c.viewerReacted}>
              {t("debate.agree")} {c.reactions}
            </button>
          </fetcher.Form>
          {viewerId !== null && !locked && !c.parentId ? (
            <button type="button" className={small} onClick={() => setMode(mode === "reply" ? null : "reply")}>
              {t("debate.reply")}
            </button>
          ) : null}
          {own && !locked ? (
            <button type="button" className={small} onClick={() => setMode(mode === "edit" ? null : "edit")}>
              {t("debate.edit")}
            </button>
          ) : null}
          {viewerId !== null && !own ? (
            <button type="button" className={small} onClick={() => setMode(mode === "report" ? null : "report")}>
              {t("debate.report")}
            </button>
          ) : null}
          {moderator ? (
            <>
              <fetcher.Form method="post" action={action}>
                <input type="hidden" name="intent" value={c.pinned ? "unpin" : "pin"} />
                <input type="hidden" name="commentId" value={c.id} />
                <button type="submit" className={small}>
                  {c.pinned ? t("debate.unpin") : t("debate.pin")}
                </button>
              </fetcher.Form>
              {c.held ? (
                <fetcher.Form method="post" action={action}>
                  <input type="hidden" name="intent" value="release" />
                  <input type="hidden" name="commentId" value={c.id} />
                  <button type="submit" className={small}>
                    {t("debate.release")}
                  </button>
                </fetcher.Form>
              ) : null}
              <button type="button" className={small} onClick={() => setMode(mode === "hide" ? null : "hide")}>
                {t("debate.hide")}
              </button>
            </>
          ) : null}
        </div>
      ) : moderator ? (
        <fetcher.Form method="post" action={action} className="mt-2">
          <input type="hidden" name="intent" value="unhide" />
          <input type="hidden" name="commentId" value={c.id} />
          <button type="submit" className={small}>
            {t("debate.unhide")}
          </button>
        </fetcher.Form>
      ) : null}
      {mode === "edit" || mode === "report" || mode === "hide" ? (
        <fetcher.Form method="post" action={action} className="mt-2 space-y-2" onSubmit={() => setMode(null)}>
          <input type="hidden" name="intent" value={mode} />
          <input type="hidden" name="commentId" value={c.id} />
          <label className="block text-sm">
            <span className="field-label">{mode === "edit" ? t("debate.edit") : t("debate.reason")}</span>
            <textarea name={mode === "edit" ? "body" : "reason"} rows={2} className="field-input" required />
          </label>
          <button type="submit" className="btn-secondary text-sm">
            {mode === "edit" ? t("debate.save") : mode === "hide" ? t("debate.hide") : t("debate.report")}
          </button>
        </fetcher.Form>
      ) : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm font-medium text-red-600">
          {error.message}
        </p>
      ) : null}
      {mode === "reply" ? (
        <div className="mt-3">
          <CommentForm proposalId={proposalId} parentId={c.id} onDone={() => setMode(null)} />
        </div>
      ) : null}
    </article>
  );
}

export function CommentThread({
  proposalId,
  comments,
  locked,
  viewerId,
  moderator,
  lng,
}: {
  proposalId: number;
  comments: ThreadComment[];
  locked: boolean;
  viewerId: number | null;
  moderator: boolean;
  lng: Language;
}) {
  const { t } = useTranslation();
  const roots = comments.filter((c) => c.parentId === null);
  const [announcement, setAnnouncement] = useState("");
  const seen = useRef(comments.length);
  useEffect(() => {
    if (comments.length > seen.current) setAnnouncement(t("debate.newComments", { count: comments.length - seen.current }));
    seen.current = comments.length;
  }, [comments.length, t]);
  return (
    <div className="mt-4 space-y-3">
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      {locked ? <p className="rounded-xl bg-stone-100 px-4 py-3 text-sm font-semibold text-stone-700">{t("debate.locked")}</p> : null}
      {viewerId !== null && !locked ? <CommentForm proposalId={proposalId} /> : null}
      {roots.length === 0 ? <p className="card p-5 text-stone-500">{t("proposal.noComments")}</p> : null}
      {roots.map((root) => (
        <div key={root.id} className="space-y-2">
          <CommentItem c={root} proposalId={proposalId} viewerId={viewerId} moderator={moderator} locked={locked} lng={lng} />
          {comments
            .filter((c) => c.parentId === root.id)
            .map((reply) => (
              <div key={reply.id} className="ml-4">
                <CommentItem c={reply} proposalId={proposalId} viewerId={viewerId} moderator={moderator} locked={locked} lng={lng} />
              </div>
            ))}
        </div>
      ))}
    </div>
  );
}
