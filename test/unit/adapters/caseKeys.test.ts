// Case keys (docs/crypto-shredding.md): text sealed under a case's own key opens until the key is shredded, and
// never after; other cases are untouched; ciphertexts from before case keys still open. The DynamoDB store creates a
// key in one conditional PutItem, the cache forgets a shredded key at once and every key after five minutes.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { CASE_KEY_MAX_AGE_MS, CachedCaseKeys } from '#adapters/cachedCaseKeys.js';
import { CaseKeyMissing, CaseKeySealer } from '#adapters/caseKeySealer.js';
import { DynamoCaseKeyStore } from '#adapters/dynamoCaseKeyStore.js';
import { KmsEnvelopeSealer } from '#adapters/kmsEnvelopeSealer.js';
import { LocalCaseKeyStore } from '#adapters/localCaseKeyStore.js';
import { LocalKeySealer } from '#adapters/localKeySealer.js';
import { LocalSealedEvidenceStore, sealEvidence } from '#adapters/localSealedEvidenceStore.js';
import { MemoryCaseKeys, MemoryEvidenceStore } from '../support/memoryPorts.js';

const TEXT_KEY = Buffer.alloc(32, 9);
const localStore = () =>
  new LocalCaseKeyStore(join(mkdtempSync(join(tmpdir(), 'cp-case-keys-')), 'case-keys'), new LocalKeySealer(TEXT_KEY));

describe('CaseKeySealer over the local key store', () => {
  it('seals under the case key, opens until the shred and never after, and leaves other cases alone', async () => {
    const keys = localStore();
    const sealer = new CaseKeySealer(keys, new LocalKeySealer(TEXT_KEY));
    const a = await sealer.seal('시장이 뇌물을 받았다', 'CASEA');
    const b = await sealer.seal('another case', 'CASEB');
    expect(a).toMatch(/^c1:/);
    expect(a).not.toContain('뇌물');
    expect(await sealer.open(a, 'CASEA')).toBe('시장이 뇌물을 받았다');
    await expect(sealer.open(a, 'CASEB')).rejects.toThrow();

    await keys.shred('CASEA');
    await keys.shred('CASEA'); // idempotent
    await expect(sealer.open(a, 'CASEA')).rejects.toBeInstanceOf(CaseKeyMissing);
    expect(await sealer.open(b, 'CASEB')).toBe('another case');
  });

  it('opens l1: and k1: ciphertexts from before case keys through the legacy sealer', async () => {
    const legacy = new LocalKeySealer(TEXT_KEY);
    const old = await legacy.seal('filed last year', 'CASEOLD');
    expect(await new CaseKeySealer(localStore(), legacy).open(old, 'CASEOLD')).toBe('filed last year');

    const kms = mockClient(KMSClient);
    kms.on(GenerateDataKeyCommand).resolves({ Plaintext: new Uint8Array(TEXT_KEY), CiphertextBlob: new Uint8Array(Buffer.from('edk')) });
    kms.on(DecryptCommand).resolves({ Plaintext: new Uint8Array(TEXT_KEY) });
    const envelope = new KmsEnvelopeSealer(new KMSClient({ region: 'us-east-1' }), 'alias/case-text');
    const k1 = await envelope.seal('sealed under KMS', 'CASEOLD');
    expect(k1).toMatch(/^k1:/);
    expect(await new CaseKeySealer(new MemoryCaseKeys(), envelope).open(k1, 'CASEOLD')).toBe('sealed under KMS');
    kms.restore();
  });

  it('keeps one wrapped key file per case, agreed by concurrent first seals, and refuses a path as a case id', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'cp-case-keys-')), 'case-keys');
    const keys = new LocalCaseKeyStore(dir, new LocalKeySealer(TEXT_KEY));
    const [first, second] = await Promise.all([keys.keyFor('CASEA'), keys.keyFor('CASEA')]);
    expect(Buffer.from(first!).equals(Buffer.from(second!))).toBe(true);
    expect(readdirSync(dir)).toEqual(['CASEA.key']);
    expect(await keys.find('CASEZ')).toBeNull();
    await expect(keys.find('../pepper')).rejects.toThrow(/not a case id/);
  });
});

describe('evidence under the case key', () => {
  it('is sealed as CPE2, opens until the shred, and old CPE1 evidence still opens under the key file', async () => {
    const keys = new MemoryCaseKeys();
    const inner = new MemoryEvidenceStore();
    const store = new LocalSealedEvidenceStore(inner as never, Buffer.alloc(32, 4), keys);
    const body = Buffer.from('%PDF-1.4 receipt');
    await store.write('evidence/CASEA/F1', body, 'application/pdf');
    const stored = await inner.read('evidence/CASEA/F1');
    expect(Buffer.from(stored.subarray(0, 4)).toString()).toBe('CPE2');
    expect(Buffer.from(await store.read('evidence/CASEA/F1')).equals(body)).toBe(true);

    await inner.write('evidence/CASEOLD/F1', sealEvidence(Buffer.alloc(32, 4), 'evidence/CASEOLD/F1', body), 'application/octet-stream');
    expect(Buffer.from(await store.read('evidence/CASEOLD/F1')).equals(body)).toBe(true);

    await keys.shred('CASEA');
    await expect(store.read('evidence/CASEA/F1')).rejects.toThrow(/no key/);
  });
});

describe('DynamoCaseKeyStore', () => {
  const ddb = mockClient(DynamoDBDocumentClient);
  afterEach(() => ddb.reset());
  const store = () =>
    new DynamoCaseKeyStore(
      DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' })),
      'case-keys',
      new LocalKeySealer(TEXT_KEY),
    );

  it('creates a key with one conditional PutItem, wrapped, never in the clear', async () => {
    ddb.on(PutCommand).resolves({});
    const key = await store().keyFor('CASEA');
    const put = ddb.commandCalls(PutCommand)[0]!.args[0].input;
    expect(ddb.calls()).toHaveLength(1);
    expect(put).toMatchObject({
      TableName: 'case-keys',
      ConditionExpression: 'attribute_not_exists(caseId)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
    expect(JSON.stringify(put.Item)).not.toContain(Buffer.from(key).toString('base64'));
  });

  it('answers a case that has a key with the stored one, from the refusal itself', async () => {
    const wrappedKey = await new LocalKeySealer(TEXT_KEY).seal(Buffer.alloc(32, 1).toString('base64'), 'case-key:CASEA');
    ddb
      .on(PutCommand)
      .rejects(new ConditionalCheckFailedException({ message: 'exists', $metadata: {}, Item: marshall({ caseId: 'CASEA', wrappedKey }) }));
    expect(Buffer.from(await store().keyFor('CASEA')).equals(Buffer.alloc(32, 1))).toBe(true);
    expect(ddb.calls()).toHaveLength(1);
    // A key wrapped for another case does not open for this one.
    ddb.on(GetCommand).resolves({ Item: { caseId: 'CASEB', wrappedKey } });
    await expect(store().find('CASEB')).rejects.toThrow();
  });

  it('shreds with DeleteItem, and a store failure is a typed 503', async () => {
    ddb.on(DeleteCommand).resolves({});
    await store().shred('CASEA');
    expect(ddb.commandCalls(DeleteCommand)[0]!.args[0].input).toEqual({ TableName: 'case-keys', Key: { caseId: 'CASEA' } });
    ddb.on(GetCommand).rejects(new Error('down'));
    await expect(store().find('CASEA')).rejects.toMatchObject({ code: 'UNAVAILABLE', status: 503 });
  });
});

describe('CachedCaseKeys', () => {
  it('opens a key once, forgets it on shred at once and after five minutes anyway', async () => {
    const inner = new MemoryCaseKeys();
    let reads = 0;
    const counting = {
      ...inner,
      keyFor: (id: string) => inner.keyFor(id),
      shred: (id: string) => inner.shred(id),
      find: (id: string) => {
        reads++;
        return inner.find(id);
      },
    };
    let now = 0;
    const keys = new CachedCaseKeys(counting, () => now);
    await keys.keyFor('CASEA');
    await keys.find('CASEA');
    expect(reads).toBe(0);
    now = CASE_KEY_MAX_AGE_MS;
    await keys.find('CASEA');
    expect(reads).toBe(1);
    await keys.shred('CASEA');
    expect(await keys.find('CASEA')).toBeNull();
  });
});
