import { useId } from 'react';
import { resolveTimezone } from '../time';

/** UTC or the browser's zone (by name, so the page says which zone it shows). */
export function TimezonePicker({ value, onChange }: { value: string; onChange: (tz: string) => void }) {
  const id = useId();
  const browser = resolveTimezone('browser');
  const options = [...new Set(['UTC', browser, value])];
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
