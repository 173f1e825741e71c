// Command-line options of `npm run soak`.

export type SoakBackend = 'demo' | 'prometheus';
/** playwright: watches the network too; cdp: a bare DevTools pipe with no Network domain enabled. */
export type SoakDriver = 'playwright' | 'cdp';
/**
 * optimising: V8 as shipped, whose optimised code keeps growing for many minutes as more library
 * functions get hot, so the heap figure mixes code with data. interpreted: only the bytecode
 * interpreter (no Sparkplug, Maglev or TurboFan) and no bytecode flushing, so compiled code stops
 * growing once every function in use has run, and what still grows is data the page keeps.
 */
export type V8Mode = 'optimising' | 'interpreted';

export const V8_MODE_ARGS: Readonly<Record<V8Mode, readonly string[]>> = {
  optimising: [],
  interpreted: ['--js-flags=--no-opt --no-maglev --no-sparkplug --no-flush-bytecode'],
};

export interface SoakOptions {
  readonly minutes: number;
  readonly backends: readonly SoakBackend[];
  /** Each backend runs once per driver, one after another. */
  readonly drivers: readonly SoakDriver[];
  /** Each backend and driver runs once per V8 mode, one after another. */
  readonly v8Modes: readonly V8Mode[];
  readonly sampleEverySeconds: number;
  /** The built app; built with `vite build` when missing. */
  readonly distDir: string;
  /** Take heap snapshots at the baseline and the end and print which objects grew. */
  readonly diagnose: boolean;
}

export const SOAK_USAGE = `usage: npm run soak -- [--minutes N] [--backend demo|prometheus|both] [--driver playwright|cdp|both] [--sample-seconds N] [--dist DIR] [--diagnose]
  --minutes N          how long each backend runs (default 10)
  --backend B          demo, prometheus or both, one after another (default both)
  --driver D          playwright (default; also watches the network, which makes DevTools keep
                       a record of every request in the page), cdp (a bare DevTools pipe, no
                       Network domain), or both, one after another
  --v8 M               interpreted (V8's optimising tiers off: the verdict), optimising (V8 as
                       shipped: figures only, its compiled code grows), or both (default)
  --sample-seconds N   seconds between heap samples (default 30)
  --dist DIR           the built app (default dist/; built when missing)
  --diagnose           heap snapshots at the baseline and the end, and the objects that grew`;

export class SoakArgsError extends Error {
  override readonly name = 'SoakArgsError';
}

function positiveNumber(flag: string, raw: string | undefined): number {
  const value = Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new SoakArgsError(`${flag} needs a positive number, got ${raw === undefined ? 'nothing' : `"${raw}"`}`);
  }
  return value;
}

export function parseSoakArgs(argv: readonly string[], defaultDistDir: string): SoakOptions {
  let minutes = 10;
  let backends: SoakBackend[] = ['demo', 'prometheus'];
  let drivers: SoakDriver[] = ['playwright'];
  let v8Modes: V8Mode[] = ['interpreted', 'optimising'];
  let sampleEverySeconds = 30;
  let distDir = defaultDistDir;
  let diagnose = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--minutes':
        minutes = positiveNumber(flag, value());
        break;
      case '--sample-seconds':
        sampleEverySeconds = positiveNumber(flag, value());
        break;
      case '--backend': {
        const backend = value();
        if (backend === 'both') backends = ['demo', 'prometheus'];
        else if (backend === 'demo' || backend === 'prometheus') backends = [backend];
        else throw new SoakArgsError(`--backend must be demo, prometheus or both, got ${backend === undefined ? 'nothing' : `"${backend}"`}`);
        break;
      }
      case '--driver': {
        const driver = value();
        if (driver === 'both') drivers = ['playwright', 'cdp'];
        else if (driver === 'playwright' || driver === 'cdp') drivers = [driver];
        else throw new SoakArgsError(`--driver must be playwright, cdp or both, got ${driver === undefined ? 'nothing' : `"${driver}"`}`);
        break;
      }
      case '--v8': {
        const mode = value();
        if (mode === 'both') v8Modes = ['interpreted', 'optimising'];
        else if (mode === 'interpreted' || mode === 'optimising') v8Modes = [mode];
        else throw new SoakArgsError(`--v8 must be interpreted, optimising or both, got ${mode === undefined ? 'nothing' : `"${mode}"`}`);
        break;
      }
      case '--dist': {
        const dir = value();
        if (!dir) throw new SoakArgsError('--dist needs a directory');
        distDir = dir;
        break;
      }
      case '--diagnose':
        diagnose = true;
        break;
      default:
        throw new SoakArgsError(`unknown argument "${arg}"`);
    }
  }
  return { minutes, backends, drivers, v8Modes, sampleEverySeconds, distDir, diagnose };
}
