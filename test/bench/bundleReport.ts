// The bundle report of `npm run bench` (issue 13, first load): every chunk of a build with its
// gzip size, which chunks the first load fetches (index.html's module script, its modulepreloads,
// their static imports, and the Web Workers they start), and what each dependency costs, read from
// the sourcemaps. Pure functions first; `buildForReport` and `readBuild` touch the disk.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface HtmlEntries {
  /** `<script type="module" src>`: run at load. */
  readonly scripts: readonly string[];
  /** `<link rel="modulepreload" href>`: fetched at load. */
  readonly preloads: readonly string[];
  readonly styles: readonly string[];
}

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];

/** What index.html makes the browser fetch before any script has run. */
export function htmlEntries(html: string): HtmlEntries {
  const scripts: string[] = [];
  const preloads: string[] = [];
  const styles: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, 'src');
    if (src && attribute(tag, 'type') === 'module') scripts.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attribute(tag, 'rel')?.toLowerCase();
    const href = attribute(tag, 'href');
    if (!href) continue;
    if (rel === 'modulepreload') preloads.push(href);
    else if (rel === 'stylesheet') styles.push(href);
  }
  return { scripts, preloads, styles };
}

/**
 * The modules a minified ES chunk imports statically (`import … from "x"`, `import "x"`,
 * `export … from "x"`): the browser fetches them before the chunk runs. `import("x")` is left out:
 * it is fetched only when the code asks.
 */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?(["'`])([^"'`]+)\1/g;
  for (const match of code.matchAll(pattern)) found.add(match[2] as string);
  return [...found];
}

/** The scripts a chunk starts as Web Workers (`new Worker(new URL("…", import.meta.url))`). */
export function workerScripts(code: string): string[] {
  const found = new Set<string>();
  for (const match of code.matchAll(/new\s+(?:Shared)?Worker\(\s*new\s+URL\(\s*(["'`])([^"'`]+)\1/g)) found.add(match[2] as string);
  return [...found];
}

/** A reference from `fromFile` (a path inside the build, e.g. `assets/index-x.js`) as a path inside the build. */
export function resolveInBuild(fromFile: string, reference: string): string {
  const path = reference.replace(/[?#].*$/, '');
  if (path.startsWith('/')) return path.replace(/^\/+/, '');
  return posix.normalize(posix.join(posix.dirname(fromFile), path));
}

export interface FirstLoad {
  /** JS files in the order they are found: entries, their static imports, then workers. */
  readonly scripts: readonly string[];
  /** Of `scripts`, the ones started as Web Workers (fetched when a worker is started). */
  readonly workers: readonly string[];
  readonly styles: readonly string[];
}

/**
 * Everything the first load can fetch before any user action: index.html's module scripts and
 * modulepreloads, all they import statically, and the workers any of them starts (the Prometheus
 * client starts its answer reader on the first range query). Lazy chunks are not followed.
 */
export function firstLoad(html: string, readCode: (file: string) => string | undefined): FirstLoad {
  const entries = htmlEntries(html);
  const scripts: string[] = [];
  const workers: string[] = [];
  const queue = [...entries.scripts, ...entries.preloads].map((ref) => resolveInBuild('index.html', ref));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    scripts.push(file);
    const code = readCode(file);
    if (code === undefined) continue;
    for (const ref of staticImports(code)) queue.push(resolveInBuild(file, ref));
    for (const ref of workerScripts(code)) {
      const worker = resolveInBuild(file, ref);
      if (!seen.has(worker)) workers.push(worker);
      queue.push(worker);
    }
  }
  return { scripts, workers: workers.filter((w, i) => workers.indexOf(w) === i), styles: entries.styles.map((ref) => resolveInBuild('index.html', ref)) };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One sourcemap segment's fields (base64 VLQ, as in the Source Map v3 `mappings`). */
export function decodeVlqSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`not a base64 VLQ digit: "${char}"`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value % 2 === 1 ? -Math.floor(value / 2) : value / 2);
    value = 0;
    shift = 0;
  }
  if (shift !== 0) throw new Error(`unfinished VLQ segment "${segment}"`);
  return values;
}

export interface SourceMapLike {
  readonly sources: readonly string[];
  readonly mappings: string;
}

/**
 * The generated code each original source accounts for: every generated character belongs to the
 * source of the mapping segment it follows (to the next segment or the end of the line).
 * Characters before a line's first segment, or after a segment with no source, belong to none.
 */
export function generatedTextBySource(map: SourceMapLike, code: string): Map<string, string> {
  const lines = code.split('\n');
  const parts = new Map<string, string[]>();
  const add = (source: string, text: string) => {
    if (text === '') return;
    const list = parts.get(source);
    if (list) list.push(text);
    else parts.set(source, [text]);
  };
  let sourceIndex = 0;
  map.mappings.split(';').forEach((lineMappings, lineNumber) => {
    const line = lines[lineNumber] ?? '';
    let column = 0;
    let open: { source: string; column: number } | undefined;
    for (const segment of lineMappings.split(',')) {
      if (segment === '') continue;
      const fields = decodeVlqSegment(segment);
      column += fields[0] ?? 0;
      if (open) add(open.source, line.slice(open.column, column));
      if (fields.length >= 4) {
        sourceIndex += fields[1] ?? 0;
        open = { source: map.sources[sourceIndex] ?? '(unknown)', column };
      } else open = undefined;
    }
    if (open) add(open.source, line.slice(open.column));
  });
  return new Map([...parts].map(([source, list]) => [source, list.join('')]));
}

/**
 * Who a source belongs to: its npm package (`react-dom`, `@tanstack/query-core`), or for vigil's
 * own code `vigil src/<folder>` (`mocks/` and the rest by their top folder).
 */
export function ownerOf(source: string): string {
  const normalized = source.replace(/\\/g, '/');
  const inPackage = normalized.lastIndexOf('node_modules/');
  if (inPackage >= 0) {
    const [first, second] = normalized.slice(inPackage + 'node_modules/'.length).split('/');
    return first?.startsWith('@') && second ? `${first}/${second}` : (first ?? normalized);
  }
  const path = normalized.replace(/^(\.\.?\/)+/, '').replace(/^\/+/, '');
  const inSrc = /(?:^|\/)src\/([^/]+)/.exec(path);
  if (inSrc) return `vigil src/${(inSrc[1] as string).replace(/\.[jt]sx?$/, '')}`;
  const mocks = /(?:^|\/)(mocks)\//.exec(path);
  if (mocks) return 'vigil mocks';
  return path.startsWith('\0') || path === '' ? '(generated)' : `other ${path.split('/')[0]}`;
}

export interface OwnerCost {
  readonly owner: string;
  readonly bytes: number;
  /** Its code gzipped on its own: an upper bound of what it adds to a gzipped chunk. */
  readonly gzipBytes: number;
}

export function costByOwner(textBySource: ReadonlyMap<string, string>): OwnerCost[] {
  const byOwner = new Map<string, string[]>();
  for (const [source, text] of textBySource) {
    const owner = ownerOf(source);
    const list = byOwner.get(owner);
    if (list) list.push(text);
    else byOwner.set(owner, [text]);
  }
  return [...byOwner]
    .map(([owner, texts]) => {
      const text = texts.join('');
      return { owner, bytes: Buffer.byteLength(text), gzipBytes: gzipBytes(text) };
    })
    .sort((a, b) => b.bytes - a.bytes || a.owner.localeCompare(b.owner));
}

/** gzip at zlib's default level (6), near what a web server sends. */
export function gzipBytes(text: string | Uint8Array): number {
  return gzipSync(text).byteLength;
}

/** The code as served, without the trailing `//# sourceMappingURL=` comment a sourcemap build adds. */
export function withoutSourceMapComment(code: string): string {
  return code.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '');
}

export interface ChunkFigure {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly firstLoad: 'module' | 'worker' | 'no';
}

export interface BundleReport {
  readonly chunks: readonly ChunkFigure[];
  readonly firstLoad: FirstLoad;
  readonly firstLoadGzipBytes: number;
  readonly firstLoadBytes: number;
  /** Per chunk of the first load: what each package or folder costs in it. */
  readonly costs: ReadonlyMap<string, readonly OwnerCost[]>;
}

export interface BuildFiles {
  readonly html: string;
  /** Path inside the build → code as served. */
  readonly scripts: ReadonlyMap<string, string>;
  /** Path inside the build → its sourcemap, where the build has one. */
  readonly maps: ReadonlyMap<string, SourceMapLike>;
}

export function bundleReport(build: BuildFiles): BundleReport {
  const load = firstLoad(build.html, (file) => build.scripts.get(file));
  const workers = new Set(load.workers);
  const modules = new Set(load.scripts.filter((s) => !workers.has(s)));
  const chunks = [...build.scripts]
    .map(([file, code]): ChunkFigure => ({
      file,
      bytes: Buffer.byteLength(code),
      gzipBytes: gzipBytes(code),
      firstLoad: modules.has(file) ? 'module' : workers.has(file) ? 'worker' : 'no',
    }))
    .sort((a, b) => (a.firstLoad === 'no' ? 1 : 0) - (b.firstLoad === 'no' ? 1 : 0) || b.gzipBytes - a.gzipBytes);
  const loaded = chunks.filter((c) => c.firstLoad !== 'no');
  const costs = new Map<string, OwnerCost[]>();
  for (const chunk of loaded) {
    const map = build.maps.get(chunk.file);
    const code = build.scripts.get(chunk.file);
    if (map && code !== undefined) costs.set(chunk.file, costByOwner(generatedTextBySource(map, code)));
  }
  return {
    chunks,
    firstLoad: load,
    firstLoadGzipBytes: loaded.reduce((sum, c) => sum + c.gzipBytes, 0),
    firstLoadBytes: loaded.reduce((sum, c) => sum + c.bytes, 0),
    costs,
  };
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

export function formatBundleReport(report: BundleReport, topOwners = 12): string {
  const lines: string[] = [];
  const width = Math.max(5, ...report.chunks.map((c) => c.file.length));
  lines.push(`${'chunk'.padEnd(width)}  ${'KB'.padStart(7)}  ${'gzip KB'.padStart(7)}  first load`);
  lines.push(`${'-'.repeat(width)}  ${'-'.repeat(7)}  ${'-'.repeat(7)}  ----------`);
  for (const c of report.chunks) {
    const when = c.firstLoad === 'module' ? 'yes' : c.firstLoad === 'worker' ? 'yes (worker)' : 'lazy';
    lines.push(`${c.file.padEnd(width)}  ${kb(c.bytes).padStart(7)}  ${kb(c.gzipBytes).padStart(7)}  ${when}`);
  }
  lines.push(`first load: ${kb(report.firstLoadGzipBytes)} KB gzipped JS (${kb(report.firstLoadBytes)} KB minified) in ${report.firstLoad.scripts.length} file(s); target ≤ 200 KB gzipped`);
  for (const [file, costs] of report.costs) {
    lines.push('', `${file}: cost per package or vigil folder (minified KB; gzip KB of that code alone, an upper bound)`);
    const shown = costs.slice(0, topOwners);
    const rest = costs.slice(topOwners);
    const ownerWidth = Math.max(5, ...shown.map((c) => c.owner.length));
    for (const c of shown) lines.push(`  ${c.owner.padEnd(ownerWidth)}  ${kb(c.bytes).padStart(7)}  ${kb(c.gzipBytes).padStart(7)}`);
    if (rest.length > 0) {
      const bytes = rest.reduce((sum, c) => sum + c.bytes, 0);
      lines.push(`  ${`${rest.length} more`.padEnd(ownerWidth)}  ${kb(bytes).padStart(7)}`);
    }
  }
  return lines.join('\n');
}

/** The JS files of a built app, with their sourcemaps where present. */
export function readBuild(distDir: string): BuildFiles {
  const scripts = new Map<string, string>();
  const maps = new Map<string, SourceMapLike>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.m?js$/.test(entry.name)) {
        const file = relative(distDir, path).split('\\').join('/');
        scripts.set(file, withoutSourceMapComment(readFileSync(path, 'utf8')));
        if (existsSync(`${path}.map`)) maps.set(file, JSON.parse(readFileSync(`${path}.map`, 'utf8')) as SourceMapLike);
      }
    }
  };
  walk(distDir);
  return { html: readFileSync(join(distDir, 'index.html'), 'utf8'), scripts, maps };
}

/**
 * A production build with sourcemaps in a temporary folder (the app's own dist/ is left alone:
 * it is built without them), read, then removed.
 */
export function buildForReport(repoRoot: string): BuildFiles {
  const outDir = mkdtempSync(join(tmpdir(), 'vigil-bundle-'));
  try {
    const vite = join(repoRoot, 'node_modules/vite/bin/vite.js');
    const result = spawnSync(process.execPath, [vite, 'build', '--sourcemap', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error(`vite build --sourcemap failed (exit ${result.status})`);
    return readBuild(outDir);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
