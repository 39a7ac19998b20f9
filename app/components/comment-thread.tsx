// A debate, under a proposal or in a round: write with a stance, reply (two levels), react,
// edit with history, report; the author of a hidden comment may appeal and sees the answer;
// moderators pin, hide with a reason (a placeholder stays), release held comments and lock
// the thread. New comments arrive live (the page patches its thread from the pushes,
// app/lib/live/debate.ts); a polite live region announces them.
import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "../i18n/i18n.ts";
import type { LocalizedError } from "../i18n/errors.ts";
import { formatDateTime } from "../lib/format.ts";
import { StanceBalance, type Balance } from "./stance-balance.tsx";

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
  /** The author's appeal against a hide (present for the author and moderators only). */
  appeal: { status: "OPEN" | "UPHELD" | "REVERSED"; response: string | null } | null;
};

/** Where a debate lives: under a proposal, or a round's own. */
export type DebateTarget = { proposalId: number } | { roundId: number };

/** The URL the thread's forms post to. */
export const debateActionUrl = (target: DebateTarget) =>
  "roundId" in target ? `/rounds/${target.roundId}/comments` : `/proposals/${target.proposalId}/comments`;

/** The page showing a comment (round comments live on the round page). */
export function commentHref(c: { id: number; proposalId: number | null; roundId: number | null }) {
  return c.roundId ? `/rounds/${c.roundId}#comment-${c.id}` : `/proposals/${c.proposalId}#comment-${c.id}`;
}

type ActionData = { ok: true; intent: string } | { error: LocalizedError };
const stanceStyle = { PRO: "bg-brand-50 text-brand-800", CON: "bg-clay-50 text-clay-700", NEUTRAL: "bg-stone-100 text-stone-600" } as const;
const small =
  "rounded-lg px-2 py-1 text-xs font-semibold text-stone-600 hover:bg-stone-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-50";

function useCommentAction(target: DebateTarget) {
  const fetcher = useFetcher<ActionData>();
  const data = fetcher.state === "idle" ? fetcher.data : undefined;
  const error = data && "error" in data ? data.error : null;
  const done = data && "ok" in data ? data.intent : null;
  return { fetcher, error, done, action: debateActionUrl(target), busy: fetcher.state !== "idle" };
}

/** A refusal: the field messages when the server named fields, else the message. */
function ErrorText({ error, id }: { error: LocalizedError; id?: string }) {
  return (
    <p id={id} role="alert" className="mt-2 text-sm font-medium text-red-600">
      {error.issues?.length ? error.issues.map((i) => i.message).join(" ") : error.message}
    </p>
  );
}

function CommentForm({ target, parentId, onDone }: { target: DebateTarget; parentId?: number; onDone?: () => void }) {
  const { t } = useTranslation();
  const { fetcher, error, done, action, busy } = useCommentAction(target);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (done) {
      form.current?.reset();
      onDone?.();
    }
  }, [done, fetcher.data, onDone]);
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
      <textarea
        id={bodyId}
        name="body"
        rows={parentId ? 2 : 3}
        className="field-input"
        placeholder={t("debate.placeholder")}
        aria-invalid={issue("body") ? true : undefined}
        aria-describedby={issue("body") ? `${bodyId}-error` : undefined}
      />
      {issue("body") ? (
        <p id={`${bodyId}-error`} className="field-error">
          {issue("body")}
        </p>
      ) : null}
      {error && !issue("body") ? <ErrorText error={error} /> : null}
      <button type="submit" className="btn-primary" disabled={busy}>
        {parentId ? t("debate.reply") : t("debate.submit")}
      </button>
    </fetcher.Form>
  );
}

/** What the author (and moderators) see about an appeal against a hide. */
function AppealStatus({ appeal }: { appeal: NonNullable<ThreadComment["appeal"]> }) {
  const { t } = useTranslation();
  const tone =
    appeal.status === "REVERSED"
      ? "bg-brand-50 text-brand-900"
      : appeal.status === "UPHELD"
        ? "bg-stone-100 text-stone-700"
        : "bg-amber-50 text-amber-900";
  return (
    <div className={`mt-2 rounded-lg px-3 py-2 text-sm ${tone}`} data-testid="appeal-status">
      <p className="font-semibold">{t(`debate.appeal.status.${appeal.status}`)}</p>
      {appeal.response ? <p className="mt-1">{t("debate.appeal.response", { response: appeal.response })}</p> : null}
    </div>
  );
}

type Mode = null | "reply" | "edit" | "report" | "hide" | "appeal";

function CommentItem({
  c,
  target,
  viewerId,
  moderator,
  locked,
  canWrite,
  lng,
}: {
  c: ThreadComment;
  target: DebateTarget;
  viewerId: number | null;
  moderator: boolean;
  locked: boolean;
  canWrite: boolean;
  lng: Language;
}) {
  const { t } = useTranslation();
  const { fetcher, error, done, action, busy } = useCommentAction(target);
  const [mode, setMode] = useState<Mode>(null);
  const own = viewerId === c.author.id;
  // A form closes once the server accepted it, so a refused one keeps what was typed.
  useEffect(() => {
    if (done) setMode(null);
  }, [done, fetcher.data]);
  const toggle = (next: Exclude<Mode, null>) => () => setMode(mode === next ? null : next);
  // One appeal per hide: a REVERSED appeal belongs to an earlier hide.
  const mayAppeal = own && c.hidden && (!c.appeal || c.appeal.status === "REVERSED");
  const fieldId = `comment-${c.id}-${mode}`;
  const modeLabel = {
    edit: t("debate.edit"),
    report: t("debate.reason"),
    hide: t("debate.reason"),
    appeal: t("debate.appeal.reason"),
  } as const;
  const modeSubmit = {
    edit: t("debate.save"),
    report: t("debate.report"),
    hide: t("debate.hide"),
    appeal: t("debate.appeal.submit"),
  } as const;
  return (
    <article
      id={`comment-${c.id}`}
      className={`${c.parentId ? "border-l-2 border-stone-200 pl-4" : "card p-4"} ${c.pinned ? "ring-2 ring-amber-300" : ""} scroll-mt-20`}
      data-testid="comment"
      data-comment-id={c.id}
    >
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {c.parentId ? (
          <span className="text-stone-400" aria-hidden="true">
            ↳
          </span>
        ) : null}
        {c.pinned ? <span className="chip bg-amber-100 text-amber-900">{t("debate.pinned")}</span> : null}
        <span className={`chip ${stanceStyle[c.stance]}`}>{t(`proposal.${c.stance.toLowerCase()}`)}</span>
        <span className="font-semibold">{c.author.displayName}</span>
        <span className="text-stone-500">{formatDateTime(c.createdAt, lng)}</span>
        {c.editedAt ? <span className="text-xs text-stone-500">({t("debate.edited")})</span> : null}
        {moderator && c.appeal?.status === "OPEN" ? (
          <Link to="/admin/moderation#appeals" className="chip bg-amber-100 text-amber-900 hover:underline">
            {t("debate.appealsWaiting")}
          </Link>
        ) : null}
      </div>
      {c.hidden ? (
        <p className="mt-2 rounded-lg bg-stone-100 px-3 py-2 text-sm text-stone-600" data-testid="hidden-placeholder">
          {t("debate.hiddenPlaceholder", { reason: c.hidden.reason })}
        </p>
      ) : (
        <>
          {c.held ? <p className="mt-2 text-xs font-semibold text-amber-800">{t("debate.held")}</p> : null}
          {/* bodyHtml is sanitized by the domain (app/domain/markdown.server.ts). */}
          <div className="prose-madang mt-2 text-stone-800" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
        </>
      )}
      {c.appeal && (c.hidden ? c.appeal.status !== "REVERSED" : c.appeal.status === "REVERSED") ? <AppealStatus appeal={c.appeal} /> : null}
      {!c.hidden ? (
        <div className="mt-2 flex flex-wrap gap-1">
          <fetcher.Form method="post" action={action}>
            <input type="hidden" name="intent" value={c.viewerReacted ? "unreact" : "react"} />
            <input type="hidden" name="commentId" value={c.id} />
            <button type="submit" className={small} disabled={busy || own || viewerId === null} aria-pressed={c.viewerReacted}>
              {t("debate.agree")} {c.reactions}
            </button>
          </fetcher.Form>
          {viewerId !== null && !locked && canWrite && !c.parentId ? (
            <button type="button" className={small} aria-expanded={mode === "reply"} onClick={toggle("reply")}>
              {t("debate.reply")}
            </button>
          ) : null}
          {own && !locked ? (
            <button type="button" className={small} aria-expanded={mode === "edit"} onClick={toggle("edit")}>
              {t("debate.edit")}
            </button>
          ) : null}
          {viewerId !== null && !own ? (
            <button type="button" className={small} aria-expanded={mode === "report"} onClick={toggle("report")}>
              {t("debate.report")}
            </button>
          ) : null}
          {moderator ? (
            <>
              <fetcher.Form method="post" action={action}>
                <input type="hidden" name="intent" value={c.pinned ? "unpin" : "pin"} />
                <input type="hidden" name="commentId" value={c.id} />
                <button type="submit" className={small} disabled={busy}>
                  {c.pinned ? t("debate.unpin") : t("debate.pin")}
                </button>
              </fetcher.Form>
              {c.held ? (
                <fetcher.Form method="post" action={action}>
                  <input type="hidden" name="intent" value="release" />
                  <input type="hidden" name="commentId" value={c.id} />
                  <button type="submit" className={small} disabled={busy}>
                    {t("debate.release")}
                  </button>
                </fetcher.Form>
              ) : null}
              <button type="button" className={small} aria-expanded={mode === "hide"} onClick={toggle("hide")}>
                {t("debate.hide")}
              </button>
            </>
          ) : null}
        </div>
      ) : (
        <div className="mt-2 flex flex-wrap gap-1">
          {mayAppeal ? (
            <button type="button" className={small} aria-expanded={mode === "appeal"} onClick={toggle("appeal")}>
              {t("debate.appeal.open")}
            </button>
          ) : null}
          {moderator ? (
            <fetcher.Form method="post" action={action}>
              <input type="hidden" name="intent" value="unhide" />
              <input type="hidden" name="commentId" value={c.id} />
              <button type="submit" className={small} disabled={busy}>
                {t("debate.unhide")}
              </button>
            </fetcher.Form>
          ) : null}
        </div>
      )}
      {mode === "edit" || mode === "report" || mode === "hide" || mode === "appeal" ? (
        <fetcher.Form method="post" action={action} className="mt-2 space-y-2">
          <input type="hidden" name="intent" value={mode} />
          <input type="hidden" name="commentId" value={c.id} />
          <label htmlFor={fieldId} className="field-label">
            {modeLabel[mode]}
          </label>
          {mode === "appeal" ? (
            <p id={`${fieldId}-hint`} className="field-hint">
              {t("debate.appeal.hint")}
            </p>
          ) : null}
          <textarea
            id={fieldId}
            name={mode === "edit" ? "body" : "reason"}
            rows={mode === "appeal" ? 3 : 2}
            className="field-input"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={
              [mode === "appeal" ? `${fieldId}-hint` : "", error ? `${fieldId}-error` : ""].filter(Boolean).join(" ") || undefined
            }
          />
          {error ? <ErrorText error={error} id={`${fieldId}-error`} /> : null}
          <button type="submit" className="btn-secondary text-sm" disabled={busy}>
            {modeSubmit[mode]}
          </button>
        </fetcher.Form>
      ) : error ? (
        <ErrorText error={error} />
      ) : null}
      {done === "report" || done === "appeal" ? (
        <p role="status" className="mt-2 text-sm text-brand-800">
          {done === "report" ? t("debate.reported") : t("debate.appeal.sent")}
        </p>
      ) : null}
      {mode === "reply" ? (
        <div className="mt-3">
          <CommentForm target={target} parentId={c.id} onDone={() => setMode(null)} />
        </div>
      ) : null}
    </article>
  );
}

/** Moderators lock a thread (with an optional reason) or open it again. */
function LockControl({ target, locked }: { target: DebateTarget; locked: boolean }) {
  const { t } = useTranslation();
  const { fetcher, error, action, busy } = useCommentAction(target);
  const reasonId = `lock-reason-${"roundId" in target ? `r${target.roundId}` : `p${target.proposalId}`}`;
  if (locked) {
    return (
      <fetcher.Form method="post" action={action}>
        <input type="hidden" name="intent" value="unlock" />
        <button type="submit" className="btn-secondary text-sm" disabled={busy}>
          {t("debate.unlock")}
        </button>
        {error ? <ErrorText error={error} /> : null}
      </fetcher.Form>
    );
  }
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-semibold text-stone-600">{t("debate.lock")}</summary>
      <fetcher.Form method="post" action={action} className="mt-2 flex flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="lock" />
        <div className="min-w-0 flex-1">
          <label htmlFor={reasonId} className="field-label">
            {t("debate.lockReason")}
          </label>
          <input id={reasonId} name="reason" className="field-input" maxLength={500} />
        </div>
        <button type="submit" className="btn-secondary text-sm" disabled={busy}>
          {t("debate.lockSubmit")}
        </button>
      </fetcher.Form>
      {error ? <ErrorText error={error} /> : null}
    </details>
  );
}

export function CommentThread({
  target,
  comments,
  locked,
  viewerId,
  moderator,
  lng,
  canWrite = true,
  closedReason,
  balance,
}: {
  target: DebateTarget;
  comments: ThreadComment[];
  locked: boolean;
  viewerId: number | null;
  moderator: boolean;
  lng: Language;
  /** False when the debate takes no new comments now (e.g. a round phase without COMMENT). */
  canWrite?: boolean;
  /** Why the compose form is missing, shown instead of it when `canWrite` is false. */
  closedReason?: string;
  /** When given, the thread shows its pro/con balance at the top. */
  balance?: Balance;
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
      {balance ? <StanceBalance balance={balance} /> : null}
      {moderator ? <LockControl target={target} locked={locked} /> : null}
      {locked ? (
        <p className="rounded-xl bg-stone-100 px-4 py-3 text-sm font-semibold text-stone-700" role="status">
          {t("debate.locked")}
        </p>
      ) : !canWrite ? (
        <p className="rounded-xl bg-stone-100 px-4 py-3 text-sm font-semibold text-stone-700" role="status" data-testid="debate-closed">
          {closedReason ?? t("debate.closed")}
        </p>
      ) : viewerId !== null ? (
        <CommentForm target={target} />
      ) : null}
      {roots.length === 0 ? <p className="card p-5 text-stone-500">{t("proposal.noComments")}</p> : null}
      {roots.map((root) => (
        <div key={root.id} className="space-y-2">
          <CommentItem c={root} target={target} viewerId={viewerId} moderator={moderator} locked={locked} canWrite={canWrite} lng={lng} />
          {comments
            .filter((c) => c.parentId === root.id)
            .map((reply) => (
              <div key={reply.id} className="ml-4">
                <CommentItem
                  c={reply}
                  target={target}
                  viewerId={viewerId}
                  moderator={moderator}
                  locked={locked}
                  canWrite={canWrite}
                  lng={lng}
                />
              </div>
            ))}
        </div>
      ))}
    </div>
  );
}
