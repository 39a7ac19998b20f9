// Human-readable audit entries: action labels, targets and a compact line for `details`.
import { useTranslation } from "react-i18next";
import { ZEligibilityRules } from "../../domain/eligibility/eligibility.ts";
import type { Language } from "../../i18n/i18n.ts";
import { formatDate } from "../../lib/format.ts";

type Named = { id: number; name: string; nameEn: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function compact(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** JSON with sorted keys, so two equal objects compare equal whatever their key order. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (isRecord(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(value[k])}`)
      .join(",")}}`;
  return JSON.stringify(value ?? null);
}

/** Stored rules with their defaults filled in (an empty object means "the defaults"). */
function rules(value: unknown): unknown {
  const parsed = ZEligibilityRules.safeParse(value ?? {});
  return parsed.success ? parsed.data : value;
}

export function useAuditFormat(lng: Language, departments: Named[] = []) {
  const { t, i18n } = useTranslation();
  const resource = (key: string) => {
    const value = i18n.getResource(lng, "translation", key) as unknown;
    return typeof value === "string" ? value : null;
  };

  /** "role.assigned" → "역할 부여"; an action this version does not know shows its code. */
  const actionLabel = (action: string) => resource(`admin.audit.actions.${action}`) ?? action;

  const target = (type: string, id: string | null) =>
    resource(`admin.audit.targets.${type}`)
      ? t(`admin.audit.targets.${type}`, { id: id ?? "" })
      : [type, id ? `#${id}` : null].filter(Boolean).join(" ");

  const roleLabel = (role: unknown) => (typeof role === "string" ? (resource(`admin.roles.${role}`) ?? role) : compact(role));

  /** A few short phrases describing what changed. */
  const details = (action: string, raw: unknown): string[] => {
    if (!isRecord(raw)) return raw == null ? [] : [compact(raw)];
    switch (action) {
      case "role.assigned":
      case "role.removed": {
        const out = [t("admin.audit.details.role", { role: roleLabel(raw.role) })];
        const dept = departments.find((d) => d.id === raw.departmentId);
        if (dept) out.push(t("admin.audit.details.department", { name: lng === "en" ? dept.nameEn : dept.name }));
        return out;
      }
      case "user.suspended":
        return [
          typeof raw.until === "string"
            ? t("admin.audit.details.until", { date: formatDate(raw.until, lng) })
            : t("admin.audit.details.indefinite"),
        ];
      case "identity.verified":
        return raw.provider ? [t("admin.audit.details.provider", { provider: compact(raw.provider) })] : [];
      case "city.settingsChanged": {
        const before = isRecord(raw.before) ? raw.before : {};
        const after = isRecord(raw.after) ? raw.after : {};
        const out: string[] = [];
        if (before.supportThreshold !== after.supportThreshold)
          out.push(t("admin.audit.details.threshold", { from: compact(before.supportThreshold), to: compact(after.supportThreshold) }));
        if (before.supportWindowDays !== after.supportWindowDays)
          out.push(t("admin.audit.details.window", { from: compact(before.supportWindowDays), to: compact(after.supportWindowDays) }));
        if (stable(rules(before.eligibility)) !== stable(rules(after.eligibility))) out.push(t("admin.audit.details.eligibilityChanged"));
        return out;
      }
      case "department.created":
      case "department.updated":
      case "district.updated": {
        const out = [t("admin.audit.details.names", { name: compact(raw.name), nameEn: compact(raw.nameEn) })];
        if (raw.code) out.push(t("admin.audit.details.code", { code: compact(raw.code) }));
        return out;
      }
      default:
        return Object.entries(raw)
          .slice(0, 4)
          .map(([key, value]) => `${key}: ${compact(value)}`);
    }
  };

  return { actionLabel, target, details };
}
