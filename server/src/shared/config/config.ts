import { fileURLToPath } from 'node:url';

/** Everything the server reads from the environment, validated once at start. */
export interface AppConfig {
  port: number;
  host: string;
  /** When unset, an embedded PostgreSQL is started with its data under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  production: boolean;
  /** Folder with the built client (`client/dist`); served at `/`. */
  staticDir: string;
  /** Seed the demo world when the database is empty (default: yes in development, no in production). */
  seedDemo: boolean;
  cookieSecure: boolean;
  sessionDays: number;
  /** Express's `trust proxy`: which proxies may name the client address (X-Forwarded-For). */
  trustProxy: boolean | number | string;
  /** Sign-in (and current-password) guesses allowed per window; windows decay, nothing locks for ever. */
  signInLimits: SignInLimits;
  /** Where links in e-mails point (the address people open Lentera at); unset: the server's own URL. */
  publicUrl: string | undefined;
  mail: MailSettings;
  jobs: JobSettings;
  passwordReset: PasswordResetSettings;
  /** Training-history exports (learning-hours/export.*). */
  exports: ExportSettings;
  /**
   * LENTERA_SECRET: the server secret purpose keys are derived from (check-in tokens and codes). Unset: a random
   * one kept in the database (`server_secret`), so every instance and every restart agree without configuration.
   */
  secret: string | undefined;
  /**
   * LENTERA_CREDENTIAL_KEY: 32 bytes (64 hex characters or base64) encrypting the agencies' credential signing keys
   * at rest (AES-256-GCM). Required in production; elsewhere a fixed development key (never protects anything real).
   */
  credentialKeySecret: Buffer;
  /** Public credential verifications (paste/upload) per client address per window. */
  credentialVerifyLimit: { perAddress: number; windowMinutes: number };
}

export interface MailSettings {
  /** `smtp://user:pass@host:587` or `smtps://…`; unset outside production: the in-process catcher (/dev/mail). */
  smtpUrl: string | undefined;
  from: string;
  /** Port of the development mail catcher (0: any free port); a separate worker process sends there. */
  catcherPort: number;
}

export interface JobSettings {
  /** Run the job workers inside the server process; off when `lentera worker` runs them elsewhere. */
  inProcessWorker: boolean;
  /** How often an idle worker looks for jobs (LISTEN/NOTIFY wakes it sooner when the connection allows). */
  pollSeconds: number;
  /** Retries after the first failure, with exponential backoff from retryDelaySeconds; then the job is a dead letter. */
  retryLimit: number;
  retryDelaySeconds: number;
}

export interface ExportSettings {
  /** An agency export with more lines than this is written by a job and arrives as a link; smaller ones download at once. */
  directLineLimit: number;
  /** How long a stored export can be downloaded. */
  keepDays: number;
}

export interface PasswordResetSettings {
  /** How long a reset link works. */
  linkMinutes: number;
  /** Reset requests per typed e-mail address, and per client address, per window (mail bombing, probing). */
  perEmail: number;
  perAddress: number;
  windowMinutes: number;
}

export interface SignInLimits {
  /** Failed guesses per account (known or not) per window. */
  perAccount: number;
  perAccountMinutes: number;
  /** Failed guesses per client address per window, over all accounts (password spraying). */
  perAddress: number;
  perAddressMinutes: number;
}

/** "false" (default: the socket's address), "true", a hop count, or addresses/subnets ("loopback, 10.0.0.0/8"). */
function trustProxyFrom(raw: string | undefined): boolean | number | string {
  const value = raw?.trim() ?? '';
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
/** `.data/` in the clone; as root it moves when PostgreSQL's OS user cannot reach it (embedded-postgres.ts). */
export const DEFAULT_DATA_DIR = `${repoRoot}.data`;

function intFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  return {
    port: intFrom('PORT', 4000),
    host: env.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.LENTERA_DATA_DIR || DEFAULT_DATA_DIR,
    production,
    staticDir: env.LENTERA_STATIC_DIR ?? `${repoRoot}client/dist`,
    // Demo accounts share a published password: production seeds them only when asked to explicitly.
    seedDemo: env.LENTERA_SEED_DEMO ? env.LENTERA_SEED_DEMO !== 'false' : !production,
    cookieSecure: (env.LENTERA_COOKIE_SECURE ?? (production ? 'true' : 'false')) === 'true',
    sessionDays: intFrom('LENTERA_SESSION_DAYS', 14),
    trustProxy: trustProxyFrom(env.LENTERA_TRUST_PROXY),
    signInLimits: {
      perAccount: intFrom('LENTERA_SIGNIN_ACCOUNT_ATTEMPTS', 5),
      perAccountMinutes: 15,
      perAddress: intFrom('LENTERA_SIGNIN_ADDRESS_ATTEMPTS', 50),
      perAddressMinutes: 60,
    },
    publicUrl: env.LENTERA_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    mail: {
      smtpUrl: env.SMTP_URL || undefined,
      from: env.LENTERA_MAIL_FROM || 'Lentera <no-reply@lentera.localhost>',
      catcherPort: intFrom('LENTERA_MAIL_CATCHER_PORT', 1025),
    },
    jobs: {
      inProcessWorker: (env.LENTERA_IN_PROCESS_WORKER ?? 'true') !== 'false',
      pollSeconds: 2,
      retryLimit: 5,
      retryDelaySeconds: 30,
    },
    passwordReset: { linkMinutes: intFrom('LENTERA_RESET_LINK_MINUTES', 30), perEmail: 3, perAddress: 20, windowMinutes: 60 },
    secret: env.LENTERA_SECRET || undefined,
    exports: { directLineLimit: intFrom('LENTERA_EXPORT_DIRECT_LINES', 2000), keepDays: 7 },
    credentialKeySecret: credentialKeyFrom(env.LENTERA_CREDENTIAL_KEY, production),
    credentialVerifyLimit: { perAddress: intFrom('LENTERA_CREDENTIAL_VERIFY_ATTEMPTS', 30), windowMinutes: 10 },
  };
}

/** Only for development and tests: signing keys encrypted under it are as good as plain text. */
const DEVELOPMENT_CREDENTIAL_KEY = Buffer.from('lentera-development-credential-k', 'utf8');

function credentialKeyFrom(raw: string | undefined, production: boolean): Buffer {
  if (!raw) {
    if (production) throw new Error('LENTERA_CREDENTIAL_KEY is required in production (32 bytes: 64 hex characters or base64)');
    return DEVELOPMENT_CREDENTIAL_KEY;
  }
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new Error('LENTERA_CREDENTIAL_KEY must be 32 bytes: 64 hex characters or base64');
  return key;
}
