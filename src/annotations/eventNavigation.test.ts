import { describe, expect, it } from 'vitest';
import { eventIndexForKey } from './eventNavigation';

describe('eventIndexForKey', () => {
  it.each([
    ['ArrowRight', 1, 2],
    ['ArrowDown', 1, 2],
    ['ArrowLeft', 1, 0],
    ['ArrowUp', 1, 0],
    ['Home', 2, 0],
    ['End', 0, 3],
    // The ends stop: no wrapping back in time.
    ['ArrowRight', 3, 3],
    ['ArrowLeft', 0, 0],
  ])('%s from %i of 4 goes to %i', (key, from, to) => {
    expect(eventIndexForKey(key, from, 4)).toBe(to);
  });

  it('leaves other keys, and an empty row, alone', () => {
    expect(eventIndexForKey('Enter', 1, 4)).toBeUndefined();
    expect(eventIndexForKey('a', 1, 4)).toBeUndefined();
    expect(eventIndexForKey('ArrowRight', 0, 0)).toBeUndefined();
  });
});
