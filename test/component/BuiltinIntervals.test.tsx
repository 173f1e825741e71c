import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { COLD_START_TIMEOUT_MS, drawnLines, openApp, panel } from './appHarness';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

it('the error rate uses $__rate_interval: the demo answers it, and Inspect shows the window sent and why', async () => {
  const user = userEvent.setup();
  openApp('');
  const errors = panel('Error rate');
  await waitFor(() => expect(drawnLines(errors)).toHaveLength(4));
  await user.click(within(errors).getByRole('button', { name: 'Inspect' }));
  const inspector = await within(errors).findByRole('region', { name: 'Inspect Error rate' });
  const list = within(inspector).getByLabelText('Built-in intervals');
  const explained = list.textContent ?? '';
  const terms = Object.fromEntries(within(list).getAllByRole('term').map((t) => (t.textContent ?? '').split(' = ')));
  const interval = terms.$__interval as string;
  const rateInterval = terms.$__rate_interval as string;
  expect(explained).toContain(`max(${interval} + 15s, 4 × 15s)`);
  // Every rate() of the queries sent has exactly that window; no template is left in them.
  const sent = within(inspector).getAllByRole('code').map((c) => c.textContent ?? '').filter((t) => t.includes('rate('));
  expect(sent).toHaveLength(2);
  for (const expr of sent) {
    expect(expr).not.toContain('$');
    expect([...expr.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1])).toEqual([rateInterval, rateInterval]);
  }
  expect(within(errors).queryByRole('alert')).toBeNull();
}, COLD_START_TIMEOUT_MS);
