// Label-set helpers shared by evaluation and the HTTP handlers.

export type LabelSet = Readonly<Record<string, string>>;

/** A stable identity for a label set (names sorted). */
export function labelsKey(labels: LabelSet): string {
  return JSON.stringify(Object.keys(labels).sort().map((name) => [name, labels[name]]));
}

export function withoutName(labels: LabelSet): LabelSet {
  if (!('__name__' in labels)) return labels;
  const { __name__: _dropped, ...rest } = labels;
  return rest;
}

export function keepLabels(labels: LabelSet, names: readonly string[]): LabelSet {
  const kept: Record<string, string> = {};
  for (const name of names) {
    const value = labels[name];
    if (value !== undefined) kept[name] = value;
  }
  return kept;
}

export function dropLabels(labels: LabelSet, names: readonly string[]): LabelSet {
  const kept: Record<string, string> = { ...labels };
  for (const name of names) delete kept[name];
  return kept;
}

/** Prometheus' labels.Compare, the one the app sorts series with: the demo answers in the same order. */
export { compareLabels } from '../../src/series/labels';
