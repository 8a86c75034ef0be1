export * from '../../scripts/lib/run-bundled-action.js';
