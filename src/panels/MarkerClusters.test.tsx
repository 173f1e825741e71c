import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TimeSeriesPanel } from './TimeSeriesPanel';
import type { EventMarker } from '../annotations';
import type { PanelLine } from './types';

const START = Date.UTC(2024, 0, 15, 9);
const END = Date.UTC(2024, 0, 15, 13, 30);
const STEP = 60_000;
const timestamps = Array.from({ length: (END - START) / STEP + 1 }, (_, i) => START + i * STEP);
const lines: PanelLine[] = [{ key: 'web-1', name: 'web-1', color: '#4e9bff', aggregate: false, series: { labels: { instance: 'web-1' }, timestamps, values: timestamps.map((_, i) => i) } }];
const at = (h: number, m: number) => Date.UTC(2024, 0, 15, h, m);
const markers: EventMarker[] = [
  { key: 'i#0', time: at(10, 0), kind: 'detected', text: 'Memory alert fired' },
  { key: 'i#1', time: at(10, 15), kind: 'acknowledged', text: 'On-call looking' },
  { key: 'i#2', time: at(10, 30), kind: 'identified', text: 'Cache never evicts' },
  { key: 'i#3', time: at(12, 30), kind: 'resolved', text: 'Fix deployed' },
];

/** A panel as wide as on a phone, holding the selection as the page would. */
function PhonePanel({ events = markers }: { events?: readonly EventMarker[] }) {
  const [selected, setSelected] = useState<string | undefined>(undefined);
  return (
    <TimeSeriesPanel
      id="memory"
      title="Memory"
      unit="bytes"
      width={360}
      start={START}
      end={END}
      step={STEP}
      timezone="UTC"
      lines={lines}
      status={{ hasData: true, fetching: false, problems: [], warnings: [], dataUpdatedAt: END }}
      thresholds={[]}
      windows={[]}
      markers={events}
      selectedMarkerKey={selected}
      onSelectMarker={(key) => setSelected(key === selected ? undefined : key)}
      onRetry={() => {}}
      hidden={new Set()}
      onToggleSeries={() => {}}
    />
  );
}

describe('event marks too close to tell apart', () => {
  it('are one named mark that opens, from the keyboard too, a list of its events; choosing one selects it', async () => {
    const user = userEvent.setup();
    render(<PhonePanel />);
    const region = screen.getByRole('region', { name: 'Memory' });
    const cluster = within(region).getByRole('button', { name: '3 events: detected, acknowledged, identified' });
    // The lone event keeps its own mark.
    expect(within(region).getByRole('button', { name: 'resolved at 12:30: Fix deployed' })).toBeInTheDocument();
    expect(cluster).toHaveAttribute('aria-expanded', 'false');

    act(() => cluster.focus());
    await user.keyboard('{Enter}');
    const list = within(region).getByRole('dialog', { name: '3 events' });
    const items = within(list).getAllByRole('listitem').map((li) => within(li).getByRole('button'));
    expect(items.map((b) => b.getAttribute('aria-label'))).toEqual([
      'detected at 10:00: Memory alert fired',
      'acknowledged at 10:15: On-call looking',
      'identified at 10:30: Cache never evicts',
    ]);
    expect(items[0]).toHaveFocus();
    expect(cluster).toHaveAttribute('aria-expanded', 'true');

    // Escape shuts the list and returns to the mark.
    await user.keyboard('{Escape}');
    expect(within(region).queryByRole('dialog')).toBeNull();
    expect(cluster).toHaveFocus();

    await user.keyboard(' ');
    await user.click(within(region).getByRole('button', { name: /^acknowledged at 10:15/ }));
    expect(within(region).queryByRole('dialog')).toBeNull();
    expect(within(region).getByRole('button', { name: '3 events: detected, acknowledged, identified (selected: acknowledged)' })).toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: /selected: acknowledged/ }));
    expect(within(within(region).getByRole('dialog')).getByRole('button', { name: /^acknowledged at 10:15/ })).toHaveAttribute('aria-pressed', 'true');
    // The file's first chart pays Recharts' cold start (~4.5 s here, more on a busy machine).
  }, 15_000);
});

it('draw each event of a cluster in the colour of its incident, and the mark in theirs when they share one', () => {
  const ORANGE = '#ff9830';
  const BLUE = '#5794f2';
  const shown: EventMarker[] = [
    { key: 'a#0', time: at(10, 0), kind: 'detected', text: 'Memory alert fired', color: ORANGE },
    { key: 'b#0', time: at(10, 10), kind: 'detected', text: 'Checkout errors', color: BLUE },
    { key: 'a#1', time: at(12, 0), kind: 'mitigated', text: 'Traffic drained', color: ORANGE },
    { key: 'a#2', time: at(12, 10), kind: 'resolved', text: 'Fix deployed', color: ORANGE },
  ];
  render(<PhonePanel events={shown} />);
  const region = screen.getByRole('region', { name: 'Memory' });
  const colours = (name: string) => {
    const mark = within(region).getByRole('button', { name });
    return {
      mark: mark.style.getPropertyValue('--incident-color'),
      lines: [...mark.querySelectorAll('line')].map((l) => l.style.getPropertyValue('--incident-color')),
    };
  };
  expect(colours('2 events: detected, detected')).toEqual({ mark: '', lines: [ORANGE, BLUE] });
  expect(colours('2 events: mitigated, resolved')).toEqual({ mark: ORANGE, lines: [ORANGE, ORANGE] });
});
