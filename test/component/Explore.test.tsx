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

/** Rests a mouse on a query's graph, `fraction` of the way across its plot. */
async function restCursor(user: ReturnType<typeof userEvent.setup>, region: HTMLElement, fraction: number) {
  const plot = region.querySelector<SVGRectElement>('.hover-layer > rect.hover-target');
  if (!plot) throw new Error('no plot in the graph');
  const left = Number(plot.getAttribute('x'));
  const width = Number(plot.getAttribute('width'));
  await user.pointer({ target: plot, coords: { clientX: left + fraction * width, clientY: 50 } });
}

describe('Explore', () => {
  it('opens from the dashboard, runs a typed query, and shows its graph beside the values at the end of the range', async () => {
    const user = userEvent.setup();
    openApp();
    await user.click(screen.getByRole('button', { name: 'Explore' }));
    expect(await screen.findByRole('main', { name: 'Explore' })).toBeInTheDocument();
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

  it('keeps every step of an investigation in the link: the cursor time, hidden series, and Inspect', async () => {
    const user = userEvent.setup();
    openApp(exploreLink(MEMORY));
    const graph = within(query(1)).getByRole('region', { name: 'Query 1' });
    await waitFor(() => expect(drawnLines(graph)).toHaveLength(3), { timeout: COLD_START_TIMEOUT_MS });

    // The cursor rests on the graph: the table shows values there, and the link says when.
    await restCursor(user, graph, 0.5);
    await waitFor(() => expect(new URL(window.location.href).searchParams.get('cursor')).not.toBeNull());
    const cursor = Number(new URL(window.location.href).searchParams.get('cursor'));
    await waitFor(() => expect(within(query(1)).getByRole('table', { name: /^Query 1 at / })).toHaveAccessibleName(/\(cursor\)$/));

    // One series alone (a legend click): the others are hidden, in the link.
    const legend = within(graph).getByRole('table', { name: 'Legend' });
    const [first, ...others] = within(legend).getAllByRole('button').map((b) => b.textContent ?? '');
    await user.click(within(legend).getByRole('button', { name: first }));
    expect(drawnLines(graph)).toHaveLength(1);
    expect(new URL(window.location.href).searchParams.getAll('q-hide').sort()).toEqual(others.map((name) => `1:${name}`).sort());

    // Back on the dashboard, Inspect opens on a panel, in the link too.
    await user.click(screen.getByRole('button', { name: 'Back to dashboard' }));
    const memory = screen.getByRole('region', { name: 'Memory' });
    await user.click(within(memory).getByRole('button', { name: 'Inspect' }));
    expect(new URL(window.location.href).searchParams.get('inspect')).toBe('memory');
    const dashboardLink = `${window.location.search}${window.location.hash}`;
    await user.click(screen.getByRole('button', { name: 'Explore' }));
    const exploreLinkNow = `${window.location.search}${window.location.hash}`;

    // Each link reproduces its step.
    cleanup();
    openApp(exploreLinkNow);
    const restored = within(query(1)).getByRole('region', { name: 'Query 1' });
    await waitFor(() => expect(drawnLines(restored)).toHaveLength(1), { timeout: COLD_START_TIMEOUT_MS });
    const table = within(query(1)).getByRole('table', { name: /^Query 1 at / });
    expect(table).toHaveAccessibleName(/\(cursor\)$/);
    expect(Number(table.getAttribute('data-time'))).toBe(cursor);
    cleanup();
    openApp(dashboardLink);
    expect(await within(screen.getByRole('region', { name: 'Memory' })).findByRole('region', { name: 'Inspect Memory' })).toBeInTheDocument();
  }, 4 * COLD_START_TIMEOUT_MS);

  it('drops a cursor outside the link\'s range with a notice, and shows values at the end', async () => {
    openApp(`${exploreLink(MEMORY)}&from=${END - 3_600_000}&to=${END}&cursor=${END + 60_000}`);
    expect(screen.getByText(`Ignored "cursor": "${END + 60_000}" is outside the range of the link`)).toBeInTheDocument();
    await waitFor(() => expect(within(query(1)).getByRole('table', { name: /^Query 1 at / })).toHaveAccessibleName(/\(end of range\)$/), { timeout: COLD_START_TIMEOUT_MS });
  }, 2 * COLD_START_TIMEOUT_MS);

  it('applies the dashboard variables as its panels do, and says which it applied', async () => {
    const expr = 'process_resident_memory_bytes{job="webapp", instance=~"$instance"}';
    openApp(`${exploreLink(expr, MEMORY)}&var-instance=web-1&var-instance=web-3`);
    const graph = within(query(1)).getByRole('region', { name: 'Query 1' });
    await waitFor(() => expect(drawnLines(graph)).toHaveLength(2), { timeout: COLD_START_TIMEOUT_MS });
    await waitFor(() => expect(tableRows(1).map(([name]) => name)).toEqual([expect.stringContaining('web-1'), expect.stringContaining('web-3')]));
    expect(within(query(1)).getByLabelText('Variables applied to Query 1')).toHaveTextContent('Dashboard variables applied: $instance = web-1, web-3');
    // A query without variables names none.
    expect(within(query(2)).queryByLabelText('Variables applied to Query 2')).toBeNull();
  }, 2 * COLD_START_TIMEOUT_MS);

  it('shows a Unix timestamp (time()) in full with its date, and its axis ticks each with their own label', async () => {
    // time() as Prometheus answers it: the evaluation time in seconds (the demo backend has no functions).
    const form = async (request: Request) => new URLSearchParams(await request.clone().text());
    server.use(
      http.post(`${TEST_PROMETHEUS_URL}/api/v1/query`, async ({ request }) => {
        const f = await form(request);
        return f.get('query') === 'time()' ? HttpResponse.json({ status: 'success', data: { resultType: 'scalar', result: [Number(f.get('time')), f.get('time')] } }) : undefined;
      }),
      http.post(`${TEST_PROMETHEUS_URL}/api/v1/query_range`, async ({ request }) => {
        const f = await form(request);
        if (f.get('query') !== 'time()') return undefined;
        const [start, end, step] = [Number(f.get('start')), Number(f.get('end')), Number(f.get('step'))];
        const values = Array.from({ length: Math.floor((end - start) / step) + 1 }, (_, i) => [start + i * step, String(start + i * step)]);
        return HttpResponse.json({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values }] } });
      }),
    );
    openApp(`${exploreLink('time()')}&from=${END - 3_600_000}&to=${END}`);
    await waitFor(() => expect(within(query(1)).getByRole('alert')).toHaveTextContent(`Query 1 answers a scalar, ${END / 1000} (2024-01-15 13:30:00) at`), {
      timeout: COLD_START_TIMEOUT_MS,
    });
    const graph = within(query(1)).getByRole('region', { name: 'Query 1' });
    await waitFor(() => expect(drawnLines(graph)).toHaveLength(1));
    const ticks = [...graph.querySelectorAll('.y-axis .axis-tick-labels text')].map((t) => t.textContent);
    expect(ticks.length).toBeGreaterThan(2);
    expect(new Set(ticks).size).toBe(ticks.length);
  }, 2 * COLD_START_TIMEOUT_MS);
});
