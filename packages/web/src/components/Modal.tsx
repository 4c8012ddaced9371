import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

interface Props {
  title: string;
  /** Receives `close`, for the dialog's own buttons. */
  children: (close: () => void) => ReactNode;
  /** A confirmation of something hard to undo is an alertdialog. */
  role?: 'dialog' | 'alertdialog';
}

/**
 * A modal dialog (React Aria): focus moves in and stays there, Escape or a click outside closes it,
 * and focus returns to the button that opened it. Place it inside a DialogTrigger after that button.
 */
export function AppModal({ title, children, role = 'dialog' }: Props) {
  return (
    <ModalOverlay className="modal-overlay" isDismissable>
      <Modal className="modal">
        <Dialog className="dialog" role={role}>
          {({ close }) => (
            <>
              <Heading slot="title" className="dialog__title">
                {title}
              </Heading>
              {children(close)}
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
