import { useEffect, useRef } from 'react';

/** What polling needs of the document: whether it is seen, and word when that changes. */
export type VisibilitySource = Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;

/**
 * Call `tick` every `ms` while the page is visible: a hidden tab asks nothing, and catches up with one
 * call as soon as it is seen again. Returns the function that stops it.
 */
export function poll(tick: () => void, ms: number, source: VisibilitySource = document): () => void {
  let timer: ReturnType<typeof setInterval> | undefined;
  const start = () => {
    timer ??= setInterval(tick, ms);
  };
  const pause = () => {
    clearInterval(timer);
    timer = undefined;
  };
  const onChange = () => {
    if (source.visibilityState === 'visible') {
      if (timer === undefined) tick();
      start();
    } else {
      pause();
    }
  };
  if (source.visibilityState === 'visible') start();
  source.addEventListener('visibilitychange', onChange);
  return () => {
    pause();
    source.removeEventListener('visibilitychange', onChange);
  };
}

/** `poll` for a component: runs while `active`, with the latest `tick`, and stops on unmount. */
export function usePolling(tick: () => void, ms: number, active: boolean): void {
  const latest = useRef(tick);
  latest.current = tick;
  useEffect(() => (active ? poll(() => latest.current(), ms) : undefined), [active, ms]);
}
