import { describe, expect, it } from 'vitest';
import { Batcher } from './batcher.ts';

/** A run that records its batches and doubles each input, after a pause that lets more calls arrive. */
function doubling(pauseMs = 5) {
  const batches: number[][] = [];
  const batcher = new Batcher<number, number>(async (inputs) => {
    batches.push(inputs);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    return inputs.map((n) => n * 2);
  }, 3);
  return { batcher, batches };
}

describe('Batcher', () => {
  it('sends calls made together as one batch and answers each its own result', async () => {
    const { batcher, batches } = doubling();
    expect(await Promise.all([1, 2, 3].map((n) => batcher.submit(n)))).toEqual([2, 4, 6]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('gathers the calls that arrive while a batch runs into the next one, at most maxBatch at a time', async () => {
    const { batcher, batches } = doubling();
    const first = batcher.submit(1);
    await new Promise((resolve) => setTimeout(resolve, 1));
    const later = [2, 3, 4, 5, 6].map((n) => batcher.submit(n));
    expect(await Promise.all([first, ...later])).toEqual([2, 4, 6, 8, 10, 12]);
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it('runs again alone each input of a failed batch, so one bad input fails only its caller', async () => {
    const batches: number[][] = [];
    const batcher = new Batcher<number, number>(async (inputs) => {
      batches.push(inputs);
      if (inputs.includes(13)) throw new Error('unlucky');
      return inputs;
    });
    const results = await Promise.allSettled([1, 13, 2].map((n) => batcher.submit(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(batches).toEqual([[1, 13, 2], [1], [13], [2]]);
    // And it keeps working afterwards.
    expect(await batcher.submit(4)).toBe(4);
  });

  it('refuses a run that answers a different number of results than it was given', async () => {
    const batcher = new Batcher<number, number>(async () => []);
    await expect(batcher.submit(1)).rejects.toThrow('a batch of 1 answered 0 results');
  });
});
