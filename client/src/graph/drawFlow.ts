// Drawing a flow by dragging on the canvas (edit mode): press on a stakeholder, drag (a ghost line
// follows the pointer), release on another stakeholder, and `onDraw(from, to)` is called. Cytoscape's
// tapstart / tapdrag / tapend events carry the gesture (tapend names the element under the pointer
// where it ends); the ghost line is an SVG drawn over the canvas, not a graph element, so nothing
// else (counts, filters, the test hook) sees it.
import type cytoscape from 'cytoscape';

export interface FlowDrawing {
  /** The gesture in progress: the source stakeholder and the pointer, in CSS pixels of the container. */
  ghost(): { from: string; x: number; y: number } | null;
  detach(): void;
}

interface Options {
  enabled: () => boolean;
  onDraw: (from: string, to: string) => void;
}

const SVG = 'http://www.w3.org/2000/svg';
/** Pointer travel (px) before the ghost shows: a click stays a click. */
const THRESHOLD = 6;

const isStakeholder = (target: unknown): target is cytoscape.NodeSingular =>
  typeof target === 'object' &&
  target !== null &&
  'isNode' in target &&
  (target as cytoscape.NodeSingular).isNode() &&
  (target as cytoscape.NodeSingular).data('stakeholder') === true;

export function attachFlowDrawing(cy: cytoscape.Core, container: HTMLElement, options: Options): FlowDrawing {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'draw-ghost');
  Object.assign(svg.style, {
    position: 'absolute',
    inset: '0',
    width: '100%',
    height: '100%',
    pointerEvents: 'none',
    zIndex: '3',
    display: 'none',
  });
  const line = document.createElementNS(SVG, 'line');
  line.setAttribute('stroke', '#1f4e79');
  line.setAttribute('stroke-width', '3');
  line.setAttribute('stroke-dasharray', '8 5');
  const tip = document.createElementNS(SVG, 'circle');
  tip.setAttribute('r', '6');
  tip.setAttribute('fill', '#1f4e79');
  svg.append(line, tip);
  container.append(svg);

  let from: cytoscape.NodeSingular | null = null;
  let pointer: { x: number; y: number } | null = null;
  let moved = false;

  const rendered = (p: cytoscape.Position) => {
    const zoom = cy.zoom();
    const pan = cy.pan();
    return { x: p.x * zoom + pan.x, y: p.y * zoom + pan.y };
  };
  const draw = () => {
    if (!from || !pointer || !moved) {
      svg.style.display = 'none';
      return;
    }
    const start = from.renderedPosition();
    line.setAttribute('x1', String(start.x));
    line.setAttribute('y1', String(start.y));
    line.setAttribute('x2', String(pointer.x));
    line.setAttribute('y2', String(pointer.y));
    tip.setAttribute('cx', String(pointer.x));
    tip.setAttribute('cy', String(pointer.y));
    svg.style.display = 'block';
  };
  const reset = () => {
    from = null;
    pointer = null;
    moved = false;
    draw();
  };

  const onStart = (event: cytoscape.EventObject) => {
    if (!options.enabled() || !isStakeholder(event.target)) return;
    from = event.target;
    pointer = rendered(event.position);
    moved = false;
  };
  const onDrag = (event: cytoscape.EventObject) => {
    if (!from) return;
    pointer = rendered(event.position);
    const start = from.renderedPosition();
    if (!moved && Math.hypot(pointer.x - start.x, pointer.y - start.y) > THRESHOLD + from.renderedWidth() / 2)
      moved = true;
    draw();
  };
  const onEnd = (event: cytoscape.EventObject) => {
    const source = from;
    const dragged = moved;
    reset();
    if (!source || !dragged || !options.enabled()) return;
    const target: unknown = event.target;
    if (isStakeholder(target) && target.id() !== source.id()) options.onDraw(source.id(), target.id());
  };

  cy.on('tapstart', onStart);
  cy.on('tapdrag', onDrag);
  cy.on('tapend', onEnd);
  return {
    ghost: () => (from && pointer && moved ? { from: from.id(), x: pointer.x, y: pointer.y } : null),
    detach: () => {
      if (!cy.destroyed()) {
        cy.off('tapstart', onStart);
        cy.off('tapdrag', onDrag);
        cy.off('tapend', onEnd);
      }
      svg.remove();
    },
  };
}
