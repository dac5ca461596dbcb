// The domain model: schemas, types and document validation, shared by server and client. No I/O.
export * from './enums';
export * from './countries';
export * from './entities';
export * from './kinds';
export * from './document';
export * from './stored';
export * from './round';
export * from './import-report';
