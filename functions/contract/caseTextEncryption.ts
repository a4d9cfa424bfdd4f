// The encryption context every case-text data key is generated and opened with (functions/adapters/kmsEnvelopeSealer.ts).
// The stack allows the case-text key's GenerateDataKey and Decrypt only with this context (lib/secrets.ts), so the
// functions' roles can use that key for case text and nothing else.
export const CASE_TEXT_ENCRYPTION_CONTEXT = { purpose: 'clean-portal-case-text' } as const;
