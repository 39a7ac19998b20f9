import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MessageParams } from "../domain/errors.ts";
import { localizeParams } from "../i18n/errors.ts";
import { translate } from "../i18n/i18n.ts";
import { formatDateTime } from "../lib/format.ts";
import { actionFailure, requestLanguage } from "../lib/server/http.server.ts";
import { pageTitle } from "../lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "notifications.title")];

const positiveInt = (v: unknown) => (typeof v === "number" && Number.isInteger(v) && v > 0 ? v : null);

/** Where a notice leads: its proposal, else the round named in its params; a mention opens at the comment. */
function linkOf(proposalId: number | null, params: unknown): string | null {
  const p = (params && typeof params === "object" ? params : {}) as Record<string, unknown>;
  const roundId = positiveInt(p.roundId);
  const commentId = positiveInt(p.commentId);
  const page = proposalId ? `/proposals/${proposalId}` : roundId ? `/rounds/${roundId}` : null;
  return page && commentId ? `${page}#comment-${commentId}` : page;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await context.auth.viewerFromRequest(request);
  if (!viewer) throw redirect("/login?redirectTo=/notifications");
  const lng = requestLanguage(request);
  const page = await context.domain.notifications.list(viewer, { limit: 50 });
  return json({
    lng,
    unread: page.unread,
    items: page.items.map((n) => ({
      id: n.id,
      read: n.readAt !== null,
      createdAt: n.createdAt,
      href: linkOf(n.proposal?.id ?? null, n.params),
      message: translate(lng, n.messageKey, { title: n.proposal?.title ?? "", ...localizeParams(n.params as MessageParams, lng) }),
    })),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await context.auth.viewerFromRequest(request);
  try {
    await context.domain.notifications.markRead(viewer, {});
    return json({ ok: true });
  } catch (error) {
    return actionFailure(error, requestLanguage(request));
  }
}

export default function Notifications() {
  const { items, unread, lng } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 pb-16 pt-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-extrabold tracking-tight">{t("notifications.title")}</h1>
        {unread > 0 ? (
          <Form method="post">
            <button type="submit" className="btn-secondary text-sm">
              {t("notifications.markAllRead")}
            </button>
          </Form>
        ) : null}
      </div>
      {items.length === 0 ? (
        <p className="card mt-6 p-6 text-stone-600">{t("notifications.empty")}</p>
      ) : (
        <ul className="mt-6 space-y-2" data-testid="notifications">
          {items.map((n) => (
            <li key={n.id} className={`card p-4 ${n.read ? "" : "border-brand-300 bg-brand-50/40"}`}>
              <div className="flex items-start gap-3">
                {!n.read ? (
                  <span className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-clay-600" aria-label={t("notifications.unread")} />
                ) : null}
                <div className="min-w-0">
                  {n.href ? (
                    <Link to={n.href} className="font-semibold hover:text-brand-700">
                      {n.message}
                    </Link>
                  ) : (
                    <p className="font-semibold">{n.message}</p>
                  )}
                  <p className="mt-1 text-xs text-stone-500">{formatDateTime(n.createdAt, lng)}</p>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
