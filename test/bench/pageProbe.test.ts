// @vitest-environment jsdom
import { PAGE_PROBE_SCRIPT, READ_PAGE_PROBE, panelsDrawnExpression, parsePageProbe } from './pageProbe';

// The scripts are strings for the page; here they run in jsdom's window the same way.
const run = (source: string): unknown => (0, eval)(source);

describe('page probe', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    delete (window as unknown as Record<string, unknown>).__VIGIL_SOAK_PROBE__;
    document.body.innerHTML = '<section data-panel="memory" data-end="1000"></section>';
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  const read = () => parsePageProbe(run(READ_PAGE_PROBE));

  it('counts each change of the memory panel end once, including a remounted panel', () => {
    run(PAGE_PROBE_SCRIPT);
    vi.advanceTimersByTime(1_000);
    expect(read().refreshRounds).toBe(0);
    document.querySelector('section')?.setAttribute('data-end', '2000');
    vi.advanceTimersByTime(1_000);
    document.querySelector('section')?.setAttribute('data-end', '4000');
    vi.advanceTimersByTime(1_000);
    expect(read().refreshRounds).toBe(2);
    // A remount brings its end with it; no attribute ever changes.
    document.body.innerHTML = '<section data-panel="memory" data-end="6000"></section>';
    vi.advanceTimersByTime(1_000);
    expect(read().refreshRounds).toBe(3);
  });

  it('ignores other panels and is installed once per document', () => {
    run(PAGE_PROBE_SCRIPT);
    run(PAGE_PROBE_SCRIPT);
    vi.advanceTimersByTime(1_000);
    document.body.insertAdjacentHTML('beforeend', '<section data-panel="error-rate" data-end="1"></section>');
    document.querySelector('section[data-panel="error-rate"]')?.setAttribute('data-end', '2');
    document.querySelector('section[data-panel="memory"]')?.setAttribute('data-end', '3000');
    vi.advanceTimersByTime(1_000);
    expect(read().refreshRounds).toBe(1);
  });

  it('keeps the last five error messages', () => {
    run(PAGE_PROBE_SCRIPT);
    for (let i = 1; i <= 7; i++) window.dispatchEvent(new ErrorEvent('error', { message: `boom ${i}` }));
    expect(read()).toMatchObject({ errors: 7, lastErrors: ['boom 3', 'boom 4', 'boom 5', 'boom 6', 'boom 7'] });
  });

  it('refuses to read a page without the probe', () => {
    expect(() => read()).toThrow(/not installed/);
  });

  it('tells when every panel has drawn a line', () => {
    const drawn = panelsDrawnExpression(['memory', 'cache-size']);
    document.body.innerHTML =
      '<section data-panel="memory"><g data-testid="series-lines"><path></path></g></section><section data-panel="cache-size"></section>';
    expect(run(drawn)).toBe(false);
    document.querySelector('section[data-panel="cache-size"]')!.innerHTML = '<g data-testid="series-lines"><path></path></g>';
    expect(run(drawn)).toBe(true);
  });
});
