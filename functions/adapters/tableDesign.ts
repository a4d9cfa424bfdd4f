// The single table's key design, shared by the adapters, the local runtime and the CDK stack.
export const TABLE_KEYS = { partitionKey: 'PK', sortKey: 'SK' } as const;
/** Organization queues: GSI1PK = ORG#<organizationId>, GSI1SK = <status>#<createdAt>#<caseId>. */
export const QUEUE_INDEX = { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' } as const;
