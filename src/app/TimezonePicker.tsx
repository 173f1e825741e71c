import { useEffect, useId, useState } from 'react';
import { resolveTimezone } from '../time';

/**
 * The browser's zone, named once the page is idle: asking it builds the page's first
 * Intl.DateTimeFormat, which loads the time zone data (26 ms idle, 60–150 ms under load) — in the
 * first render it delayed the panels' queries and first draw (issue 13). Until then the picker
 * offers UTC and the zone shown.
 */
function useBrowserTimezone(): string | undefined {
  const [browser, setBrowser] = useState<string>();
  useEffect(() => {
    const name = () => setBrowser(resolveTimezone('browser'));
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(name, { timeout: 2000 });
      return () => cancelIdleCallback(handle);
    }
    const handle = setTimeout(name, 0);
    return () => clearTimeout(handle);
  }, []);
  return browser;
}

/** UTC or the browser's zone (by name, so the page says which zone it shows). */
export function TimezonePicker({ value, onChange }: { value: string; onChange: (tz: string) => void }) {
  const id = useId();
  const browser = useBrowserTimezone();
  const options = [...new Set(['UTC', ...(browser === undefined ? [] : [browser]), value])];
  return (
    <span className="timezone-picker">
      <label htmlFor={id}>Timezone</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((tz) => (
          <option key={tz} value={tz}>
            {tz === browser && tz !== 'UTC' ? `${tz} (browser)` : tz}
          </option>
        ))}
      </select>
    </span>
  );
}
