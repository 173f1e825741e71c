import { useMemo, useState } from 'react';
import { leakRuleFile, type LeakRuleInput } from '../leaks/alertRule';

/** The Prometheus alerting rule that would have caught this panel's leak, to read and to copy. */
export function LeakRule({ input }: { readonly input: LeakRuleInput }) {
  const yaml = useMemo(() => leakRuleFile([input]), [input]);
  const [toast, setToast] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(yaml);
      setToast('Alerting rule copied to the clipboard');
    } catch {
      setToast('The clipboard is not available here: select the rule and copy it');
    }
  };
  return (
    <div className="leak-rule">
      <details>
        <summary>Prometheus alerting rule for this leak</summary>
        <pre aria-label="Alerting rule (YAML)">
          <code>{yaml}</code>
        </pre>
      </details>
      <button type="button" onClick={() => void copy()}>
        Copy alerting rule
      </button>
      {toast && (
        <span role="status" className="toast" onAnimationEnd={() => setToast(null)}>
          {toast}
        </span>
      )}
    </div>
  );
}
