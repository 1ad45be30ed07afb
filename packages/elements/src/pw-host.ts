// Defines <pw-host> (and the kit's <pw-deep-link>) on its own; every widget module does this too.
import { defineKitElements } from '@platform-widgets/widgets/kit/elements.js';

export { PwHost } from '@platform-widgets/widgets/kit/pw-host.js';
defineKitElements();
