// The middy chain every HTTP handler shares: structured logging with a correlation id, header normalization,
// typed errors to the contract's shape, and (for POSTs) the JSON body rules.
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { logger } from './logger.js';
import { errorResponse } from './middleware/errorResponse.js';
import { type JsonBodyContext, jsonBody } from './middleware/jsonBody.js';

type Core = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;
type JsonCore = (body: unknown, event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;

function base(core: Core) {
  return middy<APIGatewayProxyEvent, APIGatewayProxyResult>(core)
    .use(injectLambdaContext(logger, { correlationIdPath: 'requestContext.requestId', resetKeys: true }))
    .use(httpHeaderNormalizer())
    .use(errorResponse());
}

export function httpHandler(core: (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>) {
  return base((event) => core(event));
}

export function jsonHandler(core: JsonCore) {
  return base((event, context) => core((context as unknown as JsonBodyContext).jsonBody, event)).use(jsonBody());
}
