import { defineConfig } from 'tsup';
import { libraryBuild } from '../../scripts/tsup-library.js';

// The driver and core are peers: never bundle them.
export default defineConfig(libraryBuild({ external: ['pg', '@alembic/core'] }));
