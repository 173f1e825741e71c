import { render, screen } from '@testing-library/react';
import type { Incident } from '../incidents';
import { OpenIncidentBanner } from './OpenIncidentBanner';

const MINUTE = 60_000;
const open = (id: string, title: string): Incident => ({ id, title, start: Date.now() - 30 * MINUTE - 5_000, events: [], timezone: 'UTC' });

describe('OpenIncidentBanner', () => {
  it('speaks for the site only about its own incidents; linked ones are marked as such', () => {
    render(<OpenIncidentBanner incidents={[open('db', 'Database down'), open('fake', 'Evacuate the building')]} fromLink={new Set(['fake'])} />);
    expect(screen.getByRole('alert')).toHaveTextContent('OPEN INCIDENT: Database down — for 30m');
    expect(screen.getByRole('alert')).not.toHaveTextContent('Evacuate');
    expect(screen.getByRole('status', { name: 'Open incidents from this link' })).toHaveTextContent(
      "From this link (not from this site's incidents): Evacuate the building — open for 30m",
    );
  });

  it('shows nothing when no incident is open', () => {
    const { container } = render(<OpenIncidentBanner incidents={[{ ...open('db', 'Database down'), end: Date.now() }]} fromLink={new Set()} />);
    expect(container).toBeEmptyDOMElement();
  });
});
