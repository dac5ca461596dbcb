// Bootstrap of the upload worker (off-thread.ts): the worker is TypeScript, and a worker thread does not inherit
// the loader of its parent under ts-jest, so tsx is registered here; under `tsx server/main.ts` this is harmless.
require('tsx/cjs/api').register();
require('./worker-job.ts');
