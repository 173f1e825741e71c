import { useId, useState, type FormEvent } from 'react';
import { RANGE_PRESETS, describeRelativeRange, formatTime, parseTimeInput, type TimeRange } from '../time';

interface Props {
  readonly range: TimeRange;
  readonly start: number;
  readonly end: number;
  readonly timezone: string;
  readonly onChange: (range: TimeRange) => void;
}

/** Presets like Grafana's, plus absolute or relative from/to typed by hand. */
export function TimeRangePicker(props: Props) {
  return (
    <div className="time-range-picker">
      <RangePresetSelect {...props} />
      <AbsoluteRangeForm range={props.range} timezone={props.timezone} onChange={props.onChange} />
    </div>
  );
}

interface PresetProps extends Props {
  /** How the current range reads when it is no preset; a narrow bar passes a shorter one. */
  readonly customLabel?: string;
}

/**
 * Grafana's presets ("Last 1 hour"…), and the current range when it is none of them: a relative
 * one by its name ("Last 30 minutes"), as Grafana's picker, since it moves with time; an absolute one by its times.
 */
export function RangePresetSelect({ range, start, end, timezone, onChange, customLabel }: PresetProps) {
  const presetId = useId();
  const preset = RANGE_PRESETS.find((p) => p.range.from === range.from && p.range.to === range.to);
  return (
    <>
      <label htmlFor={presetId}>Time range</label>
      <select
        id={presetId}
        value={preset ? preset.label : 'custom'}
        onChange={(e) => {
          const chosen = RANGE_PRESETS.find((p) => p.label === e.target.value);
          if (chosen) onChange(chosen.range);
        }}
      >
        {RANGE_PRESETS.map((p) => (
          <option key={p.label} value={p.label}>
            {p.label}
          </option>
        ))}
        <option value="custom">{describeRelativeRange(range) ?? customLabel ?? `Custom: ${formatTime(start, timezone, 'datetime')} – ${formatTime(end, timezone, 'datetime')}`}</option>
      </select>
    </>
  );
}

/**
 * From/to typed by hand. Its inputs start from `range`: callers remount it (a `key`) when the range
 * changes elsewhere, so what is typed is never overwritten while typing.
 */
export function AbsoluteRangeForm({ range, timezone, onChange }: Pick<Props, 'range' | 'timezone' | 'onChange'>) {
  const [from, setFrom] = useState(displayInput(range.from, timezone));
  const [to, setTo] = useState(displayInput(range.to, timezone));
  const [error, setError] = useState<string | null>(null);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const now = Date.now();
    // Times typed without a zone are wall-clock times in the zone the page shows.
    const fromMs = parseTimeInput(toInput(from), now, { tz: timezone });
    const toMs = parseTimeInput(toInput(to), now, { tz: timezone, roundUp: true });
    if (fromMs === null || toMs === null) {
      setError(`Cannot read ${fromMs === null ? '"From"' : '"To"'}: use e.g. 2024-01-15 09:00, an ISO time, or now-6h`);
      return;
    }
    if (fromMs >= toMs) {
      setError('"From" must be before "To"');
      return;
    }
    setError(null);
    // Relative inputs stay relative (they move with time); absolute ones are stored as epoch ms.
    const store = (text: string, ms: number) => (text.trim().startsWith('now') ? text.trim() : String(ms));
    onChange({ from: store(from, fromMs), to: store(to, toMs) });
  };

  return (
    <>
      <form onSubmit={apply} className="absolute-range" aria-label="Absolute time range">
        <label>
          From <input value={from} onChange={(e) => setFrom(e.target.value)} size={18} />
        </label>
        <label>
          To <input value={to} onChange={(e) => setTo(e.target.value)} size={18} />
        </label>
        <button type="submit">Apply</button>
      </form>
      {error && (
        <p role="alert" className="input-error">
          {error}
        </p>
      )}
    </>
  );
}

/** Epoch-ms inputs are shown as readable times in the chosen zone; relative ones as typed. */
function displayInput(input: string, timezone: string): string {
  if (/^\d+$/.test(input)) return formatTime(Number(input), timezone, 'datetime');
  return input;
}

/** Accepts "2024-01-15 09:00:00" (as displayed, optionally with Z) by turning it into ISO form. */
function toInput(text: string): string {
  const trimmed = text.trim();
  const spaced = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(:\d{2})?)(Z?)$/.exec(trimmed);
  if (spaced) return `${spaced[1]}T${spaced[2]}${spaced[4] ?? ''}`;
  return trimmed;
}
