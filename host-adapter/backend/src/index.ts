/**
 * Backstage backend plugin for Platform Widgets.
 *
 * @packageDocumentation
 */
export { platformWidgetsPlugin as default } from './plugin.js';
export { CACHE_HEADER } from './router.js';
