// The one place that turns errors into the contract's error body. Typed domain errors keep their status and
// message; anything else is logged by name and answered with a generic 500 that reveals nothing.
import type middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { DomainError, errorBody } from '#core/errors.js';
import { json } from '../httpResponse.js';
import { logger } from '../logger.js';

export function responseForError(error: unknown): APIGatewayProxyResult {
  if (error instanceof DomainError) {
    if (error.status >= 500) {
      const cause = (error as Error).cause as { name?: string } | undefined;
      logger.error('dependency failed', { errorCode: error.code, cause: cause?.name ?? 'unknown' });
    }
    return json(error.status, errorBody(error));
  }
  // Only the error's class name: messages of unexpected errors may quote input.
  logger.error('unexpected failure', { errorName: (error as { name?: string })?.name ?? typeof error });
  return json(500, {
    error: { code: 'INTERNAL', message: 'Something went wrong on our side. Nothing was saved; try again later.', details: [] },
  });
}

export function errorResponse(): middy.MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> {
  return {
    onError: async (request) => {
      request.response = responseForError(request.error);
    },
  };
}
