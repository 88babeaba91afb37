/**
 * `style=${styleProps({...})}`: inline styles set through the CSSOM only.
 *
 * Lit's `styleMap` writes a `style="…"` attribute on first render, which a
 * strict Content-Security-Policy (`style-src 'self'`) blocks; setting
 * properties one by one with `style.setProperty` is always allowed. Property
 * names are CSS names (`aspect-ratio`, `--my-prop`), values are strings.
 */
import { noChange } from 'lit';
import { type AttributePart, Directive, type PartInfo, PartType, directive } from 'lit/directive.js';

export type StyleProps = Readonly<Record<string, string | undefined>>;

class StylePropsDirective extends Directive {
  #previous = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style') {
      throw new Error('styleProps() goes in a style attribute: style=${styleProps({...})}');
    }
  }

  render(_props: StyleProps): typeof noChange {
    return noChange;
  }

  override update(part: AttributePart, [props]: [StyleProps]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#previous) {
      if (props[name] === undefined) style.removeProperty(name);
    }
    for (const [name, value] of Object.entries(props)) {
      if (value !== undefined) style.setProperty(name, value);
    }
    this.#previous = new Set(Object.keys(props));
    return noChange;
  }
}

export const styleProps = directive(StylePropsDirective);
