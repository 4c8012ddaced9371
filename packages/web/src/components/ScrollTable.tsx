import { type ReactNode, useId } from 'react';

/**
 * A data table in its own sideways-scrolling region (a phone never scrolls the page sideways), named by its
 * caption; the region is focusable so a keyboard can scroll it. `children` are the table's head and body.
 */
export function ScrollTable({
  caption,
  showCaption = false,
  className,
  children,
}: {
  caption: string;
  /** Show the caption (otherwise it only names the table for screen readers, a heading above saying it). */
  showCaption?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
    <section className="table-scroll" aria-labelledby={id} tabIndex={0}>
      <table className={['data-table', className].filter(Boolean).join(' ')}>
        <caption id={id} className={showCaption ? 'data-table__caption' : 'visually-hidden'}>
          {caption}
        </caption>
        {children}
      </table>
    </section>
  );
}
