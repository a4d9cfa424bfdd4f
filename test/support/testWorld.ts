// The environment every test runs in, whatever the caller's shell holds: tests own their world (CONTRIBUTING.md). A
// newcomer who set DEMO_PASSWORD, PORT or AWS_PROFILE for `npm start`, as the README invites, runs the same tests as
// CI. vitest's workers copy the main process's environment when they start, so the global setup scrubs it there
// (test/support/testWorldSetup.ts); children a test spawns get `childEnvironment`, never the worker's own.

/** What the portal, its CLIs and the handlers read (local/runtime/settings.ts, functions/runtime/config.ts, …). */
const PORTAL_SETTINGS = [
  'PORT',
  'HOST',
  'COUNTRY',
  'COUNTRY_PACKS_DIR',
  'DATA_DIR',
  'DEMO',
  'DEMO_PASSWORD',
  'DYNAMODB_ENDPOINT',
  'S3_ENDPOINT',
  'S3_PUBLIC_ENDPOINT',
  'LOG_LEVEL',
  'RATE_LIMIT_PER_MINUTE',
  'API_RATE_LIMIT_PER_5_MINUTES',
  'TABLE_NAME',
  'BUCKET_NAME',
  'PEPPER_FILE',
  'PEPPER_SECRET_ARN',
  'ENCRYPTION_KEY_FILE',
  'EVIDENCE_KEY_FILE',
  'KMS_KEY_ID',
  'AUDIT_MAC_KEY_ID',
  'AUDIT_MAC_KEY_FILE',
  'RECEIPT_KEY_FILE',
  'RECEIPT_KEY_ID',
  'CASE_KEYS_DIR',
  'CASE_KEY_TABLE',
  'UPLOAD_URL',
  'LOCAL_AUTH_DIR',
  'USER_POOL_ID',
  'USER_POOL_CLIENT_ID',
  'SCREENSHOT_DIR',
  'SMTP_HOST',
  'SMTP_PORT',
  'CONSOLE_URL',
  'NOTIFY_SENDER',
];

/** Whole families: the AWS SDK (AWS_PROFILE, AWS_ENDPOINT_URL, …), CDK (CDK_CONTEXT_JSON), Powertools, locales. */
const CALLER_PREFIXES = ['AWS_', 'CDK_', 'POWERTOOLS_', 'LC_'];

/** Whatever a shell says about the machine that would change an answer: CI flags, the reader's language. */
const CALLER_HINTS = ['CI', 'LANGUAGE', 'TZ', 'LANG', 'NODE_ENV'];

/** The same world for everyone: dates in UTC, one locale, Node in test mode, the SDK's Node 20 notice off. */
export const KNOWN_VALUES: Readonly<Record<string, string>> = {
  TZ: 'UTC',
  LANG: 'C.UTF-8',
  NODE_ENV: 'test',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** Whether a variable of the caller's is kept out of the tests. Any `*_DIR` too: a test picks its own directories. */
export function isCallerSetting(name: string): boolean {
  return (
    PORTAL_SETTINGS.includes(name) ||
    CALLER_HINTS.includes(name) ||
    CALLER_PREFIXES.some((prefix) => name.startsWith(prefix)) ||
    (name.endsWith('_DIR') && !name.startsWith('XDG_'))
  );
}

/** The caller's environment without their settings, plus the known values. PATH, HOME and the like stay. */
export function testWorldEnvironment(caller: NodeJS.ProcessEnv): Record<string, string> {
  const world: Record<string, string> = {};
  for (const [name, value] of Object.entries(caller)) {
    if (value !== undefined && !isCallerSetting(name)) world[name] = value;
  }
  return { ...world, ...KNOWN_VALUES };
}

/** Makes `env` (the vitest main process's) the test world, in place: workers copy it when they start. */
export function enterTestWorld(env: NodeJS.ProcessEnv): void {
  const world = testWorldEnvironment(env);
  for (const name of Object.keys(env)) if (!(name in world)) delete env[name];
  Object.assign(env, world);
}

/** What a program needs to run at all: where programs are, a home and a temporary directory, Java's home. */
const RUNNING_ESSENTIALS = ['PATH', 'HOME', 'TMPDIR', 'JAVA_HOME'];

/**
 * The whole environment of a child process a test spawns (`npm start`, a CLI, `cdk synth`): the essentials, the known
 * values and the test's own settings, nothing else. Never the worker's environment, which the portal running in it
 * has filled with its own TABLE_NAME, DYNAMODB_ENDPOINT and credentials.
 */
export function childEnvironment(settings: Record<string, string> = {}, from: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const essentials: Record<string, string> = {};
  for (const name of RUNNING_ESSENTIALS) {
    const value = from[name];
    if (value !== undefined) essentials[name] = value;
  }
  return { ...essentials, ...KNOWN_VALUES, ...settings };
}
