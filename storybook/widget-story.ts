/**
 * A widget's args are its attributes by their HTML names; Storybook takes their controls and
 * docs from custom-elements.json (see preview.ts), so a story file names only the values.
 */
export type WidgetArgs = Partial<Record<string, string | number | boolean>>;

/** Renders the widget with every set arg as an attribute (an empty text sets none). */
export function renderWidget(tag: string): (args: WidgetArgs) => HTMLElement {
  return (args) => {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(args)) {
      if (value === undefined || value === '' || value === false) continue;
      element.setAttribute(name, value === true ? '' : String(value));
    }
    return element;
  };
}
