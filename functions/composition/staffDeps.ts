// The composition root of a staff member's own settings (GET and PATCH /staff/me): the staff directory over the
// table, nothing else (no pepper, no key, no case).
import { DynamoStaffDirectory } from '#adapters/dynamoStaffDirectory.js';
import type { StaffDirectory } from '#core/staff/ports.js';
import { parseEnvironment, staffEnvironment } from '#runtime/config.js';
import { createDocumentClient } from './awsClients.js';

let shared: StaffDirectory | undefined;

export function staffDirectory(): StaffDirectory {
  if (!shared) {
    const env = parseEnvironment(staffEnvironment);
    shared = new DynamoStaffDirectory(createDocumentClient(env.AWS_REGION, env.DYNAMODB_ENDPOINT), env.TABLE_NAME);
  }
  return shared;
}
