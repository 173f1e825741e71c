import { useEffect, useId, useRef, useState, type ChangeEvent, type ClipboardEvent, type DragEvent, type FormEvent } from 'react';
import type { Incident, ParseResult, PostmortemReading } from '../incidents';
import { fileSizeRefusal, pastedLengthRefusal } from '../incidents/postmortemSizeLimit';
import { ReadAbortedError, readPostmortemOffThread } from '../incidents/readPostmortemOffThread';
import { localCivilDate } from '../incidents/yearWords';
import { fnv1a32 } from '../series';
import { FRAGMENT_LIMITS } from '../url';
import { fetchPostmortem, postmortemUrl } from './fetchPostmortem';
import { ImportReview } from './ImportReview';

export interface ImportDialogProps {
  readonly timezone: string;
  readonly onImport: (incident: Incident) => void;
  /** Whether the dialog is shown; it stays mounted once opened, so a closed dialog keeps its text. */
  readonly open: boolean;
  readonly onClose: () => void;
}

/** A short stable id from the text, so importing the same document twice gives the same incident. */
function idFor(text: string): string {
  return `imported-${fnv1a32(text).toString(36)}`;
}

/**
 * Paste, drop, open or fetch a postmortem, review what was read, then overlay it. It is parsed as
 * text, never inserted as HTML; nothing is overlaid before the user has seen the review. The
 * incident travels in the link's fragment, so whoever opens the link sees it too. Loaded on the
 * first click on "Import postmortem" (ImportPostmortem.tsx), with the reader and the review.
 */
export function ImportDialog({ timezone, onImport, open, onClose }: ImportDialogProps) {
  // A read finishes later (in a worker): it must hand the incident to the page as it is then, not
  // to the view the read started in (that would undo whatever the user changed meanwhile).
  const onImportRef = useRef(onImport);
  useEffect(() => {
    onImportRef.current = onImport;
  }, [onImport]);
  const [text, setText] = useState('');
  const [address, setAddress] = useState('');
  /** What was read, waiting for the user's review; nothing is overlaid before "Show on charts". */
  const [review, setReview] = useState<{ incident: Incident; reading: PostmortemReading } | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** What is being read (a file's name), or null. */
  const [reading, setReading] = useState<string | null>(null);
  const current = useRef<AbortController | null>(null);
  const textId = useId();
  const urlId = useId();

  /** Cancels the read in progress (its worker is terminated) and starts tracking a new one. */
  const startRead = (): AbortSignal => {
    current.current?.abort();
    const controller = new AbortController();
    current.current = controller;
    return controller.signal;
  };
  const cancelRead = () => {
    current.current?.abort();
    current.current = null;
    setReading(null);
  };
  useEffect(() => () => current.current?.abort(), []);

  const accept = (result: ParseResult) => {
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setText('');
    setReview({ incident: result.incident, reading: result.reading });
  };

  const close = () => {
    cancelRead();
    setReview(null);
    onClose();
  };

  const show = (incident: Incident) => {
    close();
    onImportRef.current(fitForLink(incident));
  };

  /** Parses off the main thread and shows what it read for review; a newer read cancels this one. */
  const importText = (source: string, signal: AbortSignal) => {
    readPostmortemOffThread(source, { id: idFor(source), timezone, readOn: localCivilDate(new Date()) }, signal).then(
      (result) => {
        if (signal.aborted) return;
        setReading(null);
        accept(result);
      },
      (failure: unknown) => {
        if (failure instanceof ReadAbortedError || signal.aborted) return;
        setReading(null);
        setError(`The postmortem could not be read: ${failure instanceof Error ? failure.message : String(failure)}`);
      },
    );
  };

  const readPasted = () => {
    const refusal = pastedLengthRefusal(text.length);
    if (refusal) {
      setError(refusal);
      return;
    }
    const signal = startRead();
    setReading('the pasted postmortem');
    setError(null);
    importText(text, signal);
  };

  /**
   * A picked or dropped file is read and reviewed at once, never put into the text box: a megabyte
   * of text in a textarea alone holds the main thread for hundreds of milliseconds.
   */
  const readFile = (file: File) => {
    cancelRead();
    const refusal = fileSizeRefusal(file.size);
    if (refusal) {
      setError(refusal);
      return;
    }
    const signal = startRead();
    setReading(file.name);
    setError(null);
    file.text().then(
      (content) => {
        if (!signal.aborted) importText(content, signal);
      },
      () => {
        if (signal.aborted) return;
        setReading(null);
        setError(`The file "${file.name}" could not be read.`);
      },
    );
  };

  const openFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared so that picking the same file again reads it again.
    input.value = '';
    if (file) readFile(file);
  };

  const dropFile = (event: DragEvent<HTMLElement>) => {
    const file = event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    readFile(file);
  };

  const fetchFromUrl = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = postmortemUrl(address, window.location.href);
    if ('error' in target) {
      setError(target.error);
      return;
    }
    const signal = startRead();
    setReading(target.url.href);
    setError(null);
    fetchPostmortem(target.url, signal).then(
      (fetched) => {
        if (signal.aborted) return;
        if (fetched.ok) {
          importText(fetched.text, signal);
          return;
        }
        setReading(null);
        setError(fetched.error);
      },
      () => {
        if (signal.aborted) return;
        setReading(null);
        setError(`${target.url.href} could not be fetched.`);
      },
    );
  };

  const refuseLongPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = event.clipboardData.getData('text');
    const refusal = pastedLengthRefusal(text.length + pasted.length);
    if (refusal) {
      event.preventDefault();
      setError(refusal);
    }
  };

  if (!open) return null;
  return (
    <div
      className={review ? 'share-dialog import-dialog reviewing' : 'share-dialog import-dialog'}
      role="dialog"
      aria-label="Import a postmortem"
      aria-busy={reading !== null}
      onDragOver={(event) => event.preventDefault()}
      onDrop={dropFile}
    >
      {review ? (
        <ImportReview incident={review.incident} reading={review.reading} pageZone={timezone} onShow={show} onCancel={close} />
      ) : (
        <>
          <label htmlFor={textId}>Paste the postmortem (HTML or text), or drop its file here; times without a zone are read in {timezone} until you choose</label>
          <textarea id={textId} rows={8} value={text} onPaste={refuseLongPaste} onChange={(e) => setText(e.target.value)} />
          <input type="file" aria-label="Open a postmortem file" accept=".txt,.md,.html,.htm,text/*" onChange={openFile} />
          {/* noValidate: a relative address (this site's own) is welcome, though not a valid type="url" value. */}
          <form className="import-url" noValidate onSubmit={fetchFromUrl}>
            <label htmlFor={urlId}>Or its address (this site, or one that allows other sites to read it)</label>
            <input id={urlId} type="url" placeholder="https://…/postmortem.md" value={address} onChange={(e) => setAddress(e.target.value)} />
            <button type="submit" disabled={address.trim() === ''}>
              Fetch
            </button>
          </form>
          {reading !== null && <p role="status">Reading {reading}…</p>}
          {error && (
            <p role="alert" className="input-error">
              {error}
            </p>
          )}
          <div>
            <button type="button" onClick={readPasted} disabled={text.trim() === ''}>
              Read this postmortem
            </button>
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </>
      )}
    </div>
  );
}

/** Long texts are cut to what a link carries, so the link that shares this view stays valid. */
function fitForLink(incident: Incident): Incident {
  const cut = (text: string | undefined) => (text === undefined || text.length <= FRAGMENT_LIMITS.textChars ? text : `${text.slice(0, FRAGMENT_LIMITS.textChars - 1)}…`);
  return {
    ...incident,
    title: cut(incident.title) ?? '',
    summary: cut(incident.summary),
    impact: cut(incident.impact),
    rootCause: cut(incident.rootCause),
    severity: cut(incident.severity),
    events: incident.events.map((e) => ({ ...e, text: cut(e.text) ?? '' })),
  };
}
