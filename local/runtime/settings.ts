// Local mode's settings, from the environment, checked like a handler's configuration.
import { PER_ADDRESS_LIMITS } from '#contract/abuseLimits.js';
import { LIMITS } from '#contract/limits.js';
import * as z from 'zod';
import { parseEnvironment } from '#runtime/config.js';

export const localEnvironment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  COUNTRY: z
    .string()
    .regex(/^[a-z]{2}$/)
    .default('kr'),
  DATA_DIR: z.string().min(1).default('.data'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  S3_ENDPOINT: z.url().optional(),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('WARN'),
  /** The demo accounts' password; one is generated on first start when unset. */
  DEMO_PASSWORD: z.string().min(8, 'DEMO_PASSWORD must have at least 8 characters').max(LIMITS.password).optional(),
  /** 1: seed made-up cases in every status on first start, for training. */
  DEMO: z
    .enum(['0', '1', 'true', 'false'])
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  COUNTRY_PACKS_DIR: z.string().min(1).default('countries'),
  /**
   * Calls a minute from one address to the rate-limited routes together (functions/contract/routes.ts `rateLimited`);
   * raised only by load tests (bench/localLoad.ts).
   */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(PER_ADDRESS_LIMITS.writeAndGuess.requests),
  /** Calls per 5 minutes from one address to any /api/* path. */
  API_RATE_LIMIT_PER_5_MINUTES: z.coerce.number().int().min(1).default(PER_ADDRESS_LIMITS.api.requests),
});

// The variables' names say their windows: these fail to compile if the contract's windows change.
export const RATE_LIMIT_WINDOW_SECONDS: 60 = PER_ADDRESS_LIMITS.writeAndGuess.windowSeconds;
export const API_RATE_LIMIT_WINDOW_SECONDS: 300 = PER_ADDRESS_LIMITS.api.windowSeconds;

export function localSettings(env: NodeJS.ProcessEnv) {
  const e = parseEnvironment(localEnvironment, env);
  return {
    port: e.PORT,
    host: e.HOST,
    country: e.COUNTRY,
    dataDir: e.DATA_DIR,
    dynamoDbEndpoint: e.DYNAMODB_ENDPOINT,
    s3Endpoint: e.S3_ENDPOINT,
    logLevel: e.LOG_LEVEL,
    demoPassword: e.DEMO_PASSWORD,
    demo: e.DEMO,
    packsDir: e.COUNTRY_PACKS_DIR,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    apiRateLimitPer5Minutes: e.API_RATE_LIMIT_PER_5_MINUTES,
  };
}

/**
 * `npm start -- ge demo data=.data-ge`: the country, DEMO and DATA_DIR as plain words, which PowerShell and cmd pass
 * as written (`COUNTRY=ge npm start` is a Unix shell's form; PowerShell drops a `--flag` given to npm run).
 */
export function startArguments(args: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const arg of args) {
    if (/^[a-z]{2}$/.test(arg)) env.COUNTRY = arg;
    else if (arg === 'demo') env.DEMO = '1';
    else if (arg.startsWith('data=')) env.DATA_DIR = arg.slice('data='.length);
    else if (/^port=\d+$/.test(arg)) env.PORT = arg.slice('port='.length);
    else throw new Error(`"${arg}" is not a start argument: give a country code (ge), demo, data=<folder> or port=<number>`);
  }
  return env;
}
