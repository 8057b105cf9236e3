import Module from 'node:module';

// Node's compile cache (Node >= 22.1) keeps V8's compiled code of the CLI, core and the modules
// they load between runs; `NODE_DISABLE_COMPILE_CACHE=1` turns it off, `NODE_COMPILE_CACHE`
// moves it. Switched on before anything else is imported, so that it covers them.
(Module as unknown as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('./cli-process.js');
