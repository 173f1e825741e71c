import { useTimeRange } from '../dashboard';
import { formatDuration } from '../time';
import { shiftRange, type ViewState } from '../url';

interface Props {
  readonly view: ViewState;
  readonly push: (next: ViewState) => void;
}

/** Grafana's arrows beside the time picker: the range half its width earlier or later. */
export function RangeShiftButtons({ view, push }: Props) {
  const { start, end, range } = useTimeRange();
  const half = formatDuration((end - start) / 2);
  // A range that ends "now" has nothing later to show.
  const live = range.to.trim() === 'now';
  return (
    <>
      <button type="button" title={`Move the range ${half} earlier`} onClick={() => push(shiftRange(view, { start, end }, -1, Date.now()))}>
        <span aria-hidden="true">‹ </span>Earlier
      </button>
      <button type="button" title={`Move the range ${half} later`} disabled={live} onClick={() => push(shiftRange(view, { start, end }, 1, Date.now()))}>
        Later<span aria-hidden="true"> ›</span>
      </button>
    </>
  );
}
