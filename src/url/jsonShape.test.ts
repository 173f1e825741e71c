import fc from 'fast-check';
import { jsonShapeExcess } from './jsonShape';

const limits = { containers: 5, depth: 3 };

describe('jsonShapeExcess', () => {
  it.each<[string, ReturnType<typeof jsonShapeExcess>]>([
    ['{"a":[1,2,{"b":3}]}', null],
    ['[[[[]]]]', 'depth'],
    ['[[],[],[],[],[],[]]', 'containers'],
    // brackets inside strings, escaped quotes included, are text
    ['["[[[[", "\\"[[[[[", "{{{{{{"]', null],
    ['"unterminated [[[[[[', null],
    ['not json', null],
  ])('%s → %s', (text, expected) => {
    expect(jsonShapeExcess(text, limits)).toBe(expected);
  });

  it('agrees with the shape JSON.parse builds', () => {
    const countContainers = (value: unknown): { containers: number; depth: number } => {
      if (value === null || typeof value !== 'object') return { containers: 0, depth: 0 };
      const children = Object.values(value as Record<string, unknown>).map(countContainers);
      return {
        containers: 1 + children.reduce((sum, c) => sum + c.containers, 0),
        depth: 1 + Math.max(0, ...children.map((c) => c.depth)),
      };
    };
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const text = JSON.stringify(value);
        const shape = countContainers(value);
        const expected = shape.depth > limits.depth ? 'depth' : shape.containers > limits.containers ? 'containers' : null;
        // Both limits may be passed; the scan names the first it meets, so compare "passes any".
        expect(jsonShapeExcess(text, limits) !== null).toBe(expected !== null);
      }),
    );
  });
});
