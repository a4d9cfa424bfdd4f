// The SDK-only baseline: the clients of the SDK packages a function bundles, its minimum calls, nothing else.
import { describe, expect, it } from 'vitest';
import { baselineSource } from '../../../bench/functionBundles.js';
import { runsPerMonth } from '../../../bench/templateInventory.js';

describe('baselineSource', () => {
  it('creates a client per SDK package and makes the minimum calls with raw commands', () => {
    const source = baselineSource(['client-dynamodb', 'client-s3', 'lib-dynamodb'], ['DynamoDB.Query', 'DynamoDB.TransactWriteItems']);
    expect(source).toContain('new DynamoDBClient(');
    expect(source).toContain('DynamoDBDocumentClient.from(dynamodb)');
    expect(source).toContain('new S3Client(');
    expect(source).toContain('new QueryCommand(');
    expect(source).toContain('new TransactWriteItemsCommand(');
    expect(source).not.toMatch(/middy|zod|powertools|functions\//);
  });

  it('brings a DynamoDB client for calls even when the function bundles none, and refuses a call it cannot make', () => {
    expect(baselineSource([], ['DynamoDB.GetItem'])).toContain('new DynamoDBClient(');
    expect(baselineSource([], [])).not.toContain('DynamoDBClient');
    expect(() => baselineSource([], ['SQS.SendMessage'])).toThrow(/no baseline command/);
  });
});

describe('runsPerMonth', () => {
  it('counts a schedule’s runs in a 30-day month', () => {
    expect(runsPerMonth('rate(5 minutes)')).toBe(8640);
    expect(runsPerMonth('rate(1 hour)')).toBe(720);
    expect(runsPerMonth('rate(1 day)')).toBe(30);
    expect(() => runsPerMonth('cron(0 12 * * ? *)')).toThrow(/cannot price/);
  });
});
