// Each function's environment is wholly local or wholly AWS, read once at cold start; a mix or a gap is named.
import { describe, expect, it } from 'vitest';
import { authEnvironment, parseEnvironment, portalEnvironment } from '#runtime/config.js';

const table = { TABLE_NAME: 'clean-portal', BUCKET_NAME: 'clean-portal-attachments', COUNTRY: 'kr' };

describe('the portal functions’ environment', () => {
  it('reads local mode from the secret files, AWS from the secret and the key', () => {
    expect(
      parseEnvironment(portalEnvironment, { ...table, PEPPER_FILE: 'p', ENCRYPTION_KEY_FILE: 'e', EVIDENCE_KEY_FILE: 'v' }),
    ).toMatchObject({ mode: 'local', PEPPER_FILE: 'p' });
    expect(parseEnvironment(portalEnvironment, { ...table, PEPPER_SECRET_ARN: 'arn:secret', KMS_KEY_ID: 'arn:key' })).toMatchObject({
      mode: 'aws',
      KMS_KEY_ID: 'arn:key',
    });
  });

  it('names what a mode is missing, and refuses one mode’s variable in the other', () => {
    expect(() => parseEnvironment(portalEnvironment, { ...table, PEPPER_FILE: 'p', ENCRYPTION_KEY_FILE: 'e' })).toThrow(
      /EVIDENCE_KEY_FILE/,
    );
    expect(() =>
      parseEnvironment(portalEnvironment, {
        ...table,
        PEPPER_FILE: 'p',
        ENCRYPTION_KEY_FILE: 'e',
        EVIDENCE_KEY_FILE: 'v',
        KMS_KEY_ID: 'k',
      }),
    ).toThrow(/KMS_KEY_ID: not used in local mode/);
    expect(() => parseEnvironment(portalEnvironment, table)).toThrow(/PEPPER_SECRET_ARN.*KMS_KEY_ID/);
  });
});

describe('sign-in’s environment', () => {
  it('is a local users dir or a user pool with its client', () => {
    expect(parseEnvironment(authEnvironment, { LOCAL_AUTH_DIR: '/data/auth' })).toMatchObject({ mode: 'local' });
    expect(parseEnvironment(authEnvironment, { USER_POOL_ID: 'eu-west-1_x', USER_POOL_CLIENT_ID: 'c' })).toMatchObject({ mode: 'aws' });
    expect(() => parseEnvironment(authEnvironment, { USER_POOL_ID: 'eu-west-1_x' })).toThrow(/USER_POOL_CLIENT_ID/);
  });
});
