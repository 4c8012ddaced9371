import { describe, expect, it } from 'vitest';
import { MemoryThrottle, type ThrottlePolicy } from './throttle.ts';

const POLICY: ThrottlePolicy = { freeFailures: 2, baseSeconds: 10, maxSeconds: 60, forgetAfterSeconds: 3600 };
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

describe('MemoryThrottle', () => {
  it('lets the free failures through, then doubles the wait up to the ceiling', () => {
    const throttle = new MemoryThrottle(POLICY);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      throttle.recordFailure(['a'], at(0));
      waits.push(throttle.waitSeconds(['a'], at(0)));
    }
    expect(waits).toEqual([0, 0, 10, 20, 40, 60]);
    // The wait runs out with time; another key was never held up.
    expect(throttle.waitSeconds(['a'], at(59))).toBe(1);
    expect(throttle.waitSeconds(['a'], at(60))).toBe(0);
    expect(throttle.waitSeconds(['b'], at(0))).toBe(0);
    expect(throttle.waitSeconds(['b', 'a'], at(30))).toBe(30);
  });

  it('starts counting again after a quiet period, and forgets quiet keys', () => {
    const throttle = new MemoryThrottle(POLICY);
    for (let i = 0; i < 3; i++) throttle.recordFailure(['a'], at(0));
    expect(throttle.waitSeconds(['a'], at(0))).toBe(10);
    throttle.recordFailure(['b'], at(3601));
    expect(throttle.size).toBe(1);
    throttle.recordFailure(['a'], at(3601));
    expect(throttle.waitSeconds(['a'], at(3601))).toBe(0);
  });

  it('keeps at most its capacity, dropping the least recently counted', () => {
    const throttle = new MemoryThrottle(POLICY, 3);
    for (const key of ['a', 'b', 'c']) throttle.recordFailure([key], at(0));
    for (let i = 0; i < 3; i++) throttle.recordFailure(['a'], at(1));
    throttle.recordFailure(['d'], at(2));
    expect(throttle.size).toBe(3);
    // 'b' went; 'a', counted last but one, is still held up.
    expect(throttle.waitSeconds(['a'], at(2))).toBeGreaterThan(0);
    throttle.recordFailure(['b'], at(2));
    throttle.recordFailure(['b'], at(2));
    expect(throttle.waitSeconds(['b'], at(2))).toBe(0);
  });
});
