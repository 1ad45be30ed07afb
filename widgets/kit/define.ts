/** Defines a custom element once; loading a second copy of a widget is a no-op. */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
