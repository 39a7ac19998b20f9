// The consent notices people agree to (PIPA 제15조, 제22조): which notice, which version. The
// text lives in i18n under consent.<notice>; changing it means a new version here.
export const CONSENT_NOTICES = {
  /** 개인정보 수집·이용 동의 (required to sign up) */
  privacySignup: { version: "2026-11-22", required: true },
  /** 알림 메일 수신 동의 (optional) */
  emailNotifications: { version: "2026-11-22", required: false },
} as const;

export type ConsentNotice = keyof typeof CONSENT_NOTICES;

/** How long account data is kept after deletion or inactivity; stated in the notice. */
export const RETENTION = { afterDeletionDays: 0, inactiveYears: 1 } as const;
