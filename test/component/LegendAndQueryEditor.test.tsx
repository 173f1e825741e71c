import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { COLD_START_TIMEOUT_MS, drawnLines, openApp, panel } from './appHarness';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('the legend', () => {
  it("a click shows that series alone, Ctrl/Cmd+click toggles one, and the link carries the hidden ones (Grafana's habit)", async () => {
    const user = userEvent.setup();
    openApp('');
    const memory = panel('Memory');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(3));
    const legend = within(memory).getByRole('table', { name: 'Legend' });
    const entry = (name: string) => within(legend).getByRole('button', { name });
    const drawnInstances = () => drawnLines(memory).map((p) => /"instance":"([^"]+)"/.exec(p.dataset.series ?? '')?.[1]);
    const hiddenInLink = () => new URLSearchParams(window.location.search).getAll('hide');
    expect(drawnInstances()).toEqual(['web-1', 'web-2', 'web-3']);
    expect(entry('web-2')).toHaveAttribute('aria-pressed', 'true');

    await user.click(entry('web-2'));
    expect(drawnInstances()).toEqual(['web-2']);
    expect(entry('web-1')).toHaveAttribute('aria-pressed', 'false');
    expect(entry('web-2')).toHaveAttribute('aria-pressed', 'true');
    expect(hiddenInLink()).toEqual(['memory:web-1', 'memory:web-3']);
    // Hidden, not removed: their rows and figures stay in the legend; other panels keep theirs.
    expect(within(legend).getAllByRole('row')).toHaveLength(4);
    expect(drawnLines(panel('Cache size'))).toHaveLength(3);

    await user.keyboard('{Control>}');
    await user.click(entry('web-3'));
    await user.keyboard('{/Control}');
    expect(drawnInstances()).toEqual(['web-2', 'web-3']);
    await user.keyboard('{Meta>}');
    await user.click(entry('web-2'));
    await user.keyboard('{/Meta}');
    expect(drawnInstances()).toEqual(['web-3']);
    expect(hiddenInLink()).toEqual(['memory:web-1', 'memory:web-2']);

    // A click on the series shown alone shows them all again.
    await user.click(entry('web-3'));
    expect(drawnInstances()).toEqual(['web-1', 'web-2', 'web-3']);
    expect(window.location.search).not.toContain('hide=');
  }, COLD_START_TIMEOUT_MS);
});

describe('the query editor', () => {
  it('runs an edited query, marks the panel edited and carries the edit in the link; Reset restores the dashboard\'s query', async () => {
    const user = userEvent.setup();
    openApp('');
    const memory = panel('Memory');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(3));
    expect(within(memory).queryByText('edited query')).toBeNull();

    await user.click(within(memory).getByRole('button', { name: 'Edit query' }));
    const editor = within(memory).getByRole('form', { name: 'Edit queries' });
    const query = within(editor).getByRole('textbox', { name: 'Query' });
    expect((query as HTMLTextAreaElement).value).toMatch(/^process_resident_memory_bytes\{job="webapp"/);
    await user.clear(query);
    await user.click(query);
    await user.paste('process_resident_memory_bytes{instance="web-1"}');
    await user.click(within(editor).getByRole('button', { name: 'Run queries' }));

    await waitFor(() => expect(drawnLines(memory)).toHaveLength(1));
    expect(within(memory).getByText('edited query')).toBeInTheDocument();
    const legend = within(memory).getByRole('table', { name: 'Legend' });
    expect(within(legend).getByRole('button', { name: 'web-1' })).toBeInTheDocument();
    expect(within(legend).queryByRole('button', { name: 'web-2' })).toBeNull();
    expect(window.location.hash).toMatch(/^#z=[A-Za-z0-9_-]+$/);
    // The other panels keep their own queries.
    expect(within(panel('Cache size')).queryByText('edited query')).toBeNull();

    await user.click(within(memory).getByRole('button', { name: "Reset to the dashboard's queries" }));
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(3));
    expect(within(memory).queryByText('edited query')).toBeNull();
    expect(within(memory).queryByRole('form', { name: 'Edit queries' })).toBeNull();
    expect(window.location.hash).toBe('');
  });

  it('does not show the old query\'s lines for an edited query that fails', async () => {
    const user = userEvent.setup();
    openApp('');
    const memory = panel('Memory');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(3));
    await user.click(within(memory).getByRole('button', { name: 'Edit query' }));
    const editor = within(memory).getByRole('form', { name: 'Edit queries' });
    const query = within(editor).getByRole('textbox', { name: 'Query' });
    await user.clear(query);
    await user.click(query);
    await user.paste('histogram_quantile(0.9, process_resident_memory_bytes)');
    await user.click(within(editor).getByRole('button', { name: 'Run queries' }));
    const alert = await within(memory).findByRole('alert');
    expect(alert).toHaveTextContent('Bad query');
    expect(alert).not.toHaveTextContent('Stale');
    expect(drawnLines(memory)).toHaveLength(0);
  }, COLD_START_TIMEOUT_MS);
});
