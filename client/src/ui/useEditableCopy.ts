import { useState } from 'react';

/**
 * Text the user edits that starts as `source` and starts over whenever `source` changes elsewhere (a search box
 * whose words live in the URL: typing is shown at once and written to the URL later; going back in history or
 * clearing the filters puts the URL's words into the box). The copy is reset while rendering, as React advises,
 * rather than in an effect that would first paint the stale text.
 */
export function useEditableCopy(source: string): [string, (text: string) => void] {
  const [text, setText] = useState(source);
  const [copied, setCopied] = useState(source);
  if (copied !== source) {
    setCopied(source);
    setText(source);
  }
  return [text, setText];
}
