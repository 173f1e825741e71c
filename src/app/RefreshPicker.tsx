import { useId } from 'react';
import { formatDuration } from '../time';

export const REFRESH_CHOICES = [1_000, 5_000, 10_000, 30_000, 60_000, 300_000] as const;

/** Auto-refresh interval; any other duration can come through the URL and is shown as such. */
export function RefreshPicker({ value, onChange }: { value: number | undefined; onChange: (ms: number | undefined) => void }) {
  const id = useId();
  const choices: number[] = [...REFRESH_CHOICES];
  if (value !== undefined && !choices.includes(value)) choices.push(value);
  return (
    <span className="refresh-picker">
      <label htmlFor={id}>Auto-refresh</label>
      <select id={id} value={value ?? 0} onChange={(e) => onChange(Number(e.target.value) || undefined)}>
        <option value={0}>Off</option>
        {choices.map((ms) => (
          <option key={ms} value={ms}>
            {formatDuration(ms)}
          </option>
        ))}
      </select>
    </span>
  );
}
