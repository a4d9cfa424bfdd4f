// Opening a <dialog> as a modal: the browser keeps focus inside it and makes the page behind it inert. Focus starts
// on the control the dialog names, and goes back where it was when the dialog goes away (the field being typed in),
// or where the caller says (`returnTo`), when the dialog was opened from a control that goes away with it.
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

export function useModal(
  dialog: RefObject<HTMLDialogElement>,
  firstFocus: (dialog: HTMLDialogElement) => HTMLElement | null,
  returnTo?: () => HTMLElement | null,
): void {
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const opened = dialog.current;
    opened?.showModal();
    if (opened) firstFocus(opened)?.focus();
    return () => {
      dialog.current?.close();
      const back = returnTo?.() ?? opener;
      if (back?.isConnected) back.focus();
    };
  }, []);
}
