// One structured logger (Powertools, JSON) for every handler. Invariants 1 and 2: it is never handed events,
// bodies, tracking codes, contact details, addresses or user agents; only ids, routes and outcomes.
import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Finds the correlation id at a dotted path such as `requestContext.requestId`. The only path the handlers use
 * is that plain; Powertools' JMESPath search would add 23 KiB to every bundle for it.
 */
export function valueAtPath(expression: string, data: unknown): unknown {
  let value: unknown = data;
  for (const key of expression.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export const logger = new Logger({ serviceName: 'clean-portal', correlationIdSearchFn: valueAtPath });
