// Counts the AWS SDK calls a process makes, with an SDK middleware on every client's stack. The handlers create
// their own clients (functions/composition/portalDeps.ts), so rather than change them the counter hooks the SDK's
// shared Client.send once and adds its middleware to each stack the first time that stack sends.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LocalReceiptSigner } from '#adapters/localReceiptSigner.js';

export interface SdkCall {
  /** e.g. `DynamoDB`, `S3`. */
  service: string;
  /** e.g. `Query`, `TransactWriteItems`. */
  command: string;
  /** HTTP attempts, retries included. */
  attempts: number;
  /** For Query and Scan: the items DynamoDB read before filtering. */
  scannedCount?: number;
  /** DynamoDB: read and write capacity units the call consumed, table and indexes together (on-demand bills these). */
  readUnits?: number;
  writeUnits?: number;
}

interface Stack {
  add(middleware: unknown, options: { step: string; name: string; override?: boolean }): void;
}
interface SendingClient {
  middlewareStack: Stack;
  send(...args: unknown[]): unknown;
}
interface MiddlewareContext {
  clientName?: string;
  commandName?: string;
}
interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}
interface CallOutput {
  $metadata?: { attempts?: number };
  ScannedCount?: number;
  ConsumedCapacity?: Capacity | Capacity[];
}

const recorded: SdkCall[] = [];
let installed = false;

/**
 * Starts counting every SDK call this process makes from now on, and every filing receipt it signs; idempotent.
 * Locally the receipt key is a key file (functions/adapters/localReceiptSigner.ts), so its signatures are counted at
 * the signer, as `Receipt.Sign`: each one is a `kms:Sign` call deployed.
 */
export function countSdkCalls(): void {
  if (installed) return;
  installed = true;
  const sign = LocalReceiptSigner.prototype.sign;
  LocalReceiptSigner.prototype.sign = function (this: LocalReceiptSigner, input: Uint8Array) {
    recorded.push({ service: 'Receipt', command: 'Sign', attempts: 1 });
    return sign.call(this, input);
  };
  // Every generated client extends the same smithy Client; its prototype's send is the one path a call takes.
  const base = Object.getPrototypeOf(DynamoDBClient.prototype) as SendingClient;
  const send = base.send;
  const counted = new WeakSet<Stack>();
  base.send = function (this: SendingClient, ...args: unknown[]) {
    // A DynamoDBDocumentClient shares its inner client's stack: one middleware per stack counts each call once.
    if (!counted.has(this.middlewareStack)) {
      counted.add(this.middlewareStack);
      this.middlewareStack.add(callCounter, { step: 'initialize', name: 'benchSdkCallCounter', override: true });
    }
    return send.apply(this, args);
  };
}

const callCounter =
  (next: (args: unknown) => Promise<{ output: CallOutput }>, context: MiddlewareContext) =>
  async (args: unknown): Promise<{ output: CallOutput }> => {
    // Ask DynamoDB what each call consumed; the answer is only read here, never by the handlers.
    const input = (args as { input?: Record<string, unknown> }).input;
    if (context.clientName === 'DynamoDBClient' && input && CAPACITY_COMMANDS.has(context.commandName ?? ''))
      input.ReturnConsumedCapacity ??= 'INDEXES';
    const call = {
      service: (context.clientName ?? 'Unknown').replace(/Client$/, ''),
      command: (context.commandName ?? 'Unknown').replace(/Command$/, ''),
    };
    try {
      const result = await next(args);
      const output = result.output;
      recorded.push({
        ...call,
        attempts: output.$metadata?.attempts ?? 1,
        ...(typeof output.ScannedCount === 'number' ? { scannedCount: output.ScannedCount } : {}),
        ...capacityOf(output.ConsumedCapacity, READS.test(call.command)),
      });
      return result;
    } catch (error) {
      const metadata = (error as { $metadata?: { attempts?: number } }).$metadata;
      recorded.push({ ...call, attempts: metadata?.attempts ?? 1 });
      throw error;
    }
  };

const CAPACITY_COMMANDS = new Set([
  'QueryCommand',
  'ScanCommand',
  'GetItemCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
  'TransactGetItemsCommand',
  'BatchWriteItemCommand',
  'BatchGetItemCommand',
  // lib-dynamodb's names for the same calls
  'GetCommand',
  'PutCommand',
  'UpdateCommand',
  'DeleteCommand',
  'TransactWriteCommand',
  'TransactGetCommand',
  'BatchWriteCommand',
  'BatchGetCommand',
]);

const READS = /^(Query|Scan|Get|GetItem|BatchGet|BatchGetItem|TransactGet|TransactGetItems)$/;

/** Units by kind; where DynamoDB gives only a total (reads usually), the command says which kind it is. */
function capacityOf(consumed: Capacity | Capacity[] | undefined, isRead: boolean): { readUnits?: number; writeUnits?: number } {
  if (!consumed) return {};
  const all = Array.isArray(consumed) ? consumed : [consumed];
  const sum = (pick: (c: Capacity) => number | undefined) => all.reduce((total, c) => total + (pick(c) ?? 0), 0);
  const total = sum((c) => c.CapacityUnits);
  const reads = sum((c) => c.ReadCapacityUnits);
  const writes = sum((c) => c.WriteCapacityUnits);
  if (reads + writes > 0) return { readUnits: reads, writeUnits: writes };
  return isRead ? { readUnits: total, writeUnits: 0 } : { readUnits: 0, writeUnits: total };
}

/** The calls recorded since the last take, and forgets them. */
export function takeSdkCalls(): SdkCall[] {
  return recorded.splice(0, recorded.length);
}

/** `{ "DynamoDB.Query": 1, … }` from calls or from `Service.Command` names. */
export function tally(calls: (SdkCall | string)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of calls) {
    const name = typeof c === 'string' ? c : `${c.service}.${c.command}`;
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}
