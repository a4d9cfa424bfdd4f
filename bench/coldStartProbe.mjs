// One cold start, in a fresh Node process (plain JavaScript, so no TypeScript loader is timed): import a bundle,
// serve the first event (the cold invocation), then a second one (warm), and report the times to the parent.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, eventsFile] = process.argv.slice(2);
const { events, functionName } = JSON.parse(readFileSync(eventsFile, 'utf8'));
const context = (requestId) => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
  memoryLimitInMB: '512',
  awsRequestId: requestId,
  logGroupName: `/aws/lambda/${functionName}`,
  logStreamName: 'bench',
  getRemainingTimeInMillis: () => 10_000,
});
const served = (result) => result === undefined || result === null || typeof result.statusCode !== 'number' || result.statusCode < 400;

const start = performance.now();
const { handler } = await import(pathToFileURL(bundle).href);
const imported = performance.now();
const first = await handler(events[0], context('bench-1'));
const cold = performance.now();
const second = await handler(events[1], context('bench-2'));
const warm = performance.now();
process.send({
  initMs: imported - start,
  coldMs: cold - start,
  warmMs: warm - cold,
  ok: served(first) && served(second),
  status: [first?.statusCode, second?.statusCode],
  body: served(first) ? undefined : String(first?.body).slice(0, 300),
});
