// Each function's environment is wholly local or wholly AWS, read once at cold start; a mix or a gap is named.
import { describe, expect, it } from 'vitest';
import { auditAnchorEnvironment, authEnvironment, parseEnvironment, portalEnvironment, sweepEnvironment } from '#runtime/config.js';

const table = { TABLE_NAME: 'clean-portal', BUCKET_NAME: 'clean-portal-attachments', COUNTRY: 'kr' };
const localFiles = {
  PEPPER_FILE: 'p',
  ENCRYPTION_KEY_FILE: 'e',
  EVIDENCE_KEY_FILE: 'v',
  AUDIT_MAC_KEY_FILE: 'a',
  CASE_KEYS_DIR: 'k',
  RECEIPT_KEY_FILE: 'r',
};

describe('the portal functions’ environment', () => {
  it('reads local mode from the secret files, AWS from the secret and the key', () => {
    expect(parseEnvironment(portalEnvironment, { ...table, ...localFiles })).toMatchObject({
      mode: 'local',
      PEPPER_FILE: 'p',
      AUDIT_MAC_KEY_FILE: 'a',
    });
    expect(
      parseEnvironment(portalEnvironment, {
        ...table,
        PEPPER_SECRET_ARN: 'arn:secret',
        KMS_KEY_ID: 'arn:key',
        CASE_KEY_TABLE: 'case-keys',
      }),
    ).toMatchObject({
      mode: 'aws',
      KMS_KEY_ID: 'arn:key',
    });
  });

  it('gives the audit MAC key its own file locally, and deployed only to the functions that name its KMS key', () => {
    expect(() => parseEnvironment(portalEnvironment, { ...table, ...localFiles, AUDIT_MAC_KEY_FILE: undefined })).toThrow(
      /AUDIT_MAC_KEY_FILE/,
    );
    const aws = { ...table, PEPPER_SECRET_ARN: 'arn:secret', KMS_KEY_ID: 'arn:key', CASE_KEY_TABLE: 'case-keys' };
    expect(parseEnvironment(portalEnvironment, { ...aws, AUDIT_MAC_KEY_ID: 'arn:mac' })).toMatchObject({ AUDIT_MAC_KEY_ID: 'arn:mac' });
    expect(parseEnvironment(portalEnvironment, aws)).not.toHaveProperty('AUDIT_MAC_KEY_ID');
    expect(() => parseEnvironment(portalEnvironment, { ...aws, AUDIT_MAC_KEY_FILE: 'a' })).toThrow(/AUDIT_MAC_KEY_FILE: not used in AWS/);
  });

  it('names what a mode is missing, and refuses one mode’s variable in the other', () => {
    expect(() => parseEnvironment(portalEnvironment, { ...table, PEPPER_FILE: 'p', ENCRYPTION_KEY_FILE: 'e' })).toThrow(
      /EVIDENCE_KEY_FILE/,
    );
    expect(() =>
      parseEnvironment(portalEnvironment, {
        ...table,
        ...localFiles,
        KMS_KEY_ID: 'k',
      }),
    ).toThrow(/KMS_KEY_ID: not used in local mode/);
    expect(() => parseEnvironment(portalEnvironment, table)).toThrow(/PEPPER_SECRET_ARN.*KMS_KEY_ID/);
    // The case keys' own store (docs/crypto-shredding.md): a table deployed, a directory locally.
    expect(() => parseEnvironment(portalEnvironment, { ...table, ...localFiles, CASE_KEYS_DIR: undefined })).toThrow(/CASE_KEYS_DIR/);
    expect(() => parseEnvironment(portalEnvironment, { ...table, PEPPER_SECRET_ARN: 'a', KMS_KEY_ID: 'k' })).toThrow(/CASE_KEY_TABLE/);
  });
});

describe('the audit anchor job’s environment', () => {
  it('is the table and the audit MAC key, and never the pepper', () => {
    expect(parseEnvironment(auditAnchorEnvironment, { TABLE_NAME: 'cases', AUDIT_MAC_KEY_FILE: 'a' })).toMatchObject({ mode: 'local' });
    const aws = parseEnvironment(auditAnchorEnvironment, { TABLE_NAME: 'cases', AUDIT_MAC_KEY_ID: 'arn:mac', PEPPER_SECRET_ARN: 'arn:p' });
    expect(aws).toMatchObject({ mode: 'aws', AUDIT_MAC_KEY_ID: 'arn:mac' });
    expect(aws).not.toHaveProperty('PEPPER_SECRET_ARN');
    expect(() => parseEnvironment(auditAnchorEnvironment, { TABLE_NAME: 'cases' })).toThrow(/AUDIT_MAC_KEY_ID/);
  });
});

describe('the deadline sweep’s environment', () => {
  it('needs the table, the bucket, the case keys, the pack and the audit key, and reads no pepper in either mode', () => {
    // Local mode hands every handler the same process environment: the sweep ignores the pepper file there.
    expect(parseEnvironment(sweepEnvironment, { ...table, ...localFiles })).toEqual({
      mode: 'local',
      TABLE_NAME: 'clean-portal',
      BUCKET_NAME: 'clean-portal-attachments',
      COUNTRY: 'kr',
      COUNTRY_PACKS_DIR: 'countries',
      AWS_REGION: 'us-east-1',
      AUDIT_MAC_KEY_FILE: 'a',
      CASE_KEYS_DIR: 'k',
    });
    const deployed = { TABLE_NAME: 'clean-portal', BUCKET_NAME: 'attachments', CASE_KEY_TABLE: 'case-keys', COUNTRY: 'kr' };
    const aws = parseEnvironment(sweepEnvironment, { ...deployed, AUDIT_MAC_KEY_ID: 'arn:mac' });
    expect(aws).toMatchObject({ mode: 'aws', AUDIT_MAC_KEY_ID: 'arn:mac' });
    expect(aws).not.toHaveProperty('PEPPER_SECRET_ARN');
    expect(() => parseEnvironment(sweepEnvironment, deployed)).toThrow(/AUDIT_MAC_KEY_ID/);
    // Retention deletes a case's key and evidence: a sweep that could not reach them would leave them behind.
    expect(() => parseEnvironment(sweepEnvironment, { ...deployed, BUCKET_NAME: undefined, AUDIT_MAC_KEY_ID: 'arn:mac' })).toThrow(
      /BUCKET_NAME/,
    );
    expect(() => parseEnvironment(sweepEnvironment, { ...deployed, CASE_KEY_TABLE: undefined, AUDIT_MAC_KEY_ID: 'arn:mac' })).toThrow(
      /CASE_KEY_TABLE/,
    );
  });
});

describe('sign-in’s environment', () => {
  it('is a local users dir or a user pool with its client', () => {
    expect(parseEnvironment(authEnvironment, { LOCAL_AUTH_DIR: '/data/auth' })).toMatchObject({ mode: 'local' });
    expect(parseEnvironment(authEnvironment, { USER_POOL_ID: 'eu-west-1_x', USER_POOL_CLIENT_ID: 'c' })).toMatchObject({ mode: 'aws' });
    expect(() => parseEnvironment(authEnvironment, { USER_POOL_ID: 'eu-west-1_x' })).toThrow(/USER_POOL_CLIENT_ID/);
  });
});
