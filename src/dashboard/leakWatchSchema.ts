import { z } from '../schema';
import { leakDurationProblem } from '../leaks';

const leakDuration = z.string().check(
  z.superRefine((text, ctx) => {
    const problem = leakDurationProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
);

/**
 * A panel's `leakWatch`: flag series on course to reach `limit` (default: the panel's lowest
 * threshold) within `horizon`, judged over the trailing `window` (default 2h).
 */
export const leakWatchSchema = z.strictObject({
  limit: z.optional(z.number().check(z.refine(Number.isFinite, 'must be a finite number'))),
  horizon: leakDuration,
  window: z.optional(leakDuration),
});
