export * from './systems.js';
export * from './host.js';
export * from './actions.js';
export * from './calls.js';
export * from './frame-check.js';
export * from './match.js';
export * from './widget.js';
export * from './widgets.generated.js';
