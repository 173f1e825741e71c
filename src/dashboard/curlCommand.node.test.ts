// @vitest-environment node
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { curlCommand, headerVariable } from './curlCommand';

const T0 = Date.UTC(2024, 0, 15, 9);
const inputs = { baseUrl: '/prometheus', pageOrigin: 'https://vigil.example', headerNames: [] as string[], expr: 'up', start: T0, end: T0 + 3_600_000, step: 15_000 };

/** The arguments a POSIX shell hands to curl for `command` (curl replaced by printf). */
function argsAfterShell(command: string, env: Record<string, string> = {}): string[] {
  const out = execFileSync('sh', ['-c', `curl() { printf '%s\\0' "$@"; }\n${command}`], { env: { PATH: process.env.PATH ?? '', ...env } });
  return out.toString('utf8').split('\0').slice(0, -1);
}

describe('curlCommand', () => {
  it('posts the range query the panel sent, to the absolute endpoint', () => {
    expect(argsAfterShell(curlCommand(inputs))).toEqual([
      'https://vigil.example/prometheus/api/v1/query_range',
      '--data-urlencode',
      'query=up',
      '--data-urlencode',
      'start=1705309200',
      '--data-urlencode',
      'end=1705312800',
      '--data-urlencode',
      'step=15',
    ]);
    expect(argsAfterShell(curlCommand({ ...inputs, baseUrl: 'http://prom:9090/sub' }))[0]).toBe('http://prom:9090/sub/api/v1/query_range');
  });

  it('names the headers and takes their values from shell variables, never copying them', () => {
    const command = curlCommand({ ...inputs, headerNames: ['X-Scope-OrgID', 'Authorization'] });
    expect(command).not.toMatch(/team-a|Bearer/);
    const args = argsAfterShell(command, { X_SCOPE_ORGID: 'team-a', AUTHORIZATION: 'Bearer s3cret' });
    expect(args.slice(1, 5)).toEqual(['-H', 'X-Scope-OrgID: team-a', '-H', 'Authorization: Bearer s3cret']);
    expect(headerVariable('1-weird.name')).toBe('_1_WEIRD_NAME');
  });

  it('property: any expression reaches curl unchanged through the shell', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'\'"`$\\!;&|(){}[]*?~# \n\tab€'), maxLength: 30 }).filter((s) => !s.includes('\0')), (expr) => {
        expect(argsAfterShell(curlCommand({ ...inputs, expr }))[2]).toBe(`query=${expr}`);
      }),
      { numRuns: 60 },
    );
    // Sixty shells, one per run: seconds on a busy machine.
  }, 30_000);
});
