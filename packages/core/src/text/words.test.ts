import { describe, expect, it } from 'vitest';
import { countWords } from './words.ts';

describe('countWords', () => {
  it('counts words, not punctuation or spaces', () => {
    expect(countWords('Learning for all, at every age.')).toBe(6);
    expect(countWords('  \n\t ')).toBe(0);
    expect(countWords('well-being — and 2030')).toBe(4);
  });

  it('counts words in scripts written without spaces', () => {
    expect(countWords('学习型城市')).toBeGreaterThan(1);
    expect(countWords('مدينة التعلم للجميع')).toBe(3);
  });
});
