// vitest setup file, in every worker: a worker outlives its vitest when vitest's main process is stopped by a signal
// of its own (`kill`, a CI time limit) rather than a terminal's Ctrl-C, which reaches the whole process group. Such a
// worker would serve its test portal for ever, and that portal's DynamoDB Local JVM with it. The worker holds an IPC
// channel to vitest: when the channel closes, the worker exits, and its portals' guardians end their JVMs.
const HELD = Symbol.for('clean-portal.workerLifeline');
const worker = globalThis as { [HELD]?: true };

if (process.connected && !worker[HELD]) {
  worker[HELD] = true;
  process.once('disconnect', () => process.exit(1));
}
