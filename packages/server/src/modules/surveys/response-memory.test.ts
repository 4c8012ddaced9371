import { describe, expect, it } from 'vitest';
import { ResponseMemory } from './response-memory.ts';

const response = (page: number) => ({ answers: { q: page }, page, lang: 'en', submittedAt: null });

describe('ResponseMemory', () => {
  it('gives back the last response remembered for a token, only under its own wave', () => {
    const memory = new ResponseMemory(10);
    memory.remember('wave-a', 'token', response(1));
    memory.remember('wave-a', 'token', response(2));
    expect(memory.get('wave-a', 'token')).toEqual(response(2));
    expect(memory.get('wave-b', 'token')).toBeUndefined();
    expect(memory.get('wave-a', 'other')).toBeUndefined();
    memory.forget('token');
    expect(memory.get('wave-a', 'token')).toBeUndefined();
  });

  it('keeps at most its capacity, forgetting the least recently written first', () => {
    const memory = new ResponseMemory(2);
    memory.remember('w', 'a', response(1));
    memory.remember('w', 'b', response(1));
    memory.remember('w', 'a', response(2)); // written again: now the most recent
    memory.remember('w', 'c', response(1));
    expect(memory.get('w', 'b')).toBeUndefined();
    expect(memory.get('w', 'a')).toEqual(response(2));
    expect(memory.get('w', 'c')).toEqual(response(1));
  });
});
