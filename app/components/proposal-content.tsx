// Proposal content on its page: tags, the map point, attachments and the author's updates.
import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { LocalizedError } from "../i18n/errors.ts";
import { formatDateTime } from "../lib/format.ts";
import type { Language } from "../i18n/i18n.ts";

export function formatBytes(size: number) {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

export function TagChips({ tags }: { tags: string[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <ul className="mt-3 flex flex-wrap gap-1.5" aria-label={t("content.tags")} data-testid="tags">
      {tags.map((tag) => (
        <li key={tag} className="chip bg-brand-50 text-brand-800">
          #{tag}
        </li>
      ))}
    </ul>
  );
}

export function MapPoint({ latitude, longitude }: { latitude: number | null; longitude: number | null }) {
  const { t } = useTranslation();
  if (latitude === null || longitude === null) return null;
  const lat = latitude.toFixed(5);
  const lng = longitude.toFixed(5);
  return (
    <div data-testid="map-point">
      <dt className="text-stone-500">{t("content.mapPointShown")}</dt>
      <dd className="font-semibold">
        <span className="tabular-nums">
          {lat}, {lng}
        </span>{" "}
        <a
          className="whitespace-nowrap text-xs font-semibold text-brand-700 hover:underline"
          href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t("content.openMap")} ↗
        </a>
      </dd>
    </div>
  );
}

type Attachment = { id: number; fileName: string; mimeType: string; size: number };

export function AttachmentsSection({ attachments }: { attachments: Attachment[] }) {
  const { t } = useTranslation();
  if (attachments.length === 0) return null;
  const images = attachments.filter((a) => a.mimeType.startsWith("image/"));
  const documents = attachments.filter((a) => !a.mimeType.startsWith("image/"));
  return (
    <section className="mt-6 border-t border-stone-100 pt-5" aria-labelledby="attachments-heading">
      <h3 id="attachments-heading" className="text-base font-bold">
        {t("content.attachments")} <span className="text-stone-500">{attachments.length}</span>
      </h3>
      {images.length ? (
        <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
          {images.map((a) => (
            <li key={a.id}>
              <a
                href={`/attachments/${a.id}`}
                target="_blank"
                rel="noopener"
                className="group block overflow-hidden rounded-xl ring-1 ring-stone-200"
              >
                <img
                  src={`/attachments/${a.id}`}
                  alt={a.fileName}
                  loading="lazy"
                  className="aspect-[4/3] w-full bg-stone-100 object-cover transition group-hover:opacity-90"
                />
              </a>
              <p className="mt-1 truncate text-xs text-stone-500" title={a.fileName}>
                {a.fileName} · {formatBytes(a.size)}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {documents.length ? (
        <ul className="mt-3 space-y-2">
          {documents.map((a) => (
            <li key={a.id}>
              <a
                href={`/attachments/${a.id}`}
                download={a.fileName}
                className="flex items-center gap-3 rounded-xl px-3 py-2.5 ring-1 ring-stone-200 hover:bg-stone-50"
              >
                <span className="chip bg-clay-50 text-clay-700" aria-hidden="true">
                  PDF
                </span>
                <span className="min-w-0 flex-1 truncate text-sm font-semibold text-stone-800">{a.fileName}</span>
                <span className="whitespace-nowrap text-xs text-stone-500">
                  {formatBytes(a.size)} · {t("content.download")}
                </span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

type Update = { id: number; bodyHtml: string; createdAt: string | Date };

export function UpdatesSection({
  proposalId,
  updates,
  canAdd,
  lng,
  min,
  max,
}: {
  proposalId: number;
  updates: Update[];
  canAdd: boolean;
  lng: Language;
  min: number;
  max: number;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ ok: true } | { error: LocalizedError }>();
  const formRef = useRef<HTMLFormElement>(null);
  const error = fetcher.data && "error" in fetcher.data ? fetcher.data.error : null;
  const done = fetcher.state === "idle" && fetcher.data && "ok" in fetcher.data;
  useEffect(() => {
    if (done) formRef.current?.reset();
  }, [done]);
  if (updates.length === 0 && !canAdd) return null;
  const bodyIssue = error?.issues?.find((i) => i.path === "body")?.message;
  return (
    <section className="card mt-6 p-5 sm:p-6" aria-labelledby="updates-heading" data-testid="updates">
      <h2 id="updates-heading" className="text-lg font-bold">
        {t("content.updates")} <span className="text-stone-500">{updates.length}</span>
      </h2>
      {updates.length === 0 ? (
        <p className="mt-2 text-sm text-stone-500">{t("content.noUpdates")}</p>
      ) : (
        <ol className="mt-4 space-y-4">
          {updates.map((u) => (
            <li key={u.id} className="border-l-2 border-brand-200 pl-4">
              <p className="text-xs font-semibold text-stone-500">{formatDateTime(u.createdAt, lng)}</p>
              {/* bodyHtml is sanitized by the domain (app/domain/markdown.server.ts). */}
              <div className="prose-madang mt-1 leading-relaxed text-stone-800" dangerouslySetInnerHTML={{ __html: u.bodyHtml }} />
            </li>
          ))}
        </ol>
      )}
      {canAdd ? (
        <fetcher.Form
          ref={formRef}
          method="post"
          action={`/proposals/${proposalId}/updates`}
          encType="multipart/form-data"
          className="mt-5 space-y-3 border-t border-stone-100 pt-5"
          noValidate
        >
          <p className="rounded-xl bg-stone-50 px-4 py-3 text-sm text-stone-600">{t("content.lockedHint")}</p>
          <label htmlFor="update-body" className="field-label">
            {t("content.addUpdate")}
          </label>
          <textarea
            id="update-body"
            name="body"
            rows={4}
            maxLength={max + 100}
            className="field-input leading-relaxed"
            aria-describedby={`update-hint${bodyIssue ? " update-error" : ""}`}
            aria-invalid={bodyIssue ? true : undefined}
          />
          <p id="update-hint" className="field-hint">
            {t("content.updateHint", { min, max })}
          </p>
          {bodyIssue ? (
            <p id="update-error" className="field-error">
              {bodyIssue}
            </p>
          ) : null}
          <div>
            <label htmlFor="update-files" className="text-xs font-semibold text-stone-600">
              {t("content.files")}
            </label>
            <input
              id="update-files"
              name="files"
              type="file"
              multiple
              accept="image/png,image/jpeg,image/webp,application/pdf"
              className="mt-1 block w-full text-sm text-stone-700 file:mr-3 file:rounded-lg file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:font-semibold file:text-brand-700"
            />
          </div>
          {error && !bodyIssue ? (
            <p role="alert" className="text-sm font-medium text-red-600">
              {error.message}
            </p>
          ) : null}
          <p className="sr-only" aria-live="polite">
            {done ? t("content.posted") : ""}
          </p>
          <button type="submit" className="btn-primary w-full sm:w-auto" disabled={fetcher.state !== "idle"}>
            {fetcher.state !== "idle" ? t("content.posting") : t("content.post")}
          </button>
        </fetcher.Form>
      ) : null}
    </section>
  );
}

export function EditLink({ proposalId }: { proposalId: number }) {
  const { t } = useTranslation();
  return (
    <p className="mt-4 flex flex-wrap items-center gap-3 text-sm">
      <Link to={`/proposals/${proposalId}/edit`} className="btn-secondary" data-testid="edit-link">
        ✎ {t("content.edit")}
      </Link>
      <span className="text-stone-500">{t("content.editHint")}</span>
    </p>
  );
}
