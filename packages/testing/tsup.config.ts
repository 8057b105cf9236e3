import { defineConfig } from 'tsup';
import { libraryBuild } from '../../scripts/tsup-library.js';

// Core and jest are peers: the suite must register its tests with the jest that runs them.
export default defineConfig(libraryBuild({ external: ['@alembic/core', '@jest/globals', 'jest'] }));
