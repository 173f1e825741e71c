import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeAll, vi } from 'vitest';

afterEach(() => cleanup());

// Property tests explore new inputs on every local run; in CI they replay one fixed seed, so a
// submission's result does not depend on the dice (FC_SEED overrides it to reproduce a failure).
if (process.env.CI || process.env.FC_SEED) fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261125) });

// The unit suite shares one worker's modules across files (isolate: false, see vite.config.ts):
// each file starts from real timers and an empty document, whatever the file before it left
// (Recharts keeps a text-measuring span in <body>; a failed test can leave fake timers on).
beforeAll(() => {
  vi.useRealTimers();
  if (typeof document !== 'undefined') document.body.replaceChildren();
});

// jsdom has no layout; CodeMirror (the PromQL editor, which any component test may now mount, its
// chunk being shared across files) measures through ranges, which only need to answer something.
if (typeof Range !== 'undefined') {
  Range.prototype.getClientRects ??= () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect();
}
