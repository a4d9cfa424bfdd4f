// Where case exports are kept (docs/case-export.md): `exports/<caseId>/<exportId>.zip` in the attachment bucket,
// under its encryption, and gone after a day (the bucket's lifecycle rule, lib/storage.ts). The stack, the handler
// and local mode's storage gate name the prefix from here.
export const EXPORT_PREFIX = 'exports/';

export const exportObjectKey = (caseId: string, exportId: string): string => `${EXPORT_PREFIX}${caseId}/${exportId}.zip`;
