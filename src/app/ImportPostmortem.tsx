import { Suspense, useState } from 'react';
import type { Incident } from '../incidents';
import { lazyNamed, PartLoading } from '../lazy';

interface Props {
  readonly timezone: string;
  readonly onImport: (incident: Incident) => void;
}

// The dialog, the postmortem reader's client and the review are a chunk of their own: the first
// load only draws this button.
const ImportDialog = lazyNamed(() => import('./ImportDialog'), 'ImportDialog');

/** The "Import postmortem" button; its dialog is loaded on the first click and kept from then on. */
export function ImportPostmortem({ timezone, onImport }: Props) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const toggle = () => {
    setOpened(true);
    setOpen(!open);
  };
  return (
    <span className="import-postmortem">
      <button type="button" aria-expanded={open} onClick={toggle}>
        Import postmortem
      </button>
      {opened && (
        <Suspense fallback={open && <PartLoading what="the postmortem import" />}>
          <ImportDialog timezone={timezone} onImport={onImport} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </span>
  );
}
