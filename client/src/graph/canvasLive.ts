// What the change feed and presence mark on a drawn graph (issue 15; decided in features/live): the stakeholders and
// flows changed a moment ago flash (`live-changed`: an outline, faded in unless the person prefers reduced motion),
// and those someone else is editing carry a badge (`live-editing`: a purple dashed ring and "✎ name (Role)" under
// the label, the whole sentence as the canvas's tooltip on hover). Kept apart from the state classes
// (canvasClasses.ts), which are rewritten on every selection or filter change.
import type cytoscape from 'cytoscape';
import { edgeId } from './elements';

export interface LiveMarks {
  /** Stakeholder ids and flow ids changed a moment ago. */
  changedNodes: ReadonlySet<string>;
  changedFlows: ReadonlySet<string>;
  /** Stakeholder id or flow id -> who edits it now ("Being edited by ann (Editor)"). */
  editingNodes: ReadonlyMap<string, string>;
  editingFlows: ReadonlyMap<string, string>;
}

export const LIVE_CLASSES = 'live-changed live-motion live-editing';

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/** The editor's names only, for the badge under a label: "Being edited by ann (Editor)" -> "✎ ann (Editor)". */
const badgeOf = (sentence: string) => `✎ ${sentence.replace(/^Being edited by /, '')}`;

/** Draws `marks` on `cy` (replacing those drawn before); answers the way to take the tooltip off. */
export function applyLive(cy: cytoscape.Core, container: HTMLElement, marks: LiveMarks): () => void {
  const motion = reducedMotion() ? '' : ' live-motion';
  const element = (id: string) => cy.getElementById(id);
  cy.batch(() => {
    cy.elements('.live-changed, .live-editing').removeClass(LIVE_CLASSES).removeData('liveTitle liveLabel');
    for (const id of marks.changedNodes) element(id).addClass(`live-changed${motion}`);
    for (const id of marks.changedFlows) element(edgeId(id)).addClass(`live-changed${motion}`);
    const editing = (el: cytoscape.CollectionReturnValue, sentence: string, label: string) => {
      if (el.empty()) return;
      el.data({ liveTitle: sentence, liveLabel: label });
      el.addClass('live-editing');
    };
    for (const [id, sentence] of marks.editingNodes) {
      const node = element(id);
      editing(node, sentence, `${String(node.data('label') ?? '')}\n${badgeOf(sentence)}`);
    }
    for (const [id, sentence] of marks.editingFlows) editing(element(edgeId(id)), sentence, badgeOf(sentence));
  });
  const over = (event: cytoscape.EventObject) => {
    container.title = String((event.target as cytoscape.SingularElementArgument).data('liveTitle') ?? '');
  };
  const out = () => container.removeAttribute('title');
  cy.on('mouseover', '.live-editing', over);
  cy.on('mouseout', '.live-editing', out);
  return () => {
    if (cy.destroyed()) return;
    cy.off('mouseover', '.live-editing', over);
    cy.off('mouseout', '.live-editing', out);
  };
}
