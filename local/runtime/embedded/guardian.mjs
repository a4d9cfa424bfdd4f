// Runs one program as its child and ties the child's life to the portal's. The portal holds this process's stdin
// open and never writes to it; when it closes (the portal stopped it, or died, even by SIGKILL, which no handler of
// the portal sees) the child gets SIGTERM, then SIGKILL after a grace period, and this process exits. Node cannot
// ask the kernel for a parent-death signal (PDEATHSIG); this stands in for it, the same on every platform, no shell.
//
// Usage: node guardian.mjs <grace ms> <program> [args…]. The first line on stdout is {"pid":<child pid>}; the
// child's own output follows. Plain JavaScript: it runs on `node` alone, without the TypeScript loader.
import { spawn } from 'node:child_process';

const [grace, program, ...args] = process.argv.slice(2);
const graceMs = Number(grace);
if (!program || !Number.isFinite(graceMs)) {
  process.stderr.write('usage: node guardian.mjs <grace ms> <program> [args…]\n');
  process.exit(2);
}

// Once the portal is gone its end of these pipes is closed too: writing there must not end this process early.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
child.once('error', (error) => {
  process.stderr.write(`could not start ${program}: ${error.message}\n`);
  process.exit(127);
});
if (child.pid !== undefined) process.stdout.write(`${JSON.stringify({ pid: child.pid })}\n`);
child.stdout.on('data', (chunk) => process.stdout.write(chunk));
child.stderr.on('data', (chunk) => process.stderr.write(chunk));
child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

let ending = false;
function endChild() {
  if (ending) return;
  ending = true;
  if (child.exitCode !== null || child.signalCode !== null) process.exit(0);
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
}

process.stdin.on('end', endChild);
process.stdin.on('close', endChild);
process.stdin.on('error', endChild);
process.stdin.resume();
process.on('SIGTERM', endChild);
// The portal alone decides when its child stops (a terminal's Ctrl-C reaches the portal, which then closes stdin).
process.on('SIGINT', () => undefined);
process.on('SIGHUP', endChild);
