// Moved to server/model/api.ts; this re-export goes once the files that still import it here are updated.
export * from '../model/api';
