// Defines <pw-host> (and the kit's <pw-deep-link>) on its own; every widget module does this too.
import { defineKitElements } from '../../../widgets/kit/elements.js';

export { PwHost } from '../../../widgets/kit/pw-host.js';
defineKitElements();
