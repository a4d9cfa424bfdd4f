// How the local runtime answers a refusal it makes itself, in the contract's error shape built by the one builder
// (responseForError): on a response, or as raw HTTP on a socket Node's server made no response for.
import { STATUS_CODES, type ServerResponse } from 'node:http';
import { responseForError } from '#runtime/middleware/errorResponse.js';

/** Answers with the contract's error body and returns the status sent. */
export function sendRefusal(res: ServerResponse, error: unknown, headers: Record<string, string> = {}): number {
  const answer = responseForError(error);
  res.writeHead(answer.statusCode, { ...headers, ...(answer.headers as Record<string, string>) }).end(answer.body);
  return answer.statusCode;
}

/** The same answer as raw HTTP/1.1. */
export function rawHttpRefusal(error: unknown): { statusCode: number; text: string } {
  const answer = responseForError(error);
  const headers = Object.entries({
    ...(answer.headers as Record<string, string>),
    'content-length': String(Buffer.byteLength(answer.body)),
    connection: 'close',
  });
  const head = `HTTP/1.1 ${answer.statusCode} ${STATUS_CODES[answer.statusCode] ?? ''}`;
  return { statusCode: answer.statusCode, text: `${head}\r\n${headers.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${answer.body}` };
}
