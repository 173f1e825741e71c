import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryInstant } from '../../mocks';
import { server } from '../../mocks/node';
import { formatQuery } from '../../src/url/queryComponent';
import { TEST_PROMETHEUS_URL } from '../renderWithProviders';
import { COLD_START_TIMEOUT_MS, drawnLines, openApp } from './appHarness';

// The default dashboard's range (absolute), so the demo backend answers the same every run.
const END = 1705325400000;
const MEMORY = 'process_resident_memory_bytes{job="webapp"}';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function exploreLink(...queries: string[]): string {
  return `?${formatQuery([['v', '1'], ['explore', null], ...queries.map((q) => ['q', q] as const)])}`;
}

function query(n: number): HTMLElement {
  return screen.getByRole('group', { name: `Query ${n}` });
}

/** The rows of a query's table as [series, value], read as a user reads them. */
function tableRows(n: number): string[][] {
  const table = within(query(n)).getByRole('table', { name: new RegExp(`^Query ${n} at `) });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [within(row).getByRole('rowheader').textContent ?? '', within(row).getByRole('cell').textContent ?? '']);
}

/** What the demo backend itself answers at `time`, in the table's words. */
function backendRows(expr: string, time: number): string[][] {
  const answer = queryInstant(expr, time);
  if (answer.resultType !== 'vector') throw new Error(`expected a vector, got ${answer.resultType}`);
  return answer.result.map((s) => {
    const labels = Object.entries(s.metric).filter(([name]) => name !== '__name__');
    return [`${s.metric.__name__ ?? ''}{${labels.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}}`, String(s.value)];
  });
}

describe('Explore', () => {
  it('opens from the dashboard, runs a typed query, and shows its graph beside the values at the end of the range', async () => {
    const user = userEvent.setup();
    openApp();
    await user.click(screen.getByRole('button', { name: 'Explore' }));
    expect(screen.getByRole('main', { name: 'Explore' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Memory' })).toBeNull();

    await user.click(within(query(1)).getByRole('textbox', { name: 'Query' }));
    await user.paste(MEMORY);
    await user.click(within(query(1)).getByRole('button', { name: 'Run queries' }));

    const graph = within(query(1)).getByRole('region', { name: 'Query 1' });
    await waitFor(() => expect(drawnLines(graph)).toHaveLength(3), { timeout: COLD_START_TIMEOUT_MS });
    await waitFor(() => expect(tableRows(1)).toHaveLength(3));
    expect(tableRows(1).sort()).toEqual(backendRows(MEMORY, END).sort());
    expect(within(query(1)).getByRole('table', { name: /^Query 1 at / })).toHaveAccessibleName(/\(end of range\)$/);
    // The incident overlay is there too.
    expect(within(graph).getByRole('button', { name: /^mitigated at 12:00/ })).toBeInTheDocument();

    const url = new URL(window.location.href);
    expect(url.searchParams.has('explore')).toBe(true);
    expect(url.searchParams.getAll('q')).toEqual([MEMORY]);

    await user.click(screen.getByRole('button', { name: 'Back to dashboard' }));
    expect(screen.getByRole('region', { name: 'Memory' })).toBeInTheDocument();
    expect(screen.queryByRole('main', { name: 'Explore' })).toBeNull();
  }, 3 * COLD_START_TIMEOUT_MS);

  it('restores every query of a link, and the rest keeps working when one is bad', async () => {
    server.use(
      http.post(`${TEST_PROMETHEUS_URL}/api/v1/query`, async ({ request }) => {
        const form = new URLSearchParams(await request.clone().text());
        if (form.get('query') !== '"hello"') return undefined;
        return HttpResponse.json({ status: 'success', data: { resultType: 'string', result: [END / 1000, 'hello'] } });
      }),
    );
    openApp(exploreLink('sum(rate(', 'no_such_metric', '42', '"hello"', MEMORY));

    await waitFor(() => expect(tableRows(5)).toEqual(backendRows(MEMORY, END)), { timeout: COLD_START_TIMEOUT_MS });
    await waitFor(() => expect(within(query(1)).getAllByRole('alert').length).toBeGreaterThan(0));
    expect(within(query(1)).getAllByRole('alert')[0]).toHaveTextContent('Bad query');
    await waitFor(() => expect(within(query(2)).getByRole('alert')).toHaveTextContent('No series answer Query 2'));
    await waitFor(() => expect(within(query(3)).getByRole('alert')).toHaveTextContent('Query 3 answers a scalar, 42'));
    await waitFor(() => expect(within(query(4)).getAllByRole('alert').some((a) => /answers a string, "hello"/.test(a.textContent ?? ''))).toBe(true));
    expect(within(query(5)).queryByRole('alert')).toBeNull();
  }, 3 * COLD_START_TIMEOUT_MS);

  it('adds and removes queries, the link following each step', async () => {
    const user = userEvent.setup();
    openApp(exploreLink('up'));
    await user.click(screen.getByRole('button', { name: 'Add query' }));
    // Pasted, not typed: the query box is a textarea until the PromQL editor's chunk has loaded,
    // then CodeMirror, whose autocomplete would take keystrokes of a typed name in jsdom.
    await user.click(within(query(2)).getByRole('textbox', { name: 'Query' }));
    await user.paste('no_such_metric');
    await user.click(within(query(2)).getByRole('button', { name: 'Run queries' }));
    expect(new URL(window.location.href).searchParams.getAll('q')).toEqual(['up', 'no_such_metric']);
    await user.click(within(query(1)).getByRole('button', { name: 'Remove query' }));
    expect(new URL(window.location.href).searchParams.getAll('q')).toEqual(['no_such_metric']);
    expect(screen.queryByRole('group', { name: 'Query 2' })).toBeNull();
    const remaining = within(query(1)).getByRole('textbox', { name: 'Query' });
    expect(remaining instanceof HTMLTextAreaElement ? remaining.value : remaining.textContent).toBe('no_such_metric');
  }, 2 * COLD_START_TIMEOUT_MS);

  it('says which queries of a link it dropped', () => {
    openApp(exploreLink(...Array.from({ length: 12 }, (_, i) => `q${i}`)));
    expect(screen.getByText(/Ignored 2 more "q" queries: Explore holds at most 10/)).toBeInTheDocument();
    expect(screen.getAllByRole('group', { name: /^Query \d+$/ })).toHaveLength(10);
    expect(screen.getByRole('button', { name: 'Add query' })).toBeDisabled();
  });

  it('"Add to dashboard" makes the query a panel of the view, named by its query, that a link restores', async () => {
    const user = userEvent.setup();
    openApp(exploreLink(MEMORY));
    await user.click(within(query(1)).getByRole('button', { name: 'Add to dashboard' }));
    const added = screen.getByRole('region', { name: MEMORY });
    expect(screen.getByRole('region', { name: 'Memory' })).toBeInTheDocument();
    await waitFor(() => expect(drawnLines(added)).toHaveLength(3), { timeout: COLD_START_TIMEOUT_MS });

    const link = `${window.location.search}${window.location.hash}`;
    expect(link).toContain('#z=');
    cleanup();
    openApp(link);
    await waitFor(() => expect(drawnLines(screen.getByRole('region', { name: MEMORY }))).toHaveLength(3), { timeout: COLD_START_TIMEOUT_MS });
  }, 3 * COLD_START_TIMEOUT_MS);
});
