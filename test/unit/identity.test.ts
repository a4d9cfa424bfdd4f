// Who an agency caller is, from authorizer claims as API Gateway (or the local runtime) hands them over.
import { describe, expect, it } from 'vitest';
import { DomainError } from '#core/errors.js';
import { identityFromClaims } from '#core/identity.js';

const claims = (groups: unknown, extra: Record<string, unknown> = {}) => ({
  'cognito:username': 'supervisor@kr-molit',
  'custom:organizationId': 'kr-molit',
  'cognito:groups': groups,
  ...extra,
});

describe('identityFromClaims', () => {
  it('reads a single group given as a string', () => {
    expect(identityFromClaims(claims('supervisor'))).toEqual({
      username: 'supervisor@kr-molit',
      organizationId: 'kr-molit',
      role: 'supervisor',
    });
  });

  it('reads bracketed, space- or comma-separated lists and arrays; the most powerful role wins', () => {
    expect(identityFromClaims(claims('[handler supervisor]')).role).toBe('supervisor');
    expect(identityFromClaims(claims('handler,oversight')).role).toBe('oversight');
    expect(identityFromClaims(claims(['handler'])).role).toBe('handler');
    expect(identityFromClaims(claims(['supervisor', 'handler', 'staff'])).role).toBe('supervisor');
  });

  it.each([
    ['no claims at all', undefined],
    ['null claims', null],
    ['no username', claims('handler', { 'cognito:username': undefined })],
    ['an empty organization', claims('handler', { 'custom:organizationId': '' })],
    ['no groups', claims(undefined)],
    ['only unknown groups', claims('[admins staff]')],
    ['a number for a username', claims('handler', { 'cognito:username': 42 })],
  ])('refuses %s with UNAUTHENTICATED', (_what, input) => {
    let thrown: unknown;
    try {
      identityFromClaims(input as Record<string, unknown> | null | undefined);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).code).toBe('UNAUTHENTICATED');
  });
});
