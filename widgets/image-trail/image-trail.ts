import { define, defineKitElements } from '../kit/index.js';
import { ImageTrail } from './image-trail.component.js';

export { ImageTrail };
defineKitElements();
define('image-trail', ImageTrail);

declare global {
  interface HTMLElementTagNameMap {
    'image-trail': ImageTrail;
  }
}
