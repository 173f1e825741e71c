import { useId } from 'react';
import { setCompare, type CompareShift, type ViewState } from '../url';

const CHOICES: readonly { readonly value: CompareShift | ''; readonly label: string }[] = [
  { value: '', label: 'Nothing' },
  { value: '1d', label: '1 day earlier' },
  { value: '1w', label: '1 week earlier' },
];

/**
 * "Compare to", for the whole dashboard as Grafana's time picker offers it: an on-call engineer
 * asks "is this normal for this hour?" of every panel at once, and one choice in the link says so.
 */
export function CompareSelect({ view, push }: { readonly view: ViewState; readonly push: (next: ViewState) => void }) {
  const id = useId();
  return (
    <span className="compare-select">
      <label htmlFor={id}>Compare to</label>
      <select id={id} value={view.compare ?? ''} onChange={(e) => push(setCompare(view, e.target.value === '' ? undefined : (e.target.value as CompareShift)))}>
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </span>
  );
}
