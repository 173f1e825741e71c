import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { COLD_START_TIMEOUT_MS, drawnLines, openApp, panel } from './appHarness';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const START = Date.UTC(2024, 0, 15, 10, 0);
const END = Date.UTC(2024, 0, 15, 12, 0);
const HOUR = 3_600_000;
const rangeInLink = () => {
  const params = new URLSearchParams(window.location.search);
  return [Number(params.get('from')), Number(params.get('to'))];
};

it('Earlier and Later move the range by half its width; a double-click on a chart zooms out; Back undoes each', async () => {
  const user = userEvent.setup();
  openApp(`?v=1&from=${START}&to=${END}`);
  const memory = panel('Memory');
  await waitFor(() => expect(drawnLines(memory)).toHaveLength(3));

  await user.click(screen.getByRole('button', { name: 'Earlier' }));
  expect(rangeInLink()).toEqual([START - HOUR, END - HOUR]);
  await waitFor(() => expect(memory.dataset.start).toBe(String(START - HOUR)));
  await user.click(screen.getByRole('button', { name: 'Later' }));
  expect(rangeInLink()).toEqual([START, END]);

  const plot = memory.querySelector<SVGRectElement>('.hover-layer > rect[fill="transparent"]');
  expect(plot).not.toBeNull();
  await user.dblClick(plot as SVGRectElement);
  // Twice as wide around the same centre, as the Zoom out button.
  expect(rangeInLink()).toEqual([START - HOUR, END + HOUR]);

  window.history.back();
  await waitFor(() => expect(rangeInLink()).toEqual([START, END]));
  // Three range changes, each redrawing every panel: more than one cold start on a busy machine.
}, 2 * COLD_START_TIMEOUT_MS);

it('Later is disabled while the range ends now', async () => {
  openApp('?v=1&from=now-6h&to=now');
  expect(await screen.findByRole('button', { name: 'Later' })).toBeDisabled();
  expect(screen.getByRole('button', { name: 'Earlier' })).toBeEnabled();
});

it('a drag-zoom ends where the mouse is released, even with no move just before the release', async () => {
  openApp(`?v=1&from=${START}&to=${END}`);
  // A panel without leak projections: its time axis spans exactly the range.
  const cache = panel('Cache size');
  await waitFor(() => expect(drawnLines(cache).length).toBeGreaterThan(0));
  const plot = cache.querySelector<SVGRectElement>('.hover-layer > rect.hover-target');
  if (!plot) throw new Error('no plot in the chart');
  const left = Number(plot.getAttribute('x'));
  const width = Number(plot.getAttribute('width'));
  const timeAt = (x: number) => Math.round(START + ((x - left) / width) * (END - START));
  const mouse = (x: number) => ({ pointerType: 'mouse', pointerId: 1, button: 0, clientX: x, clientY: 50 });

  fireEvent.pointerDown(plot, mouse(left + width * 0.25));
  fireEvent.pointerMove(plot, mouse(left + width * 0.5));
  // Released 40 px further than the last move reported (a fast flick, or a move the browser coalesced).
  fireEvent.pointerUp(plot, mouse(left + width * 0.5 + 40));

  expect(rangeInLink()).toEqual([timeAt(left + width * 0.25), timeAt(left + width * 0.5 + 40)]);
});
