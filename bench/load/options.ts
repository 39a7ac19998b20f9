// Sizes and switches of the load bench: `--name=value` flags first, then BENCH_* variables,
// then the defaults of issue #12 (V=2000 voters, C=100 senders, W=1000 watchers, P=5 proposals).
export type Engine = "postgres" | "pglite";

export type LoadOptions = {
  engines: Engine[] | "auto";
  voters: number;
  senders: number;
  /** One run per size, e.g. [1000, 5000]. */
  watchers: number[];
  proposals: number;
  /** Share of the senders that use the GraphQL mutation over HTTP instead of a socket. */
  graphqlShare: number;
  /** Admin connection of the PostgreSQL server: the bench creates (and drops) its own database there. */
  adminUrl: string;
  /** Run the app with REDIS_URL (rate limits and the socket.io adapter in Redis). */
  redisUrl?: string;
  /** Concurrent clients of the raw INSERT limit. */
  rawClients: number;
  /** Broadcasts of the raw socket.io limit. */
  rawBroadcasts: number;
  /** Sockets connecting at a time (watchers and voters, app and raw alike). */
  connectConcurrency: number;
  /** Keep the bench database / data directory afterwards (for a look at it). */
  keep: boolean;
};

const DEFAULT_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/test";

function flagMap(argv: string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument ${arg} (flags look like --voters=2000)`);
    flags.set(match[1]!, match[2] ?? "true");
  }
  return flags;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): LoadOptions {
  const flags = flagMap(argv);
  const known = new Set([
    "engine",
    "voters",
    "senders",
    "watchers",
    "proposals",
    "graphql-share",
    "redis",
    "raw-clients",
    "raw-broadcasts",
    "connect-concurrency",
    "keep",
  ]);
  for (const name of flags.keys()) if (!known.has(name)) throw new Error(`unknown flag --${name}; known: ${[...known].join(", ")}`);
  const pick = (flag: string, envName: string) => flags.get(flag) ?? env[envName];
  const int = (flag: string, envName: string, fallback: number, min = 1) => {
    const raw = pick(flag, envName);
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${flag} must be a whole number ≥ ${min}, got ${raw}`);
    return value;
  };
  const engineRaw = pick("engine", "BENCH_ENGINE") ?? "auto";
  const engines: LoadOptions["engines"] =
    engineRaw === "auto"
      ? "auto"
      : engineRaw === "both"
        ? ["postgres", "pglite"]
        : engineRaw === "postgres" || engineRaw === "pglite"
          ? [engineRaw]
          : [];
  if (engines !== "auto" && engines.length === 0) throw new Error(`--engine must be postgres, pglite or both, got ${engineRaw}`);
  const watchersRaw = pick("watchers", "BENCH_WATCHERS") ?? "1000";
  const watchers = watchersRaw.split(",").map((w) => Number(w.trim()));
  if (watchers.some((w) => !Number.isInteger(w) || w < 1)) throw new Error(`--watchers must be whole numbers like 1000 or 1000,5000`);
  const share = Number(pick("graphql-share", "BENCH_GRAPHQL_SHARE") ?? "0.1");
  if (!(share >= 0 && share <= 1)) throw new Error(`--graphql-share must be between 0 and 1`);
  const redisFlag = pick("redis", "BENCH_REDIS_URL");
  const options: LoadOptions = {
    engines,
    voters: int("voters", "BENCH_VOTERS", 2000),
    senders: int("senders", "BENCH_SENDERS", 100),
    watchers,
    proposals: int("proposals", "BENCH_PROPOSALS", 5),
    graphqlShare: share,
    adminUrl: env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL || DEFAULT_ADMIN_URL,
    redisUrl: redisFlag === undefined || redisFlag === "false" ? undefined : redisFlag === "true" ? "redis://127.0.0.1:6379" : redisFlag,
    rawClients: int("raw-clients", "BENCH_RAW_CLIENTS", 32),
    rawBroadcasts: int("raw-broadcasts", "BENCH_RAW_BROADCASTS", 20),
    connectConcurrency: int("connect-concurrency", "BENCH_CONNECT_CONCURRENCY", 100),
    keep: flags.has("keep"),
  };
  if (options.senders > options.voters) throw new Error(`--senders (${options.senders}) cannot exceed --voters (${options.voters})`);
  return options;
}
