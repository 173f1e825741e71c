import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PanelLine } from '../panels';
import type { SeriesSet } from '../series';
import { createPromClient } from '../prometheus';
import { stepFacts } from '../time';
import { PromClientProvider } from './promClientContext';
import { intervalFacts } from './builtins';
import { PanelInspector, toCsv } from './PanelInspector';

const t0 = Date.UTC(2024, 0, 15, 10);
const lines: PanelLine[] = [
  { key: 'a', name: 'web-1', color: '#000', aggregate: false, series: { labels: { instance: 'web-1' }, timestamps: [t0, t0 + 15_000], values: [1, NaN] } },
  { key: 'b', name: 'say "hi"', color: '#000', aggregate: false, series: { labels: { instance: 'web-2' }, timestamps: [t0 + 15_000], values: [Infinity] } },
];

describe('toCsv', () => {
  it('puts every timestamp on one row, each series in a column, gaps empty, names quoted', () => {
    expect(toCsv(lines)).toBe(['time,"web-1","say ""hi"""', '2024-01-15T10:00:00.000Z,1,', '2024-01-15T10:00:15.000Z,NaN,Infinity', ''].join('\n'));
  });
});

// Issue 14, row 13: a series named "=HYPERLINK(…)" was written as is, and ran as a formula.
describe('toCsv against formula injection', () => {
  const named = (name: string): PanelLine => ({ key: name, name, color: '#000', aggregate: false, series: { labels: {}, timestamps: [t0], values: [-1] } });

  it.each(['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])('writes a series named %j as text', (name) => {
    const [header] = toCsv([named(name)]).split('\n');
    expect(header).toBe(`time,"'${name.replace(/"/g, '""')}"`);
  });

  it('leaves ordinary names and negative numbers alone', () => {
    expect(toCsv([named('web-1')])).toBe(['time,"web-1"', '2024-01-15T10:00:00.000Z,-1', ''].join('\n'));
  });
});

describe('PanelInspector', () => {
  it('shows the queries as sent and each series with its point count, and downloads a CSV', async () => {
    const created: Blob[] = [];
    // jsdom has no object URLs; record what the inspector hands to the browser instead.
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:test';
    };
    URL.revokeObjectURL = () => undefined;
    render(
      <PanelInspector
        queries={[{ expr: 'up{instance=~"web-1|web-2"}', start: t0, end: t0 + 3_600_000, step: 15_000 }]}
        results={[{ series: lines.map((l) => l.series), start: t0, end: t0 + 3_600_000, step: 15_000, warnings: ['partial data'] }]}
        lines={lines}
        unit="short"
        timezone="UTC"
        panelTitle="Memory"
      />,
    );
    const region = screen.getByRole('region', { name: 'Inspect Memory' });
    expect(region).toHaveTextContent('up{instance=~"web-1|web-2"}');
    expect(region).toHaveTextContent('2024-01-15 10:00:00 – 2024-01-15 11:00:00, step 15s, 2 series');
    expect(region).toHaveTextContent('warning: partial data');
    const rows = within(screen.getByRole('table', { name: 'Series data' })).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('web-1instance="web-1"2');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(created).toHaveLength(1);
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(created[0] as Blob);
    });
    expect(text).toBe(toCsv(lines));
  });

  it('shows what $__interval, $__rate_interval and $__range stood for, and why', () => {
    const start = t0;
    const end = t0 + 4.5 * 3_600_000;
    const intervals = intervalFacts({ start, end, step: stepFacts({ start, end, widthPx: 1100 }), scrapeIntervalMs: 15_000 });
    render(<PanelInspector queries={[]} results={[]} lines={[]} unit="short" timezone="UTC" panelTitle="Errors" intervals={intervals} />);
    const list = screen.getByLabelText('Built-in intervals');
    const text = list.textContent ?? '';
    expect(text).toContain('$__interval = 30s');
    expect(text).toContain('4h 30m over 1100 px at one point per 2 px is 29.5s, rounded up to a readable step');
    expect(text).toContain('$__rate_interval = 1m');
    expect(text).toContain('max(30s + 15s, 4 × 15s) = max(45s, 1m): four scrapes');
    expect(text).toContain('$__range = 16200s');
  });

  it('copies the query sent as a curl command that names the headers but never copies their values', async () => {
    const user = userEvent.setup();
    const headers = { 'X-Scope-OrgID': 'team-a', Authorization: 'Bearer s3cret' };
    const client = createPromClient({ baseUrl: '/prometheus', headers });
    render(
      <PromClientProvider client={client} headerNames={Object.keys(headers)}>
        <PanelInspector queries={[{ expr: 'up{job="a b"}', start: t0, end: t0 + 3_600_000, step: 15_000 }]} results={[]} lines={[]} unit="short" timezone="UTC" panelTitle="Memory" />
      </PromClientProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Copy as curl' }));
    const copied = await navigator.clipboard.readText();
    expect(copied).toContain(`curl '${window.location.origin}/prometheus/api/v1/query_range'`);
    expect(copied).toContain(`-H 'X-Scope-OrgID: '"$X_SCOPE_ORGID"`);
    expect(copied).toContain(`--data-urlencode 'query=up{job="a b"}'`);
    expect(copied).not.toMatch(/team-a|s3cret/);
    expect(screen.getByRole('status')).toHaveTextContent('set X_SCOPE_ORGID (X-Scope-OrgID), AUTHORIZATION (Authorization) in your shell first');
  });

  describe('after an incremental refresh', () => {
    const window = { start: t0, end: t0 + 3_600_000, step: 15_000 };
    const tailFrom = window.end - 2 * 60_000;
    const tailText = JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { instance: 'web-1' }, values: [[tailFrom / 1000, '1']] }] } });
    const held = (fetch: SeriesSet['fetch']): SeriesSet => ({
      series: lines.map((l) => l.series),
      ...window,
      warnings: [],
      answer: { head: tailText, chars: tailText.length },
      fetch,
    });
    const inspect = (set: SeriesSet) =>
      render(<PanelInspector queries={[{ expr: 'up', ...window }]} results={[set]} lines={lines} unit="short" timezone="UTC" panelTitle="Memory" />);

    it('says that the raw answer is only the tail, from when, and what it was merged into', async () => {
      inspect(held({ kind: 'tail', from: tailFrom, fetchedAt: window.end, fullAt: window.start }));
      const summary = screen.getByText(/^Raw answer of query 1/);
      expect(summary).toHaveTextContent(`Raw answer of query 1 (${tailText.length} B), last answer: tail from 10:58:00, merged into 3 points (2 series)`);
      await userEvent.setup().click(summary);
      expect(screen.getByRole('note')).toHaveTextContent('asked Prometheus only for the window from 2024-01-15 10:58:00 on and merged it into the points held');
      expect(screen.getByLabelText('Raw answer of query 1')).toHaveTextContent(tailText);
    });

    it('says nothing of a tail after a full fetch', async () => {
      inspect(held({ kind: 'full', from: window.start, fetchedAt: window.end, fullAt: window.end }));
      const summary = screen.getByText(/^Raw answer of query 1/);
      expect(summary).toHaveTextContent(`Raw answer of query 1 (${tailText.length} B)`);
      expect(summary).not.toHaveTextContent('tail');
      await userEvent.setup().click(summary);
      expect(screen.queryByRole('note')).toBeNull();
    });
  });
});
