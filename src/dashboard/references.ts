// Grafana's three reference syntaxes: $name, ${name}, [[name]] (variableRegex in Grafana's
// templating; the ${name:format} and [[name:format]] forms are not supported and stay as written).
export const REFERENCE = /\$([a-zA-Z_][a-zA-Z0-9_]*)|\$\{([a-zA-Z_][a-zA-Z0-9_]*)\}|\[\[([a-zA-Z_][a-zA-Z0-9_]*)\]\]/g;

/** The variable names `text` refers to ($name, ${name}, [[name]]), each once, in order. */
export function referencedNames(text: string): string[] {
  const names = [...text.matchAll(REFERENCE)].map(([, a, b, c]) => a ?? b ?? c ?? '');
  return [...new Set(names)];
}
