// The paths the per-address "writing and guessing" limit covers (functions/contract/routes.ts, `rateLimited`), pinned
// once for the tests of the WAF rule and of the edge: a route joining or leaving the list changes this file.
export const RATE_LIMITED_API_PATHS = [
  '/api/uploads',
  '/api/reports',
  '/api/track',
  '/api/track/messages',
  '/api/track/applications',
  '/api/track/applications/messages',
  '/api/auth/login',
] as const;
