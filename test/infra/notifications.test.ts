// Staff notifications' infrastructure (issue 16), on the stack the infra project synthesized once (with
// `-c notifySender=`): the table's stream, the notifier's two triggers (the stream, filtered to case items, with
// partial batch failures and bounded retries into the dead letters; a daily schedule), its environment and its
// sender. Its grants, and that no other role may send mail, are pinned in leastPrivilege.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { NOTIFY_SENDER_CONTEXT, notifySenderFrom, STREAM_RETRY_ATTEMPTS } from '#lib/notifications.js';
import { NOTIFY_SENDER } from './support/portalStackSetup.js';
import { sharedPortalStack } from './support/sharedPortalStack.js';
import { type CfnResource, type Json, ofType as ofTypeIn } from './support/template.js';

let resources: Record<string, CfnResource>;
beforeAll(() => {
  ({ resources } = sharedPortalStack());
});

const ofType = (type: string) => ofTypeIn(resources, type);
const refersTo = (value: Json, logicalId: string) => JSON.stringify(value).includes(`"${logicalId}"`);

function notifier(): [string, CfnResource] {
  const found = ofType('AWS::Lambda::Function').filter(([, fn]) => String(fn.Properties.Description).includes('staff notifier'));
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('staff notifications', () => {
  it('the case table streams each change with the item before and after it', () => {
    const [[, table]] = ofType('AWS::DynamoDB::Table').filter(([id]) => id.startsWith('Storage')) as [[string, CfnResource]];
    expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
  });

  it('the notifier reads the stream, case items only, reporting partial failures, retried a few times into the dead letters', () => {
    const [fnId] = notifier();
    const mappings = ofType('AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(1);
    const [, mapping] = mappings[0]!;
    expect(refersTo(mapping.Properties.FunctionName, fnId)).toBe(true);
    expect(JSON.stringify(mapping.Properties.EventSourceArn)).toContain('StreamArn');
    expect(mapping.Properties).toMatchObject({
      StartingPosition: 'LATEST',
      BatchSize: 25,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: STREAM_RETRY_ATTEMPTS,
      MaximumRecordAgeInSeconds: 6 * 60 * 60,
    });
    expect(mapping.Properties.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))).toEqual([
      { dynamodb: { Keys: { SK: { S: ['CASE'] } } } },
    ]);
    expect(JSON.stringify(mapping.Properties.DestinationConfig.OnFailure.Destination)).toContain('JobsDeadLetters');
  });

  it('runs once a day for deadline reminders and digests, with the jobs’ retries and dead letters', () => {
    const [fnId] = notifier();
    const rules = ofType('AWS::Events::Rule').filter(([, r]) =>
      (r.Properties.Targets as Json[] | undefined)?.some((t) => refersTo(t.Arn, fnId)),
    );
    expect(rules).toHaveLength(1);
    const [, rule] = rules[0]!;
    expect(rule.Properties).toMatchObject({ ScheduleExpression: 'rate(1 day)', State: 'ENABLED' });
    expect(rule.Properties.Targets[0].RetryPolicy).toMatchObject({ MaximumRetryAttempts: 2 });
    expect(JSON.stringify(rule.Properties.Targets[0].DeadLetterConfig)).toContain('JobsDeadLetters');
  });

  it('sends from the configured sender, and links to the agency console on the portal’s own address', () => {
    const [, fn] = notifier();
    const variables = fn.Properties.Environment.Variables as Record<string, Json>;
    expect(variables.NOTIFY_SENDER).toBe(NOTIFY_SENDER);
    const consoleUrl = JSON.stringify(variables.CONSOLE_URL);
    expect(consoleUrl).toContain('EdgeDistribution');
    expect(consoleUrl).toContain('/agency.html');
    expect(variables.TABLE_NAME).toEqual({ Ref: expect.stringMatching(/^StorageTable/) });
  });

  it(`-c ${NOTIFY_SENDER_CONTEXT}= takes an address at a domain, nothing else; unset means no notifier`, () => {
    expect(notifySenderFrom(undefined)).toBeUndefined();
    expect(notifySenderFrom('')).toBeUndefined();
    expect(notifySenderFrom(' notify@portal.go.kr ')).toBe('notify@portal.go.kr');
    for (const bad of ['portal.go.kr', 'notify@localhost', 'a b@portal.go.kr', 42, 'x@*.example']) {
      expect(() => notifySenderFrom(bad), String(bad)).toThrow(/notifySender/);
    }
  });
});
