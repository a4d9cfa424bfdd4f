// A wide table that scrolls sideways on a phone: its region must be reachable by keyboard to be scrolled (WCAG 2.1.1,
// axe's scrollable-region-focusable), and is named by the table's caption.
import type { ComponentChildren, JSX } from 'preact';

export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ComponentChildren }): JSX.Element {
  return (
    // biome-ignore lint/a11y/useSemanticElements lint/a11y/noNoninteractiveTabindex: a focusable, named region is what lets a keyboard scroll it; a section would add a landmark per table
    <div class="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
