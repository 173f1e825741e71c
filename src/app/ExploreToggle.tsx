import { closeExplore, openExplore, type ViewState } from '../url';

interface Props {
  readonly view: ViewState;
  readonly push: (next: ViewState) => void;
}

/** To Explore and back; a history entry each way, so Back returns to where the user was. */
export function ExploreToggle({ view, push }: Props) {
  return (
    <button type="button" onClick={() => push(view.explore ? closeExplore(view) : openExplore(view))}>
      {view.explore ? 'Back to dashboard' : 'Explore'}
    </button>
  );
}
