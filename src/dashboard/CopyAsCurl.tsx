import { useState } from 'react';
import { curlCommand, headerVariable } from './curlCommand';
import { useOptionalDatasource } from './promClientContext';

interface Props {
  readonly query: { readonly expr: string; readonly start: number; readonly end: number; readonly step: number };
}

/** "Copy as curl" for one query sent; headers are named, their values never copied. */
export function CopyAsCurl({ query }: Props) {
  const datasource = useOptionalDatasource();
  const [outcome, setOutcome] = useState<{ readonly copied: boolean; readonly command: string } | null>(null);
  if (!datasource) return null;
  const { headerNames } = datasource;
  const copy = async () => {
    const command = curlCommand({ baseUrl: datasource.client.baseUrl, pageOrigin: window.location.origin, headerNames, ...query });
    try {
      await navigator.clipboard.writeText(command);
      setOutcome({ copied: true, command });
    } catch {
      setOutcome({ copied: false, command });
    }
  };
  const variables = headerNames.map((name) => `${headerVariable(name)} (${name})`).join(', ');
  return (
    <div className="copy-as-curl">
      <button type="button" onClick={() => void copy()}>
        Copy as curl
      </button>
      {outcome?.copied && (
        <span role="status">
          Copied.
          {headerNames.length > 0 && ` Header values are not in it: set ${variables} in your shell first.`}
        </span>
      )}
      {outcome && !outcome.copied && (
        <>
          <span role="alert">The browser did not allow copying; select the command below.</span>
          <textarea readOnly aria-label="curl command" value={outcome.command} rows={4} />
        </>
      )}
      {datasource.inPage && <span className="inspector-note">The demo backend runs inside this page: curl cannot reach it.</span>}
    </div>
  );
}
