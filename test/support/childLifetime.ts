// A child process a test spawns (`npm start`'s portal) dies with the worker that spawned it, should the worker exit
// before the test's own teardown stops it (its vitest gone: test/support/workerLifeline.ts). The portal's guardian
// then ends its JVM.
import type { ChildProcess } from 'node:child_process';

export function endsWithWorker<C extends ChildProcess>(child: C): C {
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
  return child;
}
