// @vitest-environment node
import { ESLint } from 'eslint';
import { resolve } from 'node:path';

const eslint = new ESLint({ cwd: resolve(import.meta.dirname, '../..') });

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// The lint rule is what keeps the module graph one-way as it grows; these prove it bites.
describe('the import direction lint rule', () => {
  // Loading ESLint's config and parsers takes seconds on a busy machine; pay it once, up front.
  beforeAll(() => importErrors('src/time/warm-up.ts', "import { x } from './y';"), 60_000);

  it.each([
    ['src/time/example.ts', "import { x } from '../app/App';"],
    ['src/url/example.ts', "import { x } from '../dashboard';"],
    ['src/series/example.ts', "import { x } from '../panels/palette';"],
    ['src/prometheus/example.ts', "import { x } from '../dashboard/schema';"],
    ['src/panels/example.ts', "import { x } from '../prometheus';"],
    ['mocks/example.ts', "import { x } from '../src/app/config';"],
  ])('refuses an upward import in %s', async (file, source) => {
    expect(await importErrors(file, source)).toHaveLength(1);
  });

  it.each([
    ['src/panels/example.ts', "import { x } from '../series';"],
    ['src/dashboard/example.ts', "import { x } from '../prometheus';"],
    ['src/app/example.ts', "import { x } from '../dashboard';"],
    ['mocks/example.ts', "import { x } from '../src/prometheus';"],
  ])('allows a downward import in %s', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });
});
