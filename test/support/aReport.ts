// A valid report body as a citizen's browser sends it; tests override what they exercise.
export function aReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    category: 'corruption',
    organizationId: 'kr-molit',
    language: 'en',
    title: 'Permit officer asked for cash',
    description: 'At the regional office an officer asked for 5,000,000 won to approve a building permit.',
    occurredOn: '2026-10-01',
    location: 'Sejong',
    amount: { value: 5_000_000, currency: 'KRW' },
    subjectIsHead: false,
    anonymity: 'anonymous',
    contact: null,
    uploadIds: [],
    ...overrides,
  };
}

/** A valid POST /intake body as the console sends it: the reporter's fields, no uploads, and how they reached staff. */
export function anAssistedReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { uploadIds: _none, ...fields } = aReport();
  return { ...fields, channel: 'phone', ...overrides };
}
