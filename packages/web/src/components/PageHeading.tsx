import { type ReactNode, useEffect, useRef } from 'react';

// Set by the layout when the visitor navigates to another page; the next heading that mounts takes
// the focus, so screen readers announce the new page and keyboard users start from its top.
let pendingFocus = false;

export function requestHeadingFocus(): void {
  pendingFocus = true;
}

interface Props {
  level?: 1 | 2;
  id?: string;
  className?: string;
  /** False when a more specific heading further down the page should take the focus instead. */
  claimsFocus?: boolean;
  children: ReactNode;
}

export function PageHeading({ level = 1, id, className, claimsFocus = true, children }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (claimsFocus && pendingFocus && ref.current) {
      pendingFocus = false;
      ref.current.focus();
    }
  }, [claimsFocus]);
  const Tag = level === 1 ? 'h1' : 'h2';
  return (
    <Tag ref={ref} id={id} className={className} tabIndex={-1}>
      {children}
    </Tag>
  );
}
