// Texts in the order `a.localeCompare(b)` gives, compared with one collator made once: localeCompare makes or looks
// up a collator on each call, which came to a few hundred milliseconds of a large map's first load (sorting a
// thousand stakeholders' names).

/** Compares two texts as `a.localeCompare(b)` does (the default locale and options). */
export const compareText: (a: string, b: string) => number = new Intl.Collator().compare;
