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

/** The query's CodeMirror editor, once its chunk has loaded (a textarea stands in until then). */
function promqlEditor(form: HTMLElement): Promise<HTMLElement> {
  return waitFor(
    () => {
      const box = within(form).getByRole('textbox', { name: 'Query' });
      expect(box).toHaveClass('cm-content');
      return box;
    },
    { timeout: COLD_START_TIMEOUT_MS },
  );
}

async function replaceText(user: ReturnType<typeof userEvent.setup>, box: HTMLElement, text: string) {
  await user.click(box);
  await user.keyboard('{Control>}a{/Control}{Backspace}');
  await user.paste(text);
  await waitFor(() => expect(box).toHaveTextContent(text));
}

// The app's cold start, then CodeMirror's first import: each takes seconds on a busy machine.
const EDITOR_TEST_TIMEOUT_MS = 6 * COLD_START_TIMEOUT_MS;

describe('the query editor', { timeout: EDITOR_TEST_TIMEOUT_MS }, () => {
  it('runs an edited query, marks the panel edited and carries the edit in the link; Reset restores the dashboard\'s query', async () => {
    const user = userEvent.setup();
    openApp('');
    const memory = panel('Memory');
    await waitFor(() => expect(drawnLines(memory)).toHaveLength(3));
    expect(within(memory).queryByText('edited query')).toBeNull();

    await user.click(within(memory).getByRole('button', { name: 'Edit query' }));
    const editor = await within(memory).findByRole('form', { name: 'Edit queries' });
    const query = await promqlEditor(editor);
    expect(query.textContent).toMatch(/^process_resident_memory_bytes\{job="webapp"/);
    await replaceText(user, query, 'process_resident_memory_bytes{instance="web-1"}');
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
    const editor = await within(memory).findByRole('form', { name: 'Edit queries' });
    await replaceText(user, await promqlEditor(editor), 'histogram_quantile(0.9, process_resident_memory_bytes)');
    await user.click(within(editor).getByRole('button', { name: 'Run queries' }));
    // The panel says it, and the editor says it under the query.
    const inline = await within(editor).findByRole('alert');
    const alert = within(memory).getAllByRole('alert').find((a) => !editor.contains(a));
    expect(alert).toHaveTextContent('Bad query');
    expect(inline).toHaveTextContent(/^Bad query: demo backend: cannot evaluate/);
    expect(within(editor).getByRole('textbox', { name: 'Query' })).toHaveAccessibleDescription(inline.textContent ?? '');
    expect(alert).not.toHaveTextContent('Stale');
    expect(within(editor).getByRole('textbox', { name: 'Query' })).toHaveClass('cm-content');
    expect(drawnLines(memory)).toHaveLength(0);
  });
});
