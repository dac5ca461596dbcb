// Moved to server/model/limits.ts; this re-export goes once the files that still import it here are updated.
export * from '../model/limits';
