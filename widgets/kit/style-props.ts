import { noChange } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

export type StyleProps = Readonly<Record<string, string | number | undefined | null>>;

/**
 * Sets inline CSS properties through the CSSOM (`style.setProperty`), never through a
 * `style` attribute: pages whose CSP has no `style-src 'unsafe-inline'` block style
 * attributes (Lit's `styleMap` writes one on first render). Names are CSS names
 * (`width`, `flex-grow`, `--pw-depth`); null/undefined removes the property.
 *
 * `<span ${styleProps({ width: '60%' })}></span>`
 */
class StylePropsDirective extends Directive {
  private previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('styleProps() goes in element position: <span ${styleProps({...})}>');
  }

  override render(_props: StyleProps): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [props]: [StyleProps]): typeof noChange {
    const { style } = part.element as HTMLElement;
    for (const name of this.previous) {
      if (props[name] == null) style.removeProperty(name);
    }
    this.previous = new Set();
    for (const [name, value] of Object.entries(props)) {
      if (value == null) continue;
      style.setProperty(name, String(value));
      this.previous.add(name);
    }
    return noChange;
  }
}

export const styleProps = directive(StylePropsDirective);
