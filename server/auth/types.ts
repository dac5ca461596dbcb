// Moved to server/model/roles.ts; this re-export goes once the files that still import it here are updated.
export * from '../model/roles';
