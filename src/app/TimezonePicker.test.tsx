import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { TimezonePicker } from './TimezonePicker';

const original = Intl.DateTimeFormat;

/** A browser in Berlin, counting every DateTimeFormat the page builds. */
function browserInBerlin() {
  const built = { count: 0 };
  Intl.DateTimeFormat = new Proxy(original, {
    construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      built.count += 1;
      const formatter = new target(...args);
      if (args.length > 0) return formatter;
      return Object.assign(Object.create(formatter) as Intl.DateTimeFormat, {
        resolvedOptions: () => ({ ...formatter.resolvedOptions(), timeZone: 'Europe/Berlin' }),
      });
    },
  });
  return built;
}

afterEach(() => {
  Intl.DateTimeFormat = original;
});

describe('TimezonePicker', () => {
  it("offers the browser's zone once the page is idle, without building a DateTimeFormat in the first render", async () => {
    const built = browserInBerlin();
    const chosen: string[] = [];
    render(<TimezonePicker value="UTC" onChange={(tz) => chosen.push(tz)} />);
    const picker = screen.getByRole('combobox', { name: 'Timezone' });
    expect(picker).toHaveValue('UTC');
    // The first DateTimeFormat loads the zone data: not while the panels wait to ask their queries.
    expect(built.count).toBe(0);
    expect(await screen.findByRole('option', { name: 'Europe/Berlin (browser)' })).toBeInTheDocument();
    await userEvent.selectOptions(picker, 'Europe/Berlin');
    expect(chosen).toEqual(['Europe/Berlin']);
  });

  it('always offers the zone shown, even one that is neither UTC nor the browser’s', () => {
    render(<TimezonePicker value="Asia/Tokyo" onChange={() => undefined} />);
    expect(screen.getByRole('combobox', { name: 'Timezone' })).toHaveValue('Asia/Tokyo');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(expect.arrayContaining(['UTC', 'Asia/Tokyo']));
  });
});
