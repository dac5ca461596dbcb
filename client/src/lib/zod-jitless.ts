// Turns off zod's compiled parsers in the browser: they need eval (`new Function`), which the app's
// Content-Security-Policy forbids, and zod's probe for it would be reported as a violation. Imported
// first in main.tsx, because zod decides when each object schema is created, before any module below runs.
import { z } from 'zod';

z.config({ jitless: true });
