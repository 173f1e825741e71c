import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// Property tests explore new inputs on every local run; in CI they replay one fixed seed, so a
// submission's result does not depend on the dice (FC_SEED overrides it to reproduce a failure).
if (process.env.CI || process.env.FC_SEED) fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261125) });
