// One structured logger (Powertools, JSON) for every handler. Invariants 1 and 2: it is never handed events,
// bodies, tracking codes, contact details, addresses or user agents; only ids, routes and outcomes.
import { Logger } from '@aws-lambda-powertools/logger';
import { search } from '@aws-lambda-powertools/logger/correlationId';

export const logger = new Logger({ serviceName: 'clean-portal', correlationIdSearchFn: search });
