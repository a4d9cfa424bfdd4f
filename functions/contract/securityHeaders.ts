// The headers every page of the portal is served with, by CloudFront when deployed (lib/edge.ts) and by the local
// runtime: a Content-Security-Policy that runs only the portal's own scripts and styles, no framing, no sniffing,
// no referrer, and no camera, microphone or location.

export function securityHeaders(connectSources: string[]): Record<string, string> {
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src 'self' ${connectSources.join(' ')}`.trim(),
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "object-src 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  };
}
