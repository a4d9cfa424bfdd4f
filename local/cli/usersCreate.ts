// `npm run users:create -- --org <organizationId> --email <address> --role <handler|supervisor|oversight>
//                          [--country kr] [--stage dev] [--user-pool-id <id> --table-name <name>]`
// Creates an agency account in the deployed stack's Cognito user pool (lib/auth.ts). Cognito e-mails the person a
// temporary password; this command never sees, prints or logs one. The logic is in local/cli/agencyUsers.ts.
// Exit status: 0 created, 1 not created (AWS refused, or the user already exists), 2 invalid arguments.
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoStaffDirectory } from '#adapters/dynamoStaffDirectory.js';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { USAGE, UsersCreateError, createAgencyUser, parseUsersCreateArgs } from './agencyUsers.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function fail(error: unknown): never {
  if (error instanceof UsersCreateError) {
    console.error(`✗ ${error.message}`);
    if (error.exitCode === 2) console.error(`\n${USAGE}`);
    process.exit(error.exitCode);
  }
  // Credentials or region missing, network down: the SDK's own message says which.
  console.error(`✗ ${(error as Error).name ?? 'Error'}: ${(error as Error).message ?? String(error)}`);
  process.exit(1);
}

let args: ReturnType<typeof parseUsersCreateArgs>;
try {
  args = parseUsersCreateArgs(process.argv.slice(2));
} catch (error) {
  fail(error);
}
if (args === 'help') {
  console.log(USAGE);
  process.exit(0);
}

// Region and credentials come from the environment (AWS_REGION, AWS_PROFILE, ...), as for the CDK CLI.
const clients = {
  cognito: new CognitoIdentityProviderClient({}),
  cloudFormation: new CloudFormationClient({}),
  staff: (tableName: string) => new DynamoStaffDirectory(DynamoDBDocumentClient.from(new DynamoDBClient({})), tableName),
};
try {
  const user = await createAgencyUser(clients, args);
  console.log(
    `✓ created ${user.role} "${user.username}" for ${user.organizationId} (${user.organizationName}) in user pool ${user.userPoolId}` +
      (user.stackName ? ` (stack ${user.stackName})` : ''),
  );
  console.log(
    '  Cognito has e-mailed a temporary password, valid 3 days. At the first sign-in they choose a new password and set up an authenticator app.',
  );
} catch (error) {
  fail(error);
}
