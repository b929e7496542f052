import { describe, expect, it } from 'vitest';
import { TextCache } from '../../src/text-cache.js';

describe('TextCache', () => {
  it('makes a result once per text and drops the oldest beyond its limit', () => {
    const cache = new TextCache<number>(2);
    let made = 0;
    const length = (text: string) => cache.of(text, (t) => (made++, t.length));
    expect([length('a'), length('bb'), length('a')]).toEqual([1, 2, 1]);
    expect(made).toBe(2);
    length('ccc');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('bb')).toBe(2);
    expect(cache.get('ccc')).toBe(3);
  });

  it('keeps the first result set for a text', () => {
    const cache = new TextCache<string>(2);
    cache.set('x', 'first');
    cache.set('x', 'second');
    expect(cache.get('x')).toBe('first');
  });
});
