// The pseudo-locale: English with every message wrapped in ⟦ ⟧ and its letters accented. Said in it, any
// text on a page or in a report that is not inside brackets did not come from the catalogue, and a
// layout that clips ⟦ or ⟧ is too tight for a longer language. Tests use it; users never see it.

import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Catalogue, MessageId } from './catalogue/en/index.js';
import type { Messages } from './translate.js';

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

const ACCENTED: Record<string, string> = Object.fromEntries([...'aeiouyAEIOUYcnCNsz'].map((c, i) => [c, [...'áéíóúýÁÉÍÓÚÝçñÇÑšž'][i]!]));

function accent(text: string): string {
  return text.replace(/[a-zA-Z]/g, (c) => ACCENTED[c] ?? c);
}

function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: accent(element.value) };
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(element.options).map(([key, option]) => [key, { ...option, value: transform(option.value) }]),
      );
      return { ...element, options } as MessageFormatElement;
    }
    if (element.type === TYPE.tag) return { ...element, children: transform(element.children) };
    return element;
  });
}

/** The pseudo-locale's catalogue, made from English's. */
export function pseudoCatalogue(english: Catalogue): Messages {
  const entries = Object.entries(english).map(([id, text]) => {
    const wrapped: MessageFormatElement[] = [
      { type: TYPE.literal, value: PSEUDO_OPEN },
      ...transform(parse(text)),
      { type: TYPE.literal, value: PSEUDO_CLOSE },
    ];
    return [id as MessageId, wrapped] as const;
  });
  return Object.fromEntries(entries) as Messages;
}

/**
 * What is left of a text once every bracketed message (nested ones too) is taken out: the text that did not
 * come from the catalogue.
 */
export function outsidePseudo(text: string): string {
  let rest = text;
  for (;;) {
    const next = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
    if (next === rest) return rest;
    rest = next;
  }
}
