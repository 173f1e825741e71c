import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { IncidentStrip } from './IncidentStrip';
import type { Incident } from './model';
import { markerKey } from './overlay';

const incident: Incident = {
  id: 'db-failover',
  title: 'Database failover',
  start: Date.UTC(2024, 0, 15, 11, 0),
  end: Date.UTC(2024, 0, 15, 11, 40),
  impact: 'Checkout failed for 40 minutes',
  rootCause: 'The primary ran out of disk',
  events: [
    { time: Date.UTC(2024, 0, 15, 11, 5), text: 'Primary database stopped answering', kind: 'detected' },
    { time: Date.UTC(2024, 0, 15, 11, 20), text: 'Failover started by hand', kind: 'mitigated' },
    { time: Date.UTC(2024, 0, 15, 11, 40), text: 'Replica promoted', kind: 'resolved' },
  ],
  timezone: 'UTC',
};

function strip(props: Partial<Parameters<typeof IncidentStrip>[0]> = {}) {
  const onSelect = vi.fn();
  render(<IncidentStrip incident={incident} timezone="UTC" selectedKey={undefined} onSelect={onSelect} {...props} />);
  return { onSelect, region: screen.getByRole('region', { name: 'Incident: Database failover' }) };
}

describe('the incident summary on a narrow screen', () => {
  it('shows title, window and duration; impact, root cause, events and notes wait behind a disclosure', async () => {
    const user = userEvent.setup();
    const { region, onSelect } = strip({ collapsible: true });
    expect(within(region).getByRole('heading', { name: 'Database failover' })).toBeVisible();
    expect(region).toHaveTextContent('2024-01-15 11:00:00 – 11:40 (40m)');
    expect(within(region).getByText('Checkout failed for 40 minutes')).not.toBeVisible();
    expect(within(region).getByText('Incident times read as UTC.')).not.toBeVisible();
    expect(within(region).queryByRole('list', { name: 'Timeline' })).toBeNull();

    const details = within(region).getByRole('button', { name: 'Impact, root cause and 3 events' });
    expect(details).toHaveAttribute('aria-expanded', 'false');
    await user.click(details);
    expect(details).toHaveAttribute('aria-expanded', 'true');
    expect(within(region).getByText('Checkout failed for 40 minutes')).toBeVisible();
    expect(within(region).getByText('The primary ran out of disk')).toBeVisible();
    const timeline = within(region).getByRole('list', { name: 'Timeline' });
    expect(within(timeline).getAllByRole('button')).toHaveLength(3);
    await user.click(within(timeline).getByRole('button', { name: /11:20.*mitigated/ }));
    expect(onSelect).toHaveBeenCalledWith(markerKey('db-failover', 1));

    await user.click(details);
    expect(within(region).queryByRole('list', { name: 'Timeline' })).toBeNull();
  });

  it('says which event the link selected while the details are shut, in the zone shown', () => {
    const { region } = strip({ collapsible: true, selectedKey: markerKey('db-failover', 2), timezone: 'Asia/Tokyo' });
    expect(within(region).getByText('Selected: 20:40 resolved')).toBeVisible();
  });

  it('names only what the disclosure holds', () => {
    const { region } = strip({ collapsible: true, incident: { ...incident, impact: undefined, rootCause: undefined, events: incident.events.slice(0, 1) } });
    expect(within(region).getByRole('button', { name: '1 event' })).toBeVisible();
  });

  it('shows everything at once on a desktop, with no disclosure', () => {
    const { region } = strip();
    expect(within(region).getByText('Checkout failed for 40 minutes')).toBeVisible();
    expect(within(region).getByRole('list', { name: 'Timeline' })).toBeVisible();
    expect(within(region).queryByRole('button', { name: /events/ })).toBeNull();
  });
});
