import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, it, vi } from 'vitest';
import { TimeRangePicker } from './TimeRangePicker';

const END = Date.UTC(2024, 0, 15, 13, 30);

function renderPicker(from: string, to: string, onChange = vi.fn()) {
  const start = END - 30 * 60_000;
  render(<TimeRangePicker range={{ from, to }} start={start} end={END} timezone="UTC" onChange={onChange} />);
  return screen.getByRole('combobox', { name: 'Time range' });
}

it('names a relative range that is no preset as Grafana does ("Last 30 minutes"), not by the times it resolved to', () => {
  expect(renderPicker('now-30m', 'now')).toHaveDisplayValue('Last 30 minutes');
});

it('still lets a preset be chosen while a named relative range is shown', async () => {
  const onChange = vi.fn();
  const select = renderPicker('now-30m', 'now', onChange);
  await userEvent.selectOptions(select, 'Last 6 hours');
  expect(onChange).toHaveBeenCalledWith({ from: 'now-6h', to: 'now' });
});

it('shows a preset by its name and an absolute range by its times', () => {
  expect(renderPicker('now-1h', 'now')).toHaveDisplayValue('Last 1 hour');
  cleanup();
  expect(renderPicker(String(END - 30 * 60_000), String(END))).toHaveDisplayValue('Custom: 2024-01-15 13:00:00 – 2024-01-15 13:30:00');
});
