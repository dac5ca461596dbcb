// Label boxes drawn on a map (the test hook's labelBoxes) that overlap: the browser tests' check that no two
// labels are drawn on top of each other.
import type { LabelBox } from '../../client/src/testHook';

/** Pairs of ids whose boxes overlap. */
export function overlapping(boxes: readonly LabelBox[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) pairs.push([a.id, b.id]);
    }
  return pairs;
}
