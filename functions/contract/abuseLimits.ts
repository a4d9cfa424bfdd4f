// The per-address limits, in one place: the deployed web ACL (lib/firewall.ts) and local mode
// (local/runtime/apiGateway.ts) both count by them, and the stage's lookup throttle (lib/api.ts) is derived from
// them. The arithmetic is in docs/security.md, "Abuse limits: the arithmetic".

export interface PerAddressLimit {
  /** Requests per window from one viewer address (WAF counts at least 10). */
  readonly requests: number;
  /** WAF accepts 60, 120, 300 or 600. */
  readonly windowSeconds: 60 | 120 | 300 | 600;
}

export const PER_ADDRESS_LIMITS = {
  /**
   * Writing and guessing, one budget for the `rateLimited` routes together (filing, uploads, tracking-code lookups,
   * messages, sign-in): a reporter files one report with one upload call and looks it up now and then.
   */
  writeAndGuess: { requests: 20, windowSeconds: 60 },
  /**
   * Every /api/* call. One page of the agency UI costs 1-3 calls (the queue: GET /cases; a case: GET /cases/{id},
   * one action, back to the queue; an attachment: one GET each, at most 10 per submission): an officer working a
   * queue flat out makes about 40 a minute, so 600 per 5 minutes (120 a minute) leaves room for three of them behind
   * one office address.
   */
  api: { requests: 600, windowSeconds: 300 },
} as const satisfies Record<string, PerAddressLimit>;

/** Steady requests a second one address may make within a limit. */
export function perSecond(limit: PerAddressLimit): number {
  return limit.requests / limit.windowSeconds;
}
