import { z } from 'zod';
import { formatZodError } from './formatZodError';

function errorOf(schema: z.ZodType, value: unknown): z.ZodError {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be rejected');
  return result.error;
}

describe('formatZodError', () => {
  const config = z.object({
    datasource: z.object({ url: z.string().refine((u) => u.startsWith('/'), 'must be a path starting with "/"') }),
    panels: z.array(z.object({ id: z.string(), title: z.string() })),
  });

  it.each([
    ['a custom message', { datasource: { url: 'x' }, panels: [] }, 'field "datasource.url" must be a path starting with "/"'],
    ['an array index', { datasource: { url: '/' }, panels: [{ id: 'a', title: 'A' }, { id: 7, title: 'B' }] }, 'field "panels.1.id" Invalid input: expected string, received number'],
    ['the whole value', [], 'Invalid input: expected object, received array'],
    ['several problems', { datasource: { url: 'x' }, panels: [{}] }, 'field "datasource.url" must be a path starting with "/" (and 2 more)'],
  ])('names the field at fault: %s', (_, value, want) => {
    expect(formatZodError(errorOf(config, value))).toBe(want);
  });

  it('says something even for an error without issues', () => {
    expect(formatZodError(new z.ZodError([]))).toBe('does not have the expected shape');
  });

});
