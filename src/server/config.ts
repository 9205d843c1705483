// Every environment variable the product reads, parsed once by zod (STYLE: t3's env module).
// `.env.example` documents each one; a bad value stops start-up with a clear message.
import { z } from "zod";
import { parseTrustedProxies, type TrustedProxies } from "@/server/http/client-address";

const booleanFromString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOSTNAME: z.string().min(1).default("0.0.0.0"),
  /** PostgreSQL; when absent an embedded PostgreSQL is started with data under DATA_DIR/pg. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Redis; when set, Socket.IO rooms and presence are shared by every app node. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** Signs sign-in session JWTs. Generated and kept in DATA_DIR when absent (development, demo). */
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  /** Where the app keeps its embedded database, uploads and generated secret. */
  DATA_DIR: z.string().min(1).default(".data"),
  /** Seed the demo shop on start: default yes with the embedded database, no otherwise. */
  SEED_DEMO: booleanFromString.optional(),
  /** Outgoing mail, e.g. smtp://user:pass@host:587. Without it nothing is sent (the outbox, MAIL-1). */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default("Counterpart <no-reply@counterpart.local>"),
  /** Public base URL used in emails (activation links), and the app's own origin for Origin checks (docs/security.md). */
  PUBLIC_URL: z.url().optional(),
  /** ASSIGN-2: a reload within this many seconds does not count as leaving the console. */
  PRESENCE_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
  /** Identifies this app process among several sharing PostgreSQL and Redis. */
  NODE_ID: z.string().min(1).optional(),
  /**
   * NF-3: proxies (addresses or CIDR blocks, comma-separated) whose X-Forwarded-For hops are
   * believed for per-address limits. Empty: trust none, key by the socket's peer address.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value) => value.split(",").map((entry) => entry.trim()).filter(Boolean))
    .superRefine((entries, context) => {
      try {
        parseTrustedProxies(entries);
      } catch (error) {
        context.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  /** SHOP-1: public sign-up of new shops (/sign-up). false for a single-shop deployment: the page and its API answer 404. */
  SIGNUP_ENABLED: booleanFromString.default(true),
  /** SET-3: the translation engine; unset, translation is off (docs/translation.md). */
  TRANSLATION_ENGINE: z.enum(["apertium", "libretranslate"]).optional(),
  /** The engine's base URL: Apertium APY (http://127.0.0.1:2737) or a LibreTranslate server. */
  TRANSLATION_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** LibreTranslate's api_key, when the server asks for one. */
  TRANSLATION_API_KEY: z.string().min(1).optional(),
  /** Per engine call; retries and the circuit breaker come on top (docs/translation.md). */
  TRANSLATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** json: one JSON object a line; pretty: one readable line. Default: pretty in a terminal, json otherwise. */
  LOG_FORMAT: z.enum(["json", "pretty"]).optional(),
  /** OPS-3: bearer token that /metrics asks for; without it /metrics answers 404 (docs/operations.md). */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
});

export type AppConfig = z.infer<typeof configSchema>;

export function parseConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  if (result.data.TRANSLATION_ENGINE && !result.data.TRANSLATION_URL) {
    throw new Error("Invalid configuration:\n  TRANSLATION_URL: required when TRANSLATION_ENGINE is set");
  }
  return result.data;
}

let cached: AppConfig | undefined;

/** The process's configuration, parsed on first use. */
export function getConfig(): AppConfig {
  cached ??= parseConfig();
  return cached;
}

let trustedProxies: TrustedProxies | undefined;

/** NF-3: TRUSTED_PROXIES as a membership test (docs/security.md, "Widget trust"). */
export function getTrustedProxies(): TrustedProxies {
  trustedProxies ??= parseTrustedProxies(getConfig().TRUSTED_PROXIES);
  return trustedProxies;
}

/** SHOP-1: whether /sign-up and POST /api/sign-up exist on this deployment. */
export function isSignUpEnabled(): boolean {
  return getConfig().SIGNUP_ENABLED;
}
