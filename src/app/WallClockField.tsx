import { useState, type KeyboardEvent } from 'react';
import { formatWallClockInput, parseWallClockInput } from '../incidents/editIncident';

interface Props {
  readonly label: string;
  /** Epoch ms; undefined shows an empty field (an open window's end). */
  readonly value: number | undefined;
  /** The zone the written time is read in (the incident's). */
  readonly zone: string;
  /** Called with the new instant once the user leaves the field or presses Enter; undefined when emptied (only if `optional`). */
  readonly onCommit: (ms: number | undefined) => void;
  /** An empty field is allowed and means "no time". */
  readonly optional?: boolean;
  /** Why the committed value was refused by the caller (e.g. an end before the start). */
  readonly refusal?: string | null;
}

/**
 * A time as the postmortem writes it ("2024-01-15 10:15", in the incident's zone), edited as text
 * and committed on Enter or when focus leaves, so a half-typed time never moves anything.
 * The caller keys it by value and zone, so an edit elsewhere (a timezone change) shows afresh.
 */
export function WallClockField({ label, value, zone, onCommit, optional = false, refusal = null }: Props) {
  const shown = value === undefined ? '' : formatWallClockInput(value, zone);
  const [draft, setDraft] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft === shown) {
      setError(null);
      return;
    }
    if (draft.trim() === '' && optional) {
      setError(null);
      onCommit(undefined);
      return;
    }
    const ms = parseWallClockInput(draft, zone);
    if (ms === null) {
      setError(`${label}: "${draft}" is not a time like 2024-01-15 10:15 (in ${zone}).`);
      return;
    }
    setError(null);
    onCommit(ms);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    }
  };
  const problem = error ?? refusal;
  return (
    <span className="wall-clock-field">
      <input
        type="text"
        aria-label={label}
        value={draft}
        placeholder={optional ? 'still open' : 'YYYY-MM-DD HH:MM'}
        size={19}
        aria-invalid={problem !== null}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {problem && (
        <span role="alert" className="input-error">
          {problem}
        </span>
      )}
    </span>
  );
}
