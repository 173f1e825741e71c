import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** An import pattern for a folder that sits above the importing one in the data flow. */
function upward(folder) {
  return { group: [`**/${folder}`, `**/${folder}/**`], message: `Imports point down the data flow: this folder may not import from src/${folder}.` };
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', '.tmp'] },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Components never call fetch: only src/prometheus, the config loader and the postmortem fetcher talk HTTP.
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Use src/prometheus (or the config loader); components never call fetch.' }],
    },
  },
  // The module graph points one way, down the data flow (URL → time → queries → series → panels →
  // dashboard → app). These keep it so as it grows; see README "How it is built".
  {
    files: ['src/url/**', 'src/time/**', 'src/series/**', 'src/prometheus/**', 'src/schema/**', 'src/annotations/**', 'src/alerts/**'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [upward('app'), upward('dashboard'), upward('panels')] }] },
  },
  {
    files: ['src/panels/**'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [upward('app'), upward('dashboard'), upward('prometheus')] }] },
  },
  {
    files: ['mocks/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/app', '**/src/app/**'], message: 'The demo backend never depends on the app shell.' }] }] },
  },
  {
    files: ['src/prometheus/**', 'src/app/loaders.ts', 'src/app/fetchPostmortem.ts', 'mocks/**', 'test/**', 'scripts/**', '**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-globals': 'off' },
  },
);
