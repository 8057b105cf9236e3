/**
 * The `mssql` driver module, loaded in `connectMssql()`. The dialect describes the part it uses
 * structurally (`mssql-client.ts`), so `@types/mssql` is not a dependency.
 */
declare module 'mssql';
