// Requests the portal makes to itself (the demo seeding files a dozen reports in a few seconds) carry a secret header,
// random per start and kept only in memory, that exempts them from the per-address limit. No deployed component
// knows the header.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const OWN_REQUEST_HEADER = 'x-clean-portal-own-request';

export interface OwnRequests {
  /** The headers to send on the portal's own requests. */
  headers: Record<string, string>;
  isOwn(req: IncomingMessage): boolean;
}

export function ownRequests(): OwnRequests {
  const secret = randomBytes(32).toString('base64url');
  return {
    headers: { [OWN_REQUEST_HEADER]: secret },
    isOwn(req) {
      const sent = req.headers[OWN_REQUEST_HEADER];
      return typeof sent === 'string' && sent.length === secret.length && timingSafeEqual(Buffer.from(sent), Buffer.from(secret));
    },
  };
}
