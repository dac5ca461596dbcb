// Environment configuration, parsed with zod at start-up: a bad value stops start-up with a clear message.
import path from 'node:path';
import { z } from 'zod';
import { passwordProblem } from './model/account';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], 'must be true or false')
    .optional()
    .transform((v) => (v === undefined ? fallback : ['true', '1', 'yes'].includes(v)));

/** An origin as browsers send it: http(s), host, optional port; no path, query or credentials. */
const OriginUrl = z
  .string()
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (
          (url.protocol === 'http:' || url.protocol === 'https:') &&
          url.pathname === '/' &&
          !url.search &&
          !url.hash &&
          !url.username &&
          !url.password &&
          !value.endsWith('?') &&
          !value.endsWith('#')
        );
      } catch {
        return false;
      }
    },
    {
      error: (issue) =>
        `${JSON.stringify(issue.input)} is not an origin: give origins like https://atlas.example.org (scheme, host, optional port), separated by commas`,
    },
  )
  .transform((value) => new URL(value).origin);

const originList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== ''),
  )
  .pipe(z.array(OriginUrl))
  .default([]);

const millis = (min: number, max: number) =>
  z.coerce
    .number('must be a number of milliseconds')
    .int('must be a whole number of milliseconds')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\//, 'must be a neo4j:// or bolt:// URI (optionally +s / +ssc)')
    .optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'must be a Neo4j database name')
    .default('neo4j'),
  /** Giving up on opening a connection to Neo4j (an unreachable host), in ms. */
  NEO4J_CONNECTION_TIMEOUT_MS: millis(100, 600_000).default(5_000),
  /** Waiting for a free connection of the pool, in ms. */
  NEO4J_ACQUISITION_TIMEOUT_MS: millis(100, 600_000).default(20_000),
  NEO4J_POOL_SIZE: z.coerce
    .number('must be a number')
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(20),
  /** How long transient Neo4j errors (deadlocks, lock waits) are retried, in ms (0: never). */
  NEO4J_MAX_RETRY_MS: millis(0, 600_000).default(5_000),
  /** While Neo4j is down, how often it is probed (and start-up attempted again), in ms. */
  NEO4J_PROBE_INTERVAL_MS: millis(50, 60_000).default(500),
  SEED: bool(true),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Behind one reverse proxy: X-Forwarded-Host/-Proto/-For are believed (one hop). */
  TRUST_PROXY: bool(false),
  /** Other origins whose pages may send state-changing requests (the app's own origin always may). */
  ALLOWED_ORIGINS: originList,
  /** The first administrator's password, used only when the store has no account yet. Never echoed. */
  ADMIN_PASSWORD: z
    .string()
    .superRefine((value, ctx) => {
      const problem = passwordProblem(value, 'admin');
      if (problem) ctx.addIssue({ code: 'custom', message: `${problem} (the rule for every password)` });
    })
    .optional(),
  SESSION_HOURS: z.coerce
    .number('must be a number of hours')
    .positive('must be more than 0')
    .max(720, 'must be at most 720 (30 days)')
    .default(12),
  /** How long a read request may use a session this instance cached; under 5 so that a sign-out reaches every instance within 5 s. */
  SESSION_CACHE_SECONDS: z.coerce
    .number('must be a number of seconds')
    .min(0, 'must be at least 0 (0: no cache)')
    .max(4, 'must be at most 4')
    .default(2),
  LOCKOUT_MINUTES: z.coerce
    .number('must be a number of minutes')
    .positive('must be more than 0')
    .max(1440, 'must be at most 1440 (a day)')
    .default(15),
  /** Always mark the session cookie Secure (behind a TLS-terminating proxy that is not trusted). */
  COOKIE_SECURE: bool(false),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  seed: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  trustProxy: boolean;
  allowedOrigins: string[];
  adminPassword?: string;
  sessionHours: number;
  lockoutMinutes: number;
  sessionCacheSeconds: number;
  cookieSecure: boolean;
  neo4j?: {
    uri: string;
    user: string;
    password: string;
    database: string;
    connectionTimeoutMs: number;
    acquisitionTimeoutMs: number;
    poolSize: number;
    maxRetryMs: number;
    probeIntervalMs: number;
  };
};

export class ConfigError extends Error {}

/** Reads the configuration from an environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = Env.safeParse(blankless);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    seed: e.SEED,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    allowedOrigins: e.ALLOWED_ORIGINS,
    ...(e.ADMIN_PASSWORD !== undefined ? { adminPassword: e.ADMIN_PASSWORD } : {}),
    sessionHours: e.SESSION_HOURS,
    lockoutMinutes: e.LOCKOUT_MINUTES,
    sessionCacheSeconds: e.SESSION_CACHE_SECONDS,
    cookieSecure: e.COOKIE_SECURE,
    ...(e.NEO4J_URI
      ? {
          neo4j: {
            uri: e.NEO4J_URI,
            user: e.NEO4J_USER,
            password: e.NEO4J_PASSWORD,
            database: e.NEO4J_DATABASE,
            connectionTimeoutMs: e.NEO4J_CONNECTION_TIMEOUT_MS,
            acquisitionTimeoutMs: e.NEO4J_ACQUISITION_TIMEOUT_MS,
            poolSize: e.NEO4J_POOL_SIZE,
            maxRetryMs: e.NEO4J_MAX_RETRY_MS,
            probeIntervalMs: e.NEO4J_PROBE_INTERVAL_MS,
          },
        }
      : {}),
  };
}
