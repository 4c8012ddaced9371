import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { poll, type VisibilitySource } from './polling.ts';

/** A document whose visibility the test sets. */
class FakeDocument extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
  show(state: DocumentVisibilityState) {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

const source = (doc: FakeDocument) => doc as unknown as VisibilitySource;

describe('poll', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('calls every interval while the page is visible, and not before the first interval', () => {
    const tick = vi.fn();
    const stop = poll(tick, 15_000, source(new FakeDocument()));
    vi.advanceTimersByTime(14_999);
    expect(tick).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(tick).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(30_000);
    expect(tick).toHaveBeenCalledTimes(3);
    stop();
  });

  it('asks nothing while the page is hidden, and catches up once when it is seen again', () => {
    const doc = new FakeDocument();
    const tick = vi.fn();
    const stop = poll(tick, 15_000, source(doc));
    doc.show('hidden');
    vi.advanceTimersByTime(60_000);
    expect(tick).not.toHaveBeenCalled();
    doc.show('visible');
    expect(tick).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(15_000);
    expect(tick).toHaveBeenCalledTimes(2);
    stop();
  });

  it('does not start on a hidden page', () => {
    const doc = new FakeDocument();
    doc.visibilityState = 'hidden';
    const tick = vi.fn();
    const stop = poll(tick, 15_000, source(doc));
    vi.advanceTimersByTime(45_000);
    expect(tick).not.toHaveBeenCalled();
    stop();
  });

  it('stops for good when stopped, whatever the page does next', () => {
    const doc = new FakeDocument();
    const tick = vi.fn();
    const stop = poll(tick, 15_000, source(doc));
    stop();
    vi.advanceTimersByTime(45_000);
    doc.show('hidden');
    doc.show('visible');
    vi.advanceTimersByTime(45_000);
    expect(tick).not.toHaveBeenCalled();
  });
});
