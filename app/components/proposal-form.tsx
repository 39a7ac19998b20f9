// The proposal form shared by "propose" and "edit": text, category, district, cost, tags,
// an optional map point and (when proposing) files.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BODY_MAX, BODY_MIN, TITLE_MAX, TITLE_MIN } from "../domain/proposals/proposal.schema.ts";
import type { LocalizedError } from "../i18n/errors.ts";
import { SimilarProposals } from "./similar-proposals.tsx";
import { fieldHelpers } from "../lib/form-fields.tsx";

export type ProposalFormValues = Partial<
  Record<"title" | "body" | "categoryId" | "districtId" | "estimatedCostKrw" | "tags" | "latitude" | "longitude", string>
>;

type Named = { id: number; name: string; nameEn: string };

export function ProposalForm({
  lng,
  categories,
  districts,
  values,
  error,
  withFiles,
  submitting,
  submitLabel,
  submittingLabel,
  secondaryAction,
  similar = false,
  children,
}: {
  lng: string;
  categories: Named[];
  districts: Named[];
  values?: ProposalFormValues;
  error?: LocalizedError | null;
  withFiles: boolean;
  submitting: boolean;
  submitLabel: string;
  submittingLabel: string;
  /** e.g. "임시 저장": a second submit button after the main one. */
  secondaryAction?: React.ReactNode;
  similar?: boolean;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const issue = (path: string) => error?.issues?.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;
  const name = (item: Named) => (lng === "en" ? item.nameEn : item.name);
  const { field, errorOf } = fieldHelpers(issue);

  return (
    <Form method="post" className="card mt-6 space-y-5 p-5 sm:p-6" noValidate encType={withFiles ? "multipart/form-data" : undefined}>
      <div>
        <label htmlFor="title" className="field-label">
          {t("create.fieldTitle")}
        </label>
        <input {...field("title")} type="text" maxLength={TITLE_MAX + 20} defaultValue={values?.title} className="field-input" required />
        <p id="title-hint" className="field-hint">
          {t("create.fieldTitleHint", { min: TITLE_MIN, max: TITLE_MAX })}
        </p>
        {errorOf("title")}
        {similar ? <SimilarProposals inputId="title" /> : null}
      </div>
      <div>
        <label htmlFor="body" className="field-label">
          {t("create.fieldBody")}
        </label>
        <textarea {...field("body")} rows={9} defaultValue={values?.body} className="field-input leading-relaxed" required />
        <p id="body-hint" className="field-hint">
          {t("create.fieldBodyHint", { min: BODY_MIN, max: BODY_MAX })}
        </p>
        {errorOf("body")}
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <div>
          <label htmlFor="categoryId" className="field-label">
            {t("create.fieldCategory")}
          </label>
          <select {...field("categoryId")} defaultValue={values?.categoryId ?? ""} className="field-input" required>
            <option value="">{t("create.chooseCategory")}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {name(c)}
              </option>
            ))}
          </select>
          <span id="categoryId-hint" />
          {errorOf("categoryId")}
        </div>
        <div>
          <label htmlFor="districtId" className="field-label">
            {t("create.fieldDistrict")}
          </label>
          <select {...field("districtId")} defaultValue={values?.districtId ?? ""} className="field-input">
            <option value="">{t("create.cityWide")}</option>
            {districts.map((d) => (
              <option key={d.id} value={d.id}>
                {name(d)}
              </option>
            ))}
          </select>
          <span id="districtId-hint" />
          {errorOf("districtId")}
        </div>
      </div>
      <div>
        <label htmlFor="estimatedCostKrw" className="field-label">
          {t("create.fieldCost")}
        </label>
        <input
          {...field("estimatedCostKrw")}
          type="text"
          inputMode="numeric"
          defaultValue={values?.estimatedCostKrw}
          className="field-input"
        />
        <p id="estimatedCostKrw-hint" className="field-hint">
          {t("create.fieldCostHint")}
        </p>
        {errorOf("estimatedCostKrw")}
      </div>
      <div>
        <label htmlFor="tags" className="field-label">
          {t("content.tagsField")}
        </label>
        <input {...field("tags")} type="text" defaultValue={values?.tags} className="field-input" autoComplete="off" />
        <p id="tags-hint" className="field-hint">
          {t("content.tagsHint")}
        </p>
        {errorOf("tags")}
      </div>
      <fieldset aria-describedby="point-hint">
        <legend className="field-label">{t("content.mapPoint")}</legend>
        <div className="grid grid-cols-2 gap-3">
          <div>
            <label htmlFor="latitude" className="text-xs font-semibold text-stone-600">
              {t("content.latitude")}
            </label>
            <input
              {...field("latitude")}
              aria-describedby={`point-hint${issue("latitude") ? " latitude-error" : ""}`}
              type="text"
              inputMode="decimal"
              placeholder="35.9676"
              defaultValue={values?.latitude}
              className="field-input"
            />
          </div>
          <div>
            <label htmlFor="longitude" className="text-xs font-semibold text-stone-600">
              {t("content.longitude")}
            </label>
            <input
              {...field("longitude")}
              aria-describedby={`point-hint${issue("longitude") ? (issue("longitude") === issue("latitude") ? " latitude-error" : " longitude-error") : ""}`}
              type="text"
              inputMode="decimal"
              placeholder="126.7366"
              defaultValue={values?.longitude}
              className="field-input"
            />
          </div>
        </div>
        {errorOf("latitude")}
        {issue("longitude") !== issue("latitude") ? errorOf("longitude") : null}
        <p id="point-hint" className="field-hint">
          {t("content.mapPointHint")}
        </p>
      </fieldset>
      {withFiles ? (
        <div>
          <label htmlFor="files" className="field-label">
            {t("content.files")}
          </label>
          <input
            id="files"
            name="files"
            type="file"
            multiple
            accept="image/png,image/jpeg,image/webp,application/pdf"
            aria-describedby={`files-hint${issue("files") ? " files-error" : ""}`}
            aria-invalid={issue("files") ? true : undefined}
            className="block w-full text-sm text-stone-700 file:mr-3 file:rounded-lg file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:font-semibold file:text-brand-700 hover:file:bg-brand-100"
          />
          <p id="files-hint" className="field-hint">
            {t("content.filesHint")}
          </p>
          {errorOf("files")}
        </div>
      ) : null}
      {children}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary w-full sm:w-auto" disabled={submitting}>
          {submitting ? submittingLabel : submitLabel}
        </button>
        {secondaryAction}
      </div>
    </Form>
  );
}
