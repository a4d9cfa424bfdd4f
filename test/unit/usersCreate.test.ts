// `npm run users:create` (local/cli/agencyUsers.ts), with the CloudFormation and Cognito clients mocked: the arguments it
// accepts, the pool it finds, the requests it sends, and a clear error (and exit status) for each way it can fail.
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  CognitoIdentityProviderClient,
  ResourceNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  USER_POOL_OUTPUT,
  type UsersCreateArgs,
  UsersCreateError,
  TABLE_OUTPUT,
  createAgencyUser,
  parseUsersCreateArgs,
} from '#local/cli/agencyUsers.js';
import { MemoryStaffDirectory } from './support/memoryStaff.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const cloudFormation = mockClient(CloudFormationClient);
afterEach(() => {
  cognito.reset();
  cloudFormation.reset();
});

const POOL_ID = 'eu-west-1_AbCdEf123';
const TABLE = 'CleanPortal-kr-dev-Table';
/** The staff directories the command wrote to, by table name. */
let directories = new Map<string, MemoryStaffDirectory>();
afterEach(() => {
  directories = new Map();
});
const clients = () => ({
  cognito: new CognitoIdentityProviderClient({ region: 'eu-west-1' }),
  cloudFormation: new CloudFormationClient({ region: 'eu-west-1' }),
  staff: (tableName: string) => {
    const directory = directories.get(tableName) ?? new MemoryStaffDirectory();
    directories.set(tableName, directory);
    return directory;
  },
});
const OUTPUTS = [
  { OutputKey: USER_POOL_OUTPUT, OutputValue: POOL_ID },
  { OutputKey: TABLE_OUTPUT, OutputValue: TABLE },
];
const args = (overrides: Partial<UsersCreateArgs> = {}): UsersCreateArgs => ({
  org: 'kr-molit',
  email: 'jane.kim@molit.go.kr',
  role: 'handler',
  country: 'kr',
  stage: 'dev',
  ...overrides,
});
const meta = { $metadata: {}, message: 'from AWS' };
const stackWith = (outputs: { OutputKey: string; OutputValue: string }[]) => ({
  Stacks: [{ StackName: 'CleanPortal-kr-dev', StackStatus: 'UPDATE_COMPLETE' as const, CreationTime: new Date(), Outputs: outputs }],
});

/** Runs it and hands back the UsersCreateError it must throw. */
async function refusal(run: Promise<unknown>): Promise<UsersCreateError> {
  const error = await run.then(
    () => expect.unreachable('expected a UsersCreateError'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsersCreateError);
  return error as UsersCreateError;
}

const cognitoCalls = () => cognito.calls().length;

describe('parseUsersCreateArgs', () => {
  it('reads the flags, lower-cases the address, and defaults to country kr, stage dev', () => {
    expect(parseUsersCreateArgs(['--org', 'kr-molit', '--email', ' Jane.Kim@MOLIT.go.kr ', '--role', 'supervisor'])).toEqual({
      org: 'kr-molit',
      email: 'jane.kim@molit.go.kr',
      role: 'supervisor',
      country: 'kr',
      stage: 'dev',
    });
    expect(
      parseUsersCreateArgs([
        '--org=kr-acrc',
        '--email=a@b.kr',
        '--role=oversight',
        '--stage=prod',
        '--user-pool-id',
        POOL_ID,
        '--table-name',
        TABLE,
      ]),
    ).toMatchObject({ stage: 'prod', userPoolId: POOL_ID, tableName: TABLE });
    expect(parseUsersCreateArgs(['--help'])).toBe('help');
  });

  it('refuses missing or malformed arguments with exit status 2, naming each flag', () => {
    const missing = (() => {
      try {
        parseUsersCreateArgs(['--email', 'not-an-address', '--role', 'admin']);
      } catch (e) {
        return e as UsersCreateError;
      }
      throw new Error('expected a refusal');
    })();
    expect(missing).toBeInstanceOf(UsersCreateError);
    expect(missing.exitCode).toBe(2);
    expect(missing.message).toMatch(/--org is required/);
    expect(missing.message).toMatch(/--email: an e-mail address/);
    expect(missing.message).toMatch(/--role: one of handler, supervisor, oversight/);

    for (const argv of [
      ['--org', 'kr-molit', '--email', 'a@b.kr', '--role', 'handler', '--stage', 'Prod Stage'],
      ['--org', 'kr-molit', '--email', 'a@b.kr', '--role', 'handler', '--user-pool-id', 'pool'],
      ['--org', 'kr-molit', '--email', 'a@b.kr', '--role', 'handler', '--password', 'x'],
      ['--org', 'kr-molit', 'jane@b.kr'],
    ]) {
      expect(() => parseUsersCreateArgs(argv), argv.join(' ')).toThrow(UsersCreateError);
    }
  });
});

describe('createAgencyUser', () => {
  it('reads the pool id from the stack output, creates the user and adds it to the role group', async () => {
    cloudFormation.on(DescribeStacksCommand).resolves(stackWith(OUTPUTS));
    cognito.on(AdminCreateUserCommand).resolves({ User: { Username: 'jane.kim@molit.go.kr', UserStatus: 'FORCE_CHANGE_PASSWORD' } });
    cognito.on(AdminAddUserToGroupCommand).resolves({});

    const created = await createAgencyUser(clients(), args());

    expect(created).toEqual({
      username: 'jane.kim@molit.go.kr',
      organizationId: 'kr-molit',
      organizationName: expect.any(String),
      role: 'handler',
      userPoolId: POOL_ID,
      stackName: 'CleanPortal-kr-dev',
    });
    expect(cloudFormation.commandCalls(DescribeStacksCommand)[0]!.args[0].input).toEqual({ StackName: 'CleanPortal-kr-dev' });
    const create = cognito.commandCalls(AdminCreateUserCommand);
    expect(create).toHaveLength(1);
    expect(create[0]!.args[0].input).toEqual({
      UserPoolId: POOL_ID,
      Username: 'jane.kim@molit.go.kr',
      UserAttributes: [
        { Name: 'email', Value: 'jane.kim@molit.go.kr' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'custom:organizationId', Value: 'kr-molit' },
      ],
      DesiredDeliveryMediums: ['EMAIL'],
    });
    // Cognito generates the temporary password and mails it: the command never chooses or sees one.
    expect(create[0]!.args[0].input).not.toHaveProperty('TemporaryPassword');
    expect(create[0]!.args[0].input).not.toHaveProperty('MessageAction');
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL_ID,
      Username: 'jane.kim@molit.go.kr',
      GroupName: 'handler',
    });
    expect(cognito.commandCalls(AdminDeleteUserCommand)).toHaveLength(0);
    // Entered in the staff directory of the stack's table, so it can be assigned cases and notified.
    expect(await directories.get(TABLE)?.members('kr-molit')).toEqual([
      { username: 'jane.kim@molit.go.kr', organizationId: 'kr-molit', role: 'handler', email: 'jane.kim@molit.go.kr', digest: false },
    ]);
  });

  it('deletes the new user again when the staff directory refuses it, so a retry starts clean', async () => {
    cognito.on(AdminCreateUserCommand).resolves({});
    cognito.on(AdminAddUserToGroupCommand).resolves({});
    cognito.on(AdminDeleteUserCommand).resolves({});
    const failing = {
      ...clients(),
      staff: () => ({ ...new MemoryStaffDirectory(), register: () => Promise.reject(new Error('AccessDenied')) }) as never,
    };
    const error = await refusal(createAgencyUser(failing, args({ userPoolId: POOL_ID, tableName: TABLE })));
    expect(error.message).toMatch(/could not enter it in the staff directory \(table CleanPortal-kr-dev-Table\)/);
    expect(error.message).toMatch(/deleted again/);
    expect(cognito.commandCalls(AdminDeleteUserCommand)).toHaveLength(1);
  });

  it('uses --user-pool-id without asking CloudFormation, and the stage picks the stack', async () => {
    cognito.on(AdminCreateUserCommand).resolves({});
    cognito.on(AdminAddUserToGroupCommand).resolves({});
    const created = await createAgencyUser(clients(), args({ role: 'oversight', org: 'kr-acrc', userPoolId: POOL_ID, tableName: TABLE }));
    expect(created).toMatchObject({ userPoolId: POOL_ID, role: 'oversight' });
    expect(created).not.toHaveProperty('stackName');
    expect(cloudFormation.calls()).toHaveLength(0);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]!.args[0].input.GroupName).toBe('oversight');

    cloudFormation.on(DescribeStacksCommand).resolves(stackWith(OUTPUTS));
    await createAgencyUser(clients(), args({ stage: 'training' }));
    expect(cloudFormation.commandCalls(DescribeStacksCommand)[0]!.args[0].input.StackName).toBe('CleanPortal-kr-training');
  });

  it('refuses an organization the country pack does not have, before any AWS call', async () => {
    const error = await refusal(createAgencyUser(clients(), args({ org: 'kr-nowhere' })));
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/no organization "kr-nowhere" in country pack "kr"/);
    expect(cognitoCalls()).toBe(0);
    expect(cloudFormation.calls()).toHaveLength(0);
  });

  it('refuses an unknown country pack, and the oversight role outside the oversight body', async () => {
    const noPack = await refusal(createAgencyUser(clients(), args({ country: 'zz' })));
    expect(noPack.exitCode).toBe(2);
    expect(noPack.message).toMatch(/country pack "zz"/);

    const notOversight = await refusal(createAgencyUser(clients(), args({ role: 'oversight' })));
    expect(notOversight.exitCode).toBe(2);
    expect(notOversight.message).toMatch(/oversight body "kr-acrc"/);
    expect(cognitoCalls()).toBe(0);
    expect(cloudFormation.calls()).toHaveLength(0);
  });

  it('says so when the stack has no AgencyUserPoolId output', async () => {
    cloudFormation.on(DescribeStacksCommand).resolves(stackWith([{ OutputKey: 'ApiUrl', OutputValue: 'https://x/dev/api' }]));
    const error = await refusal(createAgencyUser(clients(), args()));
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(/stack CleanPortal-kr-dev \(UPDATE_COMPLETE\) has no output AgencyUserPoolId/);
    expect(error.message).toMatch(/--user-pool-id/);
    expect(cognitoCalls()).toBe(0);
  });

  it('says so when the stack does not exist in the region', async () => {
    cloudFormation
      .on(DescribeStacksCommand)
      .rejects(Object.assign(new Error('Stack with id CleanPortal-kr-dev does not exist'), { name: 'ValidationError' }));
    const error = await refusal(createAgencyUser(clients(), args()));
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(/there is no stack CleanPortal-kr-dev in eu-west-1/);
    expect(cognitoCalls()).toBe(0);
  });

  it('refuses a pool in another region than the configured one, before calling Cognito', async () => {
    const error = await refusal(createAgencyUser(clients(), args({ userPoolId: 'us-east-1_XyZ789', tableName: TABLE })));
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(/set AWS_REGION=us-east-1/);
    expect(cognitoCalls()).toBe(0);
  });

  it('reports an existing user clearly, and changes nothing', async () => {
    cognito.on(AdminCreateUserCommand).rejects(new UsernameExistsException({ ...meta, message: 'User account already exists' }));
    const error = await refusal(createAgencyUser(clients(), args({ userPoolId: POOL_ID, tableName: TABLE })));
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(/a user "jane.kim@molit.go.kr" already exists in user pool eu-west-1_AbCdEf123; nothing was changed/);
    expect(error.message).toMatch(/--message-action RESEND/);
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)).toHaveLength(0);
    expect(cognito.commandCalls(AdminDeleteUserCommand)).toHaveLength(0);
  });

  it('deletes the new user again when it cannot join its group, so a retry starts clean', async () => {
    cognito.on(AdminCreateUserCommand).resolves({});
    cognito.on(AdminAddUserToGroupCommand).rejects(new ResourceNotFoundException({ ...meta, message: 'Group not found.' }));
    cognito.on(AdminDeleteUserCommand).resolves({});
    const error = await refusal(createAgencyUser(clients(), args({ userPoolId: POOL_ID, tableName: TABLE })));
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(
      /created "jane.kim@molit.go.kr" but could not add it to group "handler" \(ResourceNotFoundException: Group not found.\)/,
    );
    expect(error.message).toMatch(/deleted again/);
    expect(cognito.commandCalls(AdminDeleteUserCommand)[0]!.args[0].input).toEqual({
      UserPoolId: POOL_ID,
      Username: 'jane.kim@molit.go.kr',
    });
  });
});
