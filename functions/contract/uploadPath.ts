// Where the browser posts an attachment: a path on the portal's own origin, never the bucket's address. Deployed,
// CloudFront forwards a POST to this path to the attachment bucket (lib/edge.ts), so S3 and any S3 data event see a
// CloudFront server's address, not the reporter's; locally the storage gate takes it (local/runtime/localPortal.ts).
// A presigned POST's signature covers its policy document only, not the host it is sent to, so it holds either way.
export const UPLOAD_PATH = '/upload';
