// Number formats the client and the reports share, so that a figure reads the same on screen and on paper.

/** A ratio as a whole percentage: 0.7096 -> "71%"; "n/a" when there is none. */
export function percent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? 'n/a' : `${Math.round(ratio * 100)}%`;
}
