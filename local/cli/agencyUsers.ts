// The logic behind `npm run users:create` (local/cli/usersCreate.ts): checks the arguments against the country pack,
// finds the stack's agency user pool, creates the account and puts it in its role's group. AWS clients are
// injected, so tests drive it with aws-sdk-client-mock. No password ever passes through here: Cognito generates
// the temporary one and e-mails it to the person.
import { LIMITS } from '#contract/limits.js';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type CloudFormationClient, DescribeStacksCommand, type Stack } from '@aws-sdk/client-cloudformation';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import * as z from 'zod';
import { PackFileError, loadCountryPack } from '#adapters/countryPackFiles.js';
import type { StaffDirectory } from '#core/staff/ports.js';
import type { CountryPack } from '#schemas/countryPack.js';
import { AGENCY_ROLES, type AgencyRole, CLAIMS } from '#contract/agencyRoles.js';
import { organizationId } from '#schemas/countryPack.js';
import { PROJECT_ROOT } from '#lib/portalFunction.js';
import { COUNTRY_CODE, STAGE_NAME, portalStackName } from '#lib/portalStack.js';

/** The stack output holding the agency user pool's id (lib/portalStack.ts). */
export const USER_POOL_OUTPUT = 'AgencyUserPoolId';
/** The stack output holding the portal table's name, where the staff directory is (core/staff/ports.ts). */
export const TABLE_OUTPUT = 'TableName';

export const USAGE = `usage: npm run users:create -- --org <organizationId> --email <address> --role <${AGENCY_ROLES.join('|')}>
                            [--country kr] [--stage dev] [--user-pool-id <id> --table-name <name>]

  Creates an agency account in the Cognito user pool of stack CleanPortal-<country>-<stage> (its output
  ${USER_POOL_OUTPUT}), or in --user-pool-id, and enters it in the staff directory of the portal's table (output
  ${TABLE_OUTPUT}, or --table-name), which assignment and notifications read. The username is the e-mail address;
  Cognito e-mails a temporary password, valid 3 days. Uses the AWS credentials and region of the environment
  (AWS_PROFILE, AWS_REGION).

  exit status: 0 created, 1 not created (AWS refused or the user exists), 2 invalid arguments`;

/** Exit status 2: the arguments are wrong. 1: they were fine, but the user could not be created. */
export class UsersCreateError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
    this.name = 'UsersCreateError';
  }
}

/** Cognito user pool ids are `<region>_<id>`, e.g. `eu-west-1_AbC123xyz`. */
const USER_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d+)_[0-9a-zA-Z]+$/;

export const usersCreateArgsSchema = z
  .strictObject({
    org: organizationId,
    // Cognito usernames are at most 128 characters; lower-cased so that the username is one spelling of the address.
    email: z.preprocess(
      (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
      z.email('an e-mail address such as jane.doe@agency.go.kr').max(LIMITS.username, `at most ${LIMITS.username} characters`),
    ),
    role: z.enum(AGENCY_ROLES, `one of ${AGENCY_ROLES.join(', ')}`),
    country: z.string().regex(COUNTRY_CODE, 'a two-letter country code such as kr').default('kr'),
    stage: z.string().regex(STAGE_NAME, 'a stage name such as dev, training or prod').default('dev'),
    userPoolId: z.string().regex(USER_POOL_ID, 'a user pool id such as eu-west-1_AbC123xyz').optional(),
    tableName: z
      .string()
      .regex(/^[a-zA-Z0-9_.-]{3,255}$/, 'a DynamoDB table name')
      .optional(),
  })
  .refine((a) => (a.userPoolId === undefined) === (a.tableName === undefined), {
    path: ['tableName'],
    message: 'goes with --user-pool-id: give both (the stack outputs AgencyUserPoolId and TableName) or neither',
  });
export type UsersCreateArgs = z.output<typeof usersCreateArgsSchema>;

/** Parses `--org x --email y --role z ...`; `help` for -h/--help. Throws UsersCreateError (exit 2) when wrong. */
export function parseUsersCreateArgs(argv: string[]): UsersCreateArgs | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        org: { type: 'string' },
        email: { type: 'string' },
        role: { type: 'string' },
        country: { type: 'string' },
        stage: { type: 'string' },
        'user-pool-id': { type: 'string' },
        'table-name': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsersCreateError((error as Error).message, 2);
  }
  if (values.help) return 'help';
  const { 'user-pool-id': userPoolId, 'table-name': tableName, help: _help, ...rest } = values;
  const parsed = usersCreateArgsSchema.safeParse({
    ...rest,
    ...(userPoolId !== undefined ? { userPoolId } : {}),
    ...(tableName !== undefined ? { tableName } : {}),
  });
  if (!parsed.success) {
    const flags: Record<string, string> = { userPoolId: 'user-pool-id', tableName: 'table-name' };
    const flag = (key: PropertyKey | undefined) => `--${flags[String(key)] ?? String(key ?? '')}`;
    throw new UsersCreateError(
      parsed.error.issues
        .map((issue) =>
          issue.code === 'invalid_type' && issue.input === undefined
            ? `${flag(issue.path[0])} is required`
            : `${flag(issue.path[0])}: ${issue.message}`,
        )
        .join('\n'),
      2,
    );
  }
  return parsed.data;
}

export interface UsersCreateClients {
  cognito: CognitoIdentityProviderClient;
  cloudFormation: CloudFormationClient;
  /** The staff directory in the named table. */
  staff: (tableName: string) => StaffDirectory;
}

export interface UsersCreateOptions {
  /** Where the country packs are. @default <project>/countries */
  packsDir?: string;
}

export interface CreatedAgencyUser {
  username: string;
  organizationId: string;
  /** In the pack's default language. */
  organizationName: string;
  role: AgencyRole;
  userPoolId: string;
  /** The stack the pool id was read from; absent with --user-pool-id. */
  stackName?: string;
}

const errorName = (error: unknown) => (error as { name?: string }).name ?? 'Error';
const errorMessage = (error: unknown) => (error as { message?: string }).message ?? String(error);

async function regionOf(client: { config: { region: unknown } }): Promise<string | undefined> {
  try {
    const region = client.config.region;
    return typeof region === 'function' ? String(await (region as () => Promise<string>)()) : String(region);
  } catch {
    return undefined;
  }
}

function loadOrganization(args: UsersCreateArgs, packsDir: string): { id: string; name: string } {
  let pack: CountryPack;
  try {
    pack = loadCountryPack(packsDir, args.country);
  } catch (error) {
    if (error instanceof PackFileError) {
      throw new UsersCreateError(`country pack "${args.country}" could not be read: ${error.message}`, 2);
    }
    throw error;
  }
  const org = pack.organizations.find((o) => o.id === args.org);
  if (!org) {
    const near = pack.organizations.map((o) => o.id).filter((id) => id.includes(args.org) || args.org.includes(id));
    throw new UsersCreateError(
      `no organization "${args.org}" in country pack "${args.country}" (countries/${args.country}/organizations.json)` +
        (near.length > 0 ? `; did you mean ${near.slice(0, 5).join(', ')}?` : ''),
      2,
    );
  }
  const oversightId = pack.country.oversightOrganizationId;
  if (args.role === 'oversight' && org.id !== oversightId) {
    throw new UsersCreateError(
      `--role oversight belongs to the oversight body "${oversightId}" only (country.json oversightOrganizationId); ` +
        `"${org.id}" staff are handlers or supervisors`,
      2,
    );
  }
  const language = pack.country.defaultLanguage;
  return { id: org.id, name: org.name[language] ?? Object.values(org.name)[0] ?? org.id };
}

async function stackOutputs(client: CloudFormationClient, stackName: string): Promise<{ userPoolId: string; tableName: string }> {
  const region = (await regionOf(client)) ?? 'the configured region';
  let stack: Stack | undefined;
  try {
    stack = (await client.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0];
  } catch (error) {
    if (errorName(error) === 'ValidationError' || /does not exist/i.test(errorMessage(error))) {
      throw new UsersCreateError(
        `there is no stack ${stackName} in ${region}: deploy it first, check AWS_PROFILE/AWS_REGION, or pass --user-pool-id`,
        1,
      );
    }
    throw new UsersCreateError(`could not read stack ${stackName} in ${region} (${errorName(error)}: ${errorMessage(error)})`, 1);
  }
  if (!stack) throw new UsersCreateError(`there is no stack ${stackName} in ${region}: deploy it first, or pass --user-pool-id`, 1);
  const output = (key: string) => stack.Outputs?.find((o) => o.OutputKey === key)?.OutputValue;
  const userPoolId = output(USER_POOL_OUTPUT);
  const tableName = output(TABLE_OUTPUT);
  for (const [key, value] of [
    [USER_POOL_OUTPUT, userPoolId],
    [TABLE_OUTPUT, tableName],
  ] as const) {
    if (!value) {
      throw new UsersCreateError(
        `stack ${stackName} (${stack.StackStatus ?? 'status unknown'}) has no output ${key}: ` +
          'deploy a version of the stack that creates the agency user pool, or pass --user-pool-id and --table-name',
        1,
      );
    }
  }
  return { userPoolId: userPoolId!, tableName: tableName! };
}

/**
 * Creates the account: username = e-mail address, `email` (verified: an administrator vouches for it),
 * `custom:organizationId`, invitation by e-mail only; then adds it to the role's group. If the group step fails the
 * account is deleted again (the e-mailed temporary password dies with it), so a retry starts clean.
 */
export async function createAgencyUser(
  clients: UsersCreateClients,
  args: UsersCreateArgs,
  options: UsersCreateOptions = {},
): Promise<CreatedAgencyUser> {
  const org = loadOrganization(args, options.packsDir ?? join(PROJECT_ROOT, 'countries'));

  const stackName = args.userPoolId ? undefined : portalStackName(args.country, args.stage);
  const { userPoolId, tableName } =
    args.userPoolId && args.tableName
      ? { userPoolId: args.userPoolId, tableName: args.tableName }
      : await stackOutputs(clients.cloudFormation, stackName!);
  const poolRegion = USER_POOL_ID.exec(userPoolId)?.[1];
  const cognitoRegion = await regionOf(clients.cognito);
  if (poolRegion && cognitoRegion && poolRegion !== cognitoRegion) {
    throw new UsersCreateError(
      `user pool ${userPoolId} is in ${poolRegion}, but the AWS region is ${cognitoRegion}: set AWS_REGION=${poolRegion}`,
      1,
    );
  }

  const username = args.email;
  try {
    await clients.cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: username,
        UserAttributes: [
          { Name: 'email', Value: args.email },
          { Name: 'email_verified', Value: 'true' },
          { Name: CLAIMS.organizationId, Value: org.id },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
  } catch (error) {
    const name = errorName(error);
    if (name === 'UsernameExistsException') {
      throw new UsersCreateError(
        `a user "${username}" already exists in user pool ${userPoolId}; nothing was changed ` +
          `(to mail a new temporary password: aws cognito-idp admin-create-user --user-pool-id ${userPoolId} ` +
          `--username ${username} --message-action RESEND)`,
        1,
      );
    }
    if (name === 'ResourceNotFoundException') {
      throw new UsersCreateError(`there is no user pool ${userPoolId} in ${cognitoRegion ?? 'the configured region'}`, 1);
    }
    throw new UsersCreateError(`Cognito did not create "${username}" (${name}: ${errorMessage(error)})`, 1);
  }

  // The group gives the account its role; the directory lets it be assigned cases and notified.
  const step = { name: `add it to group "${args.role}"` };
  try {
    await clients.cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: args.role }));
    step.name = `enter it in the staff directory (table ${tableName})`;
    await clients.staff(tableName).register({ username, organizationId: org.id, role: args.role, email: args.email, digest: false });
  } catch (error) {
    const why = `${errorName(error)}: ${errorMessage(error)}`;
    try {
      await clients.cognito.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: username }));
    } catch (deleteError) {
      throw new UsersCreateError(
        `created "${username}" but could not ${step.name} (${why}), nor delete it again ` +
          `(${errorName(deleteError)}): the account has no role and cannot use the portal; add it to the group ` +
          `or delete it in the Cognito console`,
        1,
      );
    }
    throw new UsersCreateError(
      `created "${username}" but could not ${step.name} (${why}); the account was deleted again, so the ` +
        'temporary password just e-mailed is void; fix the cause and run the command again',
      1,
    );
  }

  return {
    username,
    organizationId: org.id,
    organizationName: org.name,
    role: args.role,
    userPoolId,
    ...(stackName ? { stackName } : {}),
  };
}
