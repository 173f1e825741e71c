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

/** Prometheus' labels.Compare: pairwise by sorted name, then value; a prefix sorts first. */
export function compareLabels(a: LabelSet, b: LabelSet): number {
  const namesA = Object.keys(a).sort();
  const namesB = Object.keys(b).sort();
  const shared = Math.min(namesA.length, namesB.length);
  for (let i = 0; i < shared; i++) {
    const nameA = namesA[i] as string;
    const nameB = namesB[i] as string;
    if (nameA !== nameB) return nameA < nameB ? -1 : 1;
    const valueA = a[nameA] as string;
    const valueB = b[nameB] as string;
    if (valueA !== valueB) return valueA < valueB ? -1 : 1;
  }
  return namesA.length - namesB.length;
}
