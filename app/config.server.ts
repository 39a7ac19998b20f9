// Boot-time configuration, validated once. Bad values stop the server with a message
// that names the variable and what is expected.
import { z } from "zod";

const optionalUrl = (protocols: string[], example: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine(
      (v) => {
        if (!v) return true;
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      { message: `must be a URL like ${example}` },
    );

export const ConfigSchema = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"], {
      errorMap: () => ({ message: "must be one of development, production, test" }),
    })
    .default("development"),
  PORT: z.coerce
    .number({ invalid_type_error: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be between 0 and 65535")
    .max(65535, "must be between 0 and 65535")
    .default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: optionalUrl(["postgresql:", "postgres:"], "postgresql://user@127.0.0.1:5432/madang"),
  DATA_DIR: z.string().trim().min(1, "must not be empty").default("./data"),
  /** Connections to PostgreSQL this node may hold (default: 4 per CPU core, at least 10). */
  DATABASE_POOL_SIZE: z.coerce
    .number({ invalid_type_error: "must be a number" })
    .int("must be a whole number")
    .min(2, "must be between 2 and 500")
    .max(500, "must be between 2 and 500")
    .optional(),
  REDIS_URL: optionalUrl(["redis:", "rediss:"], "redis://127.0.0.1:6379"),
  SESSION_SECRET: z.string().min(16, "must be at least 16 characters (use a long random string)").optional(),
  /** Mark the session cookie Secure in production (turn off only behind plain HTTP). */
  COOKIE_SECURE: z
    .enum(["true", "false", "1", "0"], { errorMap: () => ({ message: "must be true or false" }) })
    .default("true")
    .transform((v) => v === "true" || v === "1"),
  /** HMAC key for the identity-verification duplicate key (DI) hashes. Keep it stable. */
  IDENTITY_HASH_KEY: z.string().min(16, "must be at least 16 characters (use a long random string)").optional(),
  /** The address people use to reach Madang (links in mail, origin checks). */
  PUBLIC_URL: optionalUrl(["http:", "https:"], "https://madang.example.go.kr"),
  /** Other origins allowed to post forms, call /graphql with cookies and open sockets (comma separated). */
  ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every((o) => /^https?:\/\/[^/]+$/.test(o)), {
      message: "must be origins like https://a.example,https://b.example",
    }),
  MAIL_TRANSPORT: z
    .enum(["console", "file", "smtp"], { errorMap: () => ({ message: "must be one of console, file, smtp" }) })
    .default("console"),
  SMTP_URL: optionalUrl(["smtp:", "smtps:"], "smtps://user:pass@smtp.example.com:465"),
  MAIL_FROM: z.string().default("마당 <no-reply@madang.local>"),
  /** Serve GraphQL introspection (default: only in development). */
  GRAPHQL_INTROSPECTION: z
    .enum(["true", "false", "1", "0"], { errorMap: () => ({ message: "must be true or false" }) })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true" || v === "1")),
  /** Number of proxies in front of Madang, for the client IP used by rate limits (0 = none). */
  TRUST_PROXY: z.coerce.number({ invalid_type_error: "must be a number" }).int().min(0).max(10).default(0),
  /** Seed the demo city into an empty database on start. */
  SEED_ON_START: z
    .enum(["true", "false", "1", "0"], { errorMap: () => ({ message: "must be true or false" }) })
    .default("true")
    .transform((v) => v === "true" || v === "1"),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = ConfigSchema.superRefine((c, ctx) => {
    if (c.MAIL_TRANSPORT === "smtp" && !c.SMTP_URL)
      ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "is required when MAIL_TRANSPORT=smtp" });
  }).safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}
