import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { server } from '../../mocks/node';
import { renderWithProviders } from '../../test/renderWithProviders';
import { QueryEditor } from './QueryEditor';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// The first import compiles CodeMirror for the test run: seconds on a busy machine.
const CHUNK_LOAD_TIMEOUT_MS = 30_000;

/** The CodeMirror editor once its chunk has loaded (the textarea stands in until then). */
async function codeEditor(name: string) {
  return waitFor(() => {
    const box = screen.getByRole('textbox', { name });
    expect(box).toHaveClass('cm-content');
    return box;
  }, { timeout: CHUNK_LOAD_TIMEOUT_MS });
}

describe('QueryEditor', { timeout: 2 * CHUNK_LOAD_TIMEOUT_MS }, () => {
  it('edits each query in a named PromQL editor and Ctrl+Enter runs them all', async () => {
    const onRun = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<QueryEditor queries={['up', 'rate(x[5m])']} edited={false} onRun={onRun} onReset={() => {}} onClose={() => {}} />);
    const first = await codeEditor('Query 1');
    expect(first).toHaveTextContent('up');
    expect(await codeEditor('Query 2')).toHaveTextContent('rate(x[5m])');

    await user.click(first);
    await user.keyboard('{End}{{}');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(onRun).toHaveBeenCalled());
    expect(onRun.mock.lastCall?.[0]?.[1]).toBe('rate(x[5m])');
    expect(onRun.mock.lastCall?.[0]?.[0]).toMatch(/^up\{/);
  });

  it('shows the server’s refusal under the query it belongs to, and describes that editor with it', async () => {
    renderWithProviders(
      <QueryEditor
        queries={['up', 'sum(']}
        edited
        onRun={() => {}}
        onReset={() => {}}
        onClose={() => {}}
        errors={[undefined, { title: 'Bad query', message: '1:5: parse error: unclosed left parenthesis' }]}
      />,
    );
    const second = await codeEditor('Query 2');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Bad query: 1:5: parse error: unclosed left parenthesis');
    expect(second).toHaveAccessibleDescription('Bad query: 1:5: parse error: unclosed left parenthesis');
    expect(await codeEditor('Query 1')).not.toHaveAccessibleDescription();
  });

  it('lists the PromQL linter’s message for a query that cannot be right', async () => {
    renderWithProviders(<QueryEditor queries={['rate(up)']} edited={false} onRun={() => {}} onReset={() => {}} onClose={() => {}} />);
    await codeEditor('Query');
    const problems = await screen.findByRole('list', { name: 'Problems the editor found' }, { timeout: 5000 });
    expect(within(problems).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['expected type matrix in call to function "rate", got vector']);
  });
});
