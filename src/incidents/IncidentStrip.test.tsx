import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readIncidentFile } from './incidentFile';
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
  const onActivate = vi.fn();
  render(<IncidentStrip incident={incident} timezone="UTC" selectedKey={undefined} onActivate={onActivate} {...props} />);
  return { onActivate, region: screen.getByRole('region', { name: 'Incident: Database failover' }) };
}

describe('the incident summary on a narrow screen', () => {
  it('shows title, window and duration; impact, root cause, events and notes wait behind a disclosure', async () => {
    const user = userEvent.setup();
    const { region, onActivate } = strip({ collapsible: true });
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
    expect(onActivate).toHaveBeenCalledWith(markerKey('db-failover', 1));

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

describe('the incident metrics', () => {
  it('shows time to detect, mitigate and resolve from the start, and none for a stage the timeline lacks', () => {
    const { region } = strip();
    const metrics = within(region).getByRole('list', { name: 'Incident metrics' });
    expect(metrics).toHaveTextContent('Time to detect: 5m');
    expect(metrics).toHaveTextContent('Time to mitigate: 20m');
    expect(metrics).toHaveTextContent('Time to resolve: 40m');
    expect(metrics).not.toHaveTextContent('Time to acknowledge');
    expect(within(region).queryByRole('alert')).toBeNull();
  });

  it('shows time to acknowledge where the timeline has an acknowledgement', () => {
    const acked = { ...incident, events: [...incident.events, { time: Date.UTC(2024, 0, 15, 11, 8), text: 'On-call acknowledged the page', kind: 'acknowledged' as const }].sort((a, b) => a.time - b.time) };
    const { region } = strip({ incident: acked });
    expect(within(region).getByRole('list', { name: 'Incident metrics' })).toHaveTextContent('Time to acknowledge: 8m');
  });

  it('warns where the order is impossible (resolved before detected) instead of drawing it silently', () => {
    const impossible: Incident = {
      ...incident,
      events: [
        { time: Date.UTC(2024, 0, 15, 11, 5), text: 'Replica promoted', kind: 'resolved' },
        { time: Date.UTC(2024, 0, 15, 11, 30), text: 'Primary database stopped answering', kind: 'detected' },
      ],
    };
    // Shown even on a narrow screen with the details shut.
    const { region } = strip({ incident: impossible, collapsible: true });
    const warning = within(region).getByRole('alert');
    expect(warning).toBeVisible();
    expect(warning).toHaveTextContent('The first "resolved" event (2024-01-15T11:05:00Z) comes before the first "detected" event (2024-01-15T11:30:00Z).');
  });

  it('warns of an acknowledgement before any detection and of a stage before the start', () => {
    const early: Incident = {
      ...incident,
      events: [
        { time: Date.UTC(2024, 0, 15, 10, 50), text: 'Acknowledged', kind: 'acknowledged' },
        { time: Date.UTC(2024, 0, 15, 11, 5), text: 'Alert fired', kind: 'detected' },
      ],
    };
    const { region } = strip({ incident: early });
    expect(within(region).getByRole('list', { name: 'Incident metrics' })).toHaveTextContent('Time to acknowledge: 10m before the start');
    const warning = within(region).getByRole('alert');
    expect(warning).toHaveTextContent('The first "acknowledged" event (2024-01-15T10:50:00Z) comes before the first "detected" event (2024-01-15T11:05:00Z).');
    expect(warning).toHaveTextContent('The first "acknowledged" event comes before the incident\'s start (2024-01-15T11:00:00Z).');
  });
});

describe('an open incident on the strip', () => {
  afterEach(() => vi.useRealTimers());

  it('shows how long it has been open, growing as time passes', () => {
    vi.useFakeTimers({ now: Date.UTC(2024, 0, 15, 12, 30), toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { region } = strip({ incident: { ...incident, end: undefined } });
    expect(region).toHaveTextContent('2024-01-15 11:00:00 – now (open for 1h 30m)');
    act(() => vi.advanceTimersByTime(20 * 60_000));
    expect(region).toHaveTextContent('(open for 1h 50m)');
  });
});

/** jsdom's Blob has no text(); FileReader reads it. */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable blob'));
    reader.readAsText(blob);
  });
}

describe('downloading the incident', () => {
  it('saves the incident as an incident file that reads back as the same incident', async () => {
    const user = userEvent.setup();
    let saved: Blob | undefined;
    const createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return 'blob:incident';
    });
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const names: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    try {
      const { region } = strip();
      await user.click(within(region).getByRole('button', { name: 'Download incident JSON' }));
      expect(names).toEqual(['db-failover.json']);
      const file: unknown = JSON.parse(await blobText(saved as Blob));
      expect(file).toMatchObject({ schemaVersion: 1, id: 'db-failover', start: '2024-01-15T11:00:00Z', end: '2024-01-15T11:40:00Z' });
      expect(readIncidentFile(file)).toEqual({ ok: true, incident: { ...incident, timezoneSource: { kind: 'stated', written: 'UTC' } } });
    } finally {
      click.mockRestore();
      vi.unstubAllGlobals();
    }
  });
});

describe('the incident colour', () => {
  it('marks the strip with the colour its window has on the charts', () => {
    const { region } = strip({ color: '#b37feb' });
    expect(region).toHaveStyle({ borderLeftColor: '#b37feb' });
  });
});
