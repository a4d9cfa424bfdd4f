// Each screen's h1 takes focus when the reader moves to the screen, so keyboard and screen-reader users start at its
// top. The first screen of a page load does not: focus stays at the page's start, so the first Tab reaches the
// header (the language switcher first) rather than skipping past it.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

let firstScreenShown = false;

export function ScreenHeading({ children, focusKey }: { children: ComponentChildren; focusKey?: string }): JSX.Element {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!firstScreenShown) {
      firstScreenShown = true;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, [focusKey]);
  return (
    <h1 tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
