import { z } from 'zod';
import { leakDurationProblem } from '../leaks';

const leakDuration = z.string().superRefine((text, ctx) => {
  const problem = leakDurationProblem(text);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/**
 * A panel's `leakWatch`: flag series on course to reach `limit` (default: the panel's lowest
 * threshold) within `horizon`, judged over the trailing `window` (default 2h).
 */
export const leakWatchSchema = z.strictObject({
  limit: z.number().refine(Number.isFinite, 'must be a finite number').optional(),
  horizon: leakDuration,
  window: leakDuration.optional(),
});
