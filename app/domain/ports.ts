// What the domain needs from the outside world. server.ts supplies real implementations
// (app/platform); tests supply in-memory ones.
import type { AppError, MessageParams } from "./errors.ts";

/** Named limits; the numbers live in app/platform/rate-limits.server.ts. */
export type RateLimitBucket =
  | "login" // every log-in attempt per address: a flood guard far above any office's rate
  | "loginFailure" // failed log-ins per account from every address (slow lock; see accounts/login-guard.ts)
  | "loginFailurePair" // failed log-ins per (account, address) (fast lock)
  | "loginFailureAddress" // failed log-ins per address over every account (the per-address ceiling)
  | "loginKnownAddress" // (account, address) pairs that logged in successfully: remembered, not limited
  | "signup" // per IP
  | "post" // proposals per account
  | "support" // 공감 and its withdrawal per account, over every proposal
  | "supportToggle" // 공감 and its withdrawal per (account, proposal)
  | "socketEvent" // client → server socket events per connection (counted in the node's memory)
  | "socketEventIp" // socket connections and events per client address
  | "verify" // identity verification attempts per account
  | "passwordReset"; // reset mails per account and per IP

export interface RateLimiter {
  /** Counts one hit; throws AppError RATE_LIMITED when the bucket is exhausted. */
  consume(bucket: RateLimitBucket, key: string): Promise<void>;
  /** Throws AppError RATE_LIMITED if the bucket is exhausted, without counting. */
  check(bucket: RateLimitBucket, key: string): Promise<void>;
  reset(bucket: RateLimitBucket, key: string): Promise<void>;
  /** Remembers the key for the bucket's duration, starting now (e.g. an address someone logged in from). */
  remember(bucket: RateLimitBucket, key: string): Promise<void>;
  /** Whether the key was remembered (or counted) within the bucket's duration. */
  remembers(bucket: RateLimitBucket, key: string): Promise<boolean>;
}

export type MailMessage = { to: string; subject: string; text: string };
/** Renders an i18n message key with its parameters (names stored in both languages pass both). */
export type Localize = (lng: "ko" | "en", key: string, params?: MessageParams) => string;

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** What a 본인인증 provider (PASS, NICE, KCB, or the development one) reports. */
export type VerifiedIdentity = {
  /** Per-site duplicate key (DI). Only a keyed hash of it is stored. */
  di: string;
  birthDate: Date | null;
  birthYear: number;
  /**
   * Registered address, when the provider reports it: the district's code (null or a code the
   * city does not have = not in the city; never a residence) and, when known, since when
   * (전입일, a calendar date at UTC midnight).
   */
  residency: { districtCode: string | null; since?: Date | null } | null;
};

export type VerificationStart = {
  /** Kept server-side until completion (never sent to the browser). */
  state: Record<string, unknown>;
  expiresAt: Date;
  /** Where to send the browser, for providers with their own window. */
  redirectUrl?: string;
  /** Development provider only: the code it "texted", shown on screen. */
  devCode?: string;
};

export interface IdentityProvider {
  readonly id: string;
  /** Validates the person's input and starts a verification (e.g. sends a code). */
  start(input: unknown, context: { now: Date }): Promise<VerificationStart>;
  /** Checks the person's answer (or the provider's callback) against the stored state. */
  complete(state: Record<string, unknown>, input: unknown, context: { now: Date }): Promise<VerifiedIdentity>;
}

export type { AppError };

/** Where attachment bytes live (local disk by default; an object store could implement it). */
export interface FileStorage {
  put(key: string, bytes: Uint8Array, mimeType: string): Promise<void>;
  get(key: string): Promise<{ bytes: Uint8Array; mimeType: string } | null>;
  delete(key: string): Promise<void>;
}
