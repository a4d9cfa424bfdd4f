// The middy chain every HTTP handler shares: structured logging with a correlation id, header normalization,
// typed errors to the contract's shape, and (for POSTs) the JSON body rules. The chain is built middlewares first
// and the handler attached last, so the handler's context carries what the middlewares put in it, typed.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { logger } from './logger.js';
import { errorResponse } from './middleware/errorResponse.js';
import { type JsonBodyContext, jsonBody } from './middleware/jsonBody.js';

type HttpCore = (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;
type JsonCore = (body: unknown, event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;

function chain<TContext extends Context>() {
  return middy<APIGatewayProxyEvent, APIGatewayProxyResult, Error, TContext>()
    .use(injectLambdaContext(logger, { correlationIdPath: 'requestContext.requestId', resetKeys: true }))
    .use(httpHeaderNormalizer())
    .use(errorResponse());
}

export function httpHandler(core: HttpCore) {
  return chain<Context>().handler((event) => core(event));
}

export function jsonHandler(core: JsonCore) {
  return chain<Context & JsonBodyContext>()
    .use(jsonBody())
    .handler((event, context) => core(context.jsonBody, event));
}
