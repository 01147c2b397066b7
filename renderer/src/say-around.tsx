// A catalogue message with an element in it (a link, a list of links): the message is said with a marker
// for the element's argument, and the element takes the marker's place, so that the words around it stay
// one sentence, in the order the language puts them.
import { Fragment, type ReactNode } from 'react';
import { t } from '../../shared/i18n/translate';
import type { Arg, MessageId } from '../../shared/i18n/message';

const MARKER = '\u{E000}';

export function sayAround(id: MessageId, args: Record<string, Arg>, name: string, element: ReactNode): ReactNode {
  const [before = '', ...rest] = t(id, { ...args, [name]: MARKER }).split(MARKER);
  return (
    <>
      {before}
      {rest.map((after, i) => (
        <Fragment key={i}>
          {element}
          {after}
        </Fragment>
      ))}
    </>
  );
}
