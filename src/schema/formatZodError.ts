/** A failed parse's problems: zod's error, or the Prometheus answer checks' (src/prometheus/shapeCheck.ts). */
export interface ParseProblems {
  readonly issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[];
}

/** A field's path as users write it in their JSON: `panels.2.queries.0.expr`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * The first problem of a failed parse, naming the field at fault: `field "datasource.url" must be …`,
 * plus how many others there are. Config files, dashboards, links and server answers all use this
 * one wording, so a user who has read one such message can read them all. A problem with the whole
 * value (an empty path) is the bare message.
 */
export function formatZodError(error: ParseProblems): string {
  const [first, ...others] = error.issues;
  if (first === undefined) return 'does not have the expected shape';
  const field = first.path.length > 0 ? `field "${fieldPath(first.path)}" ` : '';
  const more = others.length > 0 ? ` (and ${others.length} more)` : '';
  return `${field}${first.message}${more}`;
}
