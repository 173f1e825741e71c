import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import {
  bundleReport,
  costByOwner,
  decodeVlqSegment,
  firstLoad,
  formatBundleReport,
  generatedTextBySource,
  htmlEntries,
  ownerOf,
  resolveInBuild,
  staticImports,
  withoutSourceMapComment,
  workerScripts,
} from './bundleReport';

const INDEX_HTML = `<!doctype html><html><head>
<script type="module" crossorigin src="/assets/index-A1.js"></script>
<link rel="modulepreload" crossorigin href="/assets/vendor-B2.js">
<link rel="stylesheet" crossorigin href="/assets/index-C3.css">
<script src="/legacy.js"></script>
</head><body><div id="root"></div></body></html>`;

describe('what index.html fetches', () => {
  it('finds the module script, the modulepreloads and the stylesheets; a classic script is no module', () => {
    expect(htmlEntries(INDEX_HTML)).toEqual({ scripts: ['/assets/index-A1.js'], preloads: ['/assets/vendor-B2.js'], styles: ['/assets/index-C3.css'] });
  });
});

describe('what a minified chunk loads', () => {
  it('takes static imports and re-exports in any quote style, never a dynamic import()', () => {
    const code =
      'import{t as e}from"./rolldown-runtime-X.js";import"./side-effect-Y.js";export{a as b}from\'./shared-Z.js\';' +
      'const L=()=>import(`./PromQLEditor-Q.js`);let n=e(`import`);';
    expect(staticImports(code)).toEqual(['./rolldown-runtime-X.js', './side-effect-Y.js', './shared-Z.js']);
  });

  it('finds the scripts started as workers', () => {
    const code = 'function aY(){return new Worker(new URL(`/assets/rangeAnswer.worker-D.js`,``+import.meta.url),{type:`module`})}';
    expect(workerScripts(code)).toEqual(['/assets/rangeAnswer.worker-D.js']);
  });

  it('resolves references against the file that makes them, and absolute ones against the build root', () => {
    expect(resolveInBuild('assets/index-A.js', './shared-B.js')).toBe('assets/shared-B.js');
    expect(resolveInBuild('index.html', '/assets/index-A.js?v=1')).toBe('assets/index-A.js');
    expect(resolveInBuild('assets/a/x.js', '../y.js')).toBe('assets/y.js');
  });
});

describe('the first load', () => {
  const files: Record<string, string> = {
    'assets/index-A1.js': 'import{x}from"./shared-S.js";const E=()=>import("./editor-E.js");new Worker(new URL("/assets/reader.worker-W.js",import.meta.url));',
    'assets/vendor-B2.js': 'import"./shared-S.js";',
    'assets/shared-S.js': 'export const x=1;',
    'assets/editor-E.js': 'import{x}from"./shared-S.js";',
    'assets/reader.worker-W.js': 'self.onmessage=()=>{};',
  };

  it('follows the entries, their static imports once each, and their workers; leaves lazy chunks out', () => {
    expect(firstLoad(INDEX_HTML, (f) => files[f])).toEqual({
      scripts: ['assets/index-A1.js', 'assets/vendor-B2.js', 'assets/shared-S.js', 'assets/reader.worker-W.js'],
      workers: ['assets/reader.worker-W.js'],
      styles: ['assets/index-C3.css'],
    });
  });

  it('sums gzip sizes over exactly the chunks it loads, and says which are lazy', () => {
    const report = bundleReport({ html: INDEX_HTML, scripts: new Map(Object.entries(files)), maps: new Map() });
    const byFile = new Map(report.chunks.map((c) => [c.file, c]));
    expect(byFile.get('assets/editor-E.js')?.firstLoad).toBe('no');
    expect(byFile.get('assets/reader.worker-W.js')?.firstLoad).toBe('worker');
    const loaded = ['assets/index-A1.js', 'assets/vendor-B2.js', 'assets/shared-S.js', 'assets/reader.worker-W.js'];
    expect(report.firstLoadGzipBytes).toBe(loaded.reduce((sum, f) => sum + gzipSync(files[f] as string).byteLength, 0));
    expect(formatBundleReport(report)).toMatch(/assets\/editor-E\.js\s+[\d.]+\s+[\d.]+\s+lazy/);
  });
});

/** Encodes one VLQ value as a sourcemap does, to check the decoder against. */
function encodeVlq(value: number): string {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    out += digits[digit];
  } while (rest > 0);
  return out;
}

describe('sourcemaps', () => {
  it('decodes VLQ segments: every value a sourcemap can hold comes back', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 5 }), (values) => {
        expect(decodeVlqSegment(values.map(encodeVlq).join(''))).toEqual(values);
      }),
    );
    expect(decodeVlqSegment('AAgBC')).toEqual([0, 0, 16, 1]);
    expect(() => decodeVlqSegment('g')).toThrow(/unfinished/);
  });

  it('gives each source the generated text up to the next segment; text after a source-less segment is no one’s', () => {
    // Line 1: col 0 → source 0, col 4 → source 1, col 8 → no source. Line 2: col 0 → source 0.
    const map = { sources: ['node_modules/react-dom/x.js', 'src/app/App.tsx'], mappings: 'AAAA,ICAA,I;ADAA' };
    const text = generatedTextBySource(map, 'aaaabbbbcc\ndd');
    expect(Object.fromEntries(text)).toEqual({ 'node_modules/react-dom/x.js': 'aaaadd', 'src/app/App.tsx': 'bbbb' });
  });

  it('names the owner of a source: its package (scoped too), or vigil’s folder', () => {
    expect(ownerOf('../../node_modules/.pnpm/x/node_modules/@tanstack/query-core/build/modern/query.js')).toBe('@tanstack/query-core');
    expect(ownerOf('../../work/main/node_modules/react-dom/cjs/react-dom-client.production.js')).toBe('react-dom');
    expect(ownerOf('../../../work/wt/firstload/src/incidents/outageWindow.ts')).toBe('vigil src/incidents');
    expect(ownerOf('../../src/main.tsx')).toBe('vigil src/main');
    expect(ownerOf('../../mocks/inPage.ts')).toBe('vigil mocks');
    expect(ownerOf('\0rolldown/runtime.js')).toBe('(generated)');
  });

  it('costs each owner its bytes and the gzip of its code alone, largest first', () => {
    const text = new Map([
      ['node_modules/zod/a.js', 'z'.repeat(50)],
      ['node_modules/zod/b.js', 'y'.repeat(50)],
      ['src/app/App.tsx', 'app'],
    ]);
    const costs = costByOwner(text);
    expect(costs.map((c) => [c.owner, c.bytes])).toEqual([
      ['zod', 100],
      ['vigil src/app', 3],
    ]);
    expect(costs[0]?.gzipBytes).toBe(gzipSync('z'.repeat(50) + 'y'.repeat(50)).byteLength);
  });

  it('measures the code as served: without the sourcemap comment a sourcemap build appends', () => {
    expect(withoutSourceMapComment('let a=1;\n//# sourceMappingURL=index-A.js.map\n')).toBe('let a=1;');
    expect(withoutSourceMapComment('let a=1;')).toBe('let a=1;');
  });
});
