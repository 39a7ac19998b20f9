// Editing a proposal: the author only, until its first 공감.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "../lib/meta.ts";
import { actionFailure, requestLanguage, throwAsResponse } from "../lib/server/http.server.ts";
import { proposalValues, readProposalForm } from "../lib/server/forms/proposal-form.server.ts";
import { ProposalForm, type ProposalFormValues } from "../components/proposal-form.tsx";
import { formatBytes } from "../components/proposal-content.tsx";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "content.editTitle")];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  if (!viewer) throw redirect(`/login?redirectTo=${encodeURIComponent(`/proposals/${params.id}/edit`)}`);
  try {
    const proposal = await context.domain.proposals.get(viewer, params.id);
    if (!proposal.editable) throw redirect(`/proposals/${proposal.id}`);
    const [districts, categories] = await Promise.all([context.domain.catalog.districts(), context.domain.catalog.categories()]);
    const values: ProposalFormValues = {
      title: proposal.title,
      body: proposal.body,
      categoryId: String(proposal.category.id),
      districtId: proposal.district ? String(proposal.district.id) : "",
      estimatedCostKrw: proposal.estimatedCostKrw === null ? "" : String(proposal.estimatedCostKrw),
      tags: proposal.tags.join(", "),
      latitude: proposal.latitude === null ? "" : String(proposal.latitude),
      longitude: proposal.longitude === null ? "" : String(proposal.longitude),
    };
    return json({ lng, districts, categories, values, proposalId: proposal.id, attachments: proposal.attachments });
  } catch (error) {
    if (error instanceof Response) throw error;
    throwAsResponse(error, lng);
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lng = requestLanguage(request);
  const viewer = await context.auth.viewerFromRequest(request);
  let values: ProposalFormValues = {};
  try {
    const { form, files } = await readProposalForm(request);
    if (form.get("intent") === "remove") {
      await context.domain.content.detach(viewer, form.get("attachmentId"));
      return json({ removed: true as const, error: null, values: null });
    }
    const fields = proposalValues(form);
    values = fields;
    const current = await context.domain.proposals.get(viewer, params.id);
    context.domain.content.checkFiles(files, current.attachments.length);
    const proposal = await context.domain.content.edit(viewer, { ...fields, proposalId: params.id });
    if (files.length) await context.domain.content.attach(viewer, { proposalId: proposal.id, files });
    return redirect(`/proposals/${proposal.id}`);
  } catch (error) {
    return actionFailure(error, lng, { removed: false as const, values });
  }
}

export default function EditProposal() {
  const { lng, districts, categories, values, proposalId, attachments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const error = actionData?.error ?? null;

  return (
    <main id="main" className="mx-auto max-w-2xl px-4 pb-16 pt-8">
      <Link to={`/proposals/${proposalId}`} className="text-sm font-semibold text-brand-700 hover:underline">
        ← {t("content.cancel")}
      </Link>
      <h1 className="mt-4 text-3xl font-extrabold tracking-tight">{t("content.editTitle")}</h1>
      <p className="mt-2 text-stone-600">{t("content.editIntro")}</p>

      {error ? (
        <div role="alert" className="mt-6 rounded-xl bg-red-50 px-4 py-3 text-sm font-semibold text-red-700 ring-1 ring-inset ring-red-200">
          {error.message}
        </div>
      ) : null}

      {attachments.length ? (
        <section className="card mt-6 p-5" aria-labelledby="files-heading">
          <h2 id="files-heading" className="text-base font-bold">
            {t("content.attachments")}
          </h2>
          <ul className="mt-3 divide-y divide-stone-100">
            {attachments.map((a) => (
              <li key={a.id} className="flex items-center gap-3 py-2">
                {a.mimeType.startsWith("image/") ? (
                  <img src={`/attachments/${a.id}`} alt="" className="h-12 w-12 rounded-lg bg-stone-100 object-cover" />
                ) : (
                  <span className="chip bg-clay-50 text-clay-700">PDF</span>
                )}
                <span className="min-w-0 flex-1 truncate text-sm">
                  {a.fileName} <span className="text-stone-500">· {formatBytes(a.size)}</span>
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="attachmentId" value={a.id} />
                  <button
                    type="submit"
                    className="text-sm font-semibold text-red-700 hover:underline"
                    aria-label={`${t("content.removeFile")}: ${a.fileName}`}
                  >
                    {t("content.removeFile")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <ProposalForm
        lng={lng}
        categories={categories}
        districts={districts}
        values={actionData?.values ?? values}
        error={error}
        withFiles
        submitting={navigation.state === "submitting"}
        submitLabel={t("content.save")}
        submittingLabel={t("content.saving")}
      />
    </main>
  );
}
