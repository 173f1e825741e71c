import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { registerCleanup } from './cleanup';

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  /** The last lines the process wrote (stdout and stderr interleaved), for error messages. */
  output(): string;
  hasExited(): boolean;
  /** Resolves when the process has ended, however it ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL if it is still running after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Echo the process's output to ours (for `npm run stack`). */
  inheritOutput?: boolean;
}

const OUTPUT_LIMIT = 16_000;
const SETPRIV = '/usr/bin/setpriv';

/**
 * Spawns `command` so that it cannot outlive us: on Linux `setpriv --pdeathsig TERM` makes the
 * kernel signal the child when this process dies, even by SIGKILL, which no exit handler can catch.
 */
export function spawnManaged(name: string, command: string, args: string[], options: SpawnOptions = {}): ManagedProcess {
  const [file, argv] = existsSync(SETPRIV)
    ? [SETPRIV, ['--pdeathsig', 'TERM', '--', command, ...args]]
    : [command, args];
  const child = spawn(file, argv, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`${name}: could not spawn ${command}`);
  const pid = child.pid;

  let recent = '';
  const record = (chunk: Buffer, stream: NodeJS.WriteStream) => {
    recent = (recent + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
    if (options.inheritOutput) stream.write(chunk);
  };
  child.stdout.on('data', (chunk: Buffer) => record(chunk, process.stdout));
  child.stderr.on('data', (chunk: Buffer) => record(chunk, process.stderr));

  let ended = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      ended = true;
      resolve({ code, signal });
    });
    child.once('error', (error) => {
      ended = true;
      recent += `\n${String(error)}`;
      resolve({ code: null, signal: null });
    });
  });

  const stop = async (graceMs = 5_000) => {
    if (ended) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  const unregister = registerCleanup({
    release: () => stop(),
    releaseNow: () => {
      if (!ended) child.kill('SIGKILL');
    },
  });
  void exited.then(unregister);

  return {
    name,
    pid,
    output: () => recent,
    hasExited: () => ended,
    exited,
    stop,
  };
}
