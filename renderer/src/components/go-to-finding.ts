// Going to a finding card from a link elsewhere on the results (the doctor's block, the Do this first
// list): the card with the id findingAnchor(finding) is opened (a closed one through its own summary),
// brought into view and its summary focused, so that a keyboard user lands where a mouse user looks.
import type { MouseEvent } from 'react';

/** Opens a finding card (a closed one through its own summary), brings it into view and focuses its summary. */
export function goToFinding(event: MouseEvent<HTMLElement>, anchor: string): void {
  const card = document.getElementById(anchor);
  if (!card) return;
  event.preventDefault();
  const target = document.getElementById(`${anchor}-summary`) ?? card;
  if (target.getAttribute('aria-expanded') === 'false') target.click();
  // jsdom has no scrollIntoView; focus() alone scrolls too, only to the nearest edge.
  const scrolls = typeof target.scrollIntoView === 'function';
  if (scrolls) target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: scrolls });
}
