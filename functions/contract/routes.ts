// The API's routes, as API Gateway maps them when deployed (lib/api.ts builds one function per route) and the local
// runtime maps them in `npm start`: method, resource template, the handler module it invokes, and its limits.

export interface Route {
  method: 'GET' | 'POST' | 'PATCH';
  /** Resource template under /api, e.g. /pages/{id}. */
  resource: string;
  /** The handler's file name under functions/handlers/, also the Lambda function's name. */
  handler: string;
  /**
   * Writing and guessing: counted against the tight per-address budget (PER_ADDRESS_LIMITS.writeAndGuess in
   * functions/contract/abuseLimits.ts, 20 calls a minute, one budget for all these routes together), as the WAF rule
   * `RateLimitedPaths` does when deployed. Filing is counted with the lookups: its 409 ("this code already belongs to
   * another report") would otherwise answer what /track refuses to. Every route, marked or not, is also under the
   * wide per-address budget of all /api/* calls (PER_ADDRESS_LIMITS.api, the WAF rule `ApiPerAddress`).
   */
  rateLimited?: boolean;
  /**
   * A lookup a guesser would hammer (a tracking code, a password): also under the stage-wide lookup throttle when
   * deployed (lib/api.ts), on top of the per-address limit.
   */
  lookupThrottle?: boolean;
  /**
   * `agency`: a valid agency ID token (`Authorization: Bearer …`) is required, as API Gateway's Cognito authorizer
   * requires it when deployed; its claims reach the handler in `requestContext.authorizer.claims`.
   */
  auth?: 'agency';
}

export const ROUTES: Route[] = [
  { method: 'GET', resource: '/config', handler: 'getConfig' },
  { method: 'GET', resource: '/pages/{id}', handler: 'getPage' },
  { method: 'POST', resource: '/uploads', handler: 'createUploads', rateLimited: true },
  { method: 'POST', resource: '/reports', handler: 'createReport', rateLimited: true },
  { method: 'GET', resource: '/receipts/keys', handler: 'getReceiptKeys' },
  { method: 'POST', resource: '/track', handler: 'trackCase', rateLimited: true, lookupThrottle: true },
  { method: 'POST', resource: '/track/messages', handler: 'postTrackMessage', rateLimited: true, lookupThrottle: true },
  { method: 'POST', resource: '/track/applications', handler: 'createApplication', rateLimited: true, lookupThrottle: true },
  {
    method: 'POST',
    resource: '/track/applications/messages',
    handler: 'postApplicationMessage',
    rateLimited: true,
    lookupThrottle: true,
  },
  { method: 'POST', resource: '/auth/login', handler: 'login', rateLimited: true, lookupThrottle: true },
  { method: 'GET', resource: '/cases', handler: 'listCases', auth: 'agency' },
  { method: 'GET', resource: '/cases/{caseId}', handler: 'getCase', auth: 'agency' },
  { method: 'PATCH', resource: '/cases/{caseId}', handler: 'updateCase', auth: 'agency' },
  { method: 'POST', resource: '/cases/{caseId}/messages', handler: 'postCaseMessage', auth: 'agency' },
  { method: 'POST', resource: '/cases/{caseId}/transfer', handler: 'transferCase', auth: 'agency' },
  { method: 'POST', resource: '/cases/{caseId}/hold', handler: 'setLegalHold', auth: 'agency' },
  { method: 'POST', resource: '/cases/{caseId}/assignment', handler: 'assignCase', auth: 'agency' },
  { method: 'POST', resource: '/cases/{caseId}/conflict', handler: 'declareConflict', auth: 'agency' },
  { method: 'GET', resource: '/staff', handler: 'listStaff', auth: 'agency' },
  { method: 'POST', resource: '/cases/{caseId}/export', handler: 'exportCase', auth: 'agency' },
  { method: 'GET', resource: '/cases/{caseId}/attachments/{attachmentId}', handler: 'getAttachment', auth: 'agency' },
  { method: 'GET', resource: '/applications', handler: 'listApplications', auth: 'agency' },
  { method: 'GET', resource: '/applications/{applicationId}', handler: 'getApplication', auth: 'agency' },
  { method: 'PATCH', resource: '/applications/{applicationId}', handler: 'decideApplication', auth: 'agency' },
  { method: 'POST', resource: '/applications/{applicationId}/messages', handler: 'postApplicantMessage', auth: 'agency' },
  { method: 'POST', resource: '/intake', handler: 'createAssistedReport', auth: 'agency' },
  { method: 'GET', resource: '/stats', handler: 'getStats', auth: 'agency' },
  { method: 'GET', resource: '/staff/me', handler: 'getStaffMe', auth: 'agency' },
  { method: 'PATCH', resource: '/staff/me', handler: 'updateStaffMe', auth: 'agency' },
  { method: 'GET', resource: '/stats/public', handler: 'getPublicStats' },
];
