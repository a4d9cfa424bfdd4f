// The portal as `npm start` runs it: a child process in its own process group, pointed at servers the bench started.
// Stopped as Ctrl-C in a terminal stops it, with SIGINT to the whole group (npm, its shell, tsx and node).
import { type ChildProcess, spawn } from 'node:child_process';

export interface PortalProcess {
  url: string;
  /** The last lines it printed, for error messages. */
  output(): string;
  /** SIGINT, then waits for it to exit; true when it stopped as Ctrl-C stops it (start.ts's "Stopped."). */
  stop(): Promise<boolean>;
}

export interface PortalProcessOptions {
  /** The command and its arguments, e.g. ['npm', 'start']. */
  command: readonly string[];
  /** Where to run it: the repository's root. */
  cwd: string;
  port: number;
  env: Record<string, string>;
  /** How long start-up may take; `npm start` builds the web app first. */
  startTimeoutMs?: number;
}

const READY_LINE = 'Clean Portal is running';
const STOPPED_LINE = 'Stopped.';

const STOP_TIMEOUT_MS = 30_000;

export async function startPortalProcess(options: PortalProcessOptions): Promise<PortalProcess> {
  const [file, ...args] = options.command;
  if (!file) throw new Error('no command to start the portal with');
  const child = spawn(file, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let ready: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (ready = resolve));
  // Always read both pipes: with one request line per call, a full pipe would block the server mid-measurement.
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
    if (output.includes(READY_LINE)) ready();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  // npm itself ends by the SIGINT (no exit code) once its script has exited; node exits 0.
  const exited = new Promise<boolean>((resolve) => child.once('exit', (code, signal) => resolve(code === 0 || signal === 'SIGINT')));
  child.once('error', (error) => (output += `\n${error.message}`));

  // In its own group the portal would outlive a Ctrl-C of the bench: pass the signal on, then die of it as usual.
  const passOn = (signal: NodeJS.Signals) => {
    signalGroup(child, 'SIGINT');
    process.kill(process.pid, signal);
  };
  const onExit = () => signalGroup(child, 'SIGKILL');
  process.once('SIGINT', passOn).once('SIGTERM', passOn).once('exit', onExit);
  void exited.then(() => process.off('SIGINT', passOn).off('SIGTERM', passOn).off('exit', onExit));

  const timeoutMs = options.startTimeoutMs ?? 180_000;
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    started.then(() => 'ready' as const),
    exited.then(() => 'exited' as const),
    new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (outcome !== 'ready') {
    await stopGroup(child, exited);
    throw new Error(
      `${options.command.join(' ')} ${outcome === 'late' ? `printed no "${READY_LINE}" within ${timeoutMs} ms` : 'exited early'}:\n${output}`,
    );
  }
  return {
    url: `http://127.0.0.1:${options.port}`,
    output: () => output,
    stop: async () => (await stopGroup(child, exited)) && output.includes(STOPPED_LINE),
  };
}

async function stopGroup(child: ChildProcess, exited: Promise<boolean>): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return false;
  signalGroup(child, 'SIGINT');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), STOP_TIMEOUT_MS);
  const clean = await exited;
  clearTimeout(timer);
  return clean;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group has already gone.
  }
}
