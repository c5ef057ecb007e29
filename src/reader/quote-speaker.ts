import type { Mention } from './find-mentions.js';
import type { Lexicon } from './lexicon.js';
import { bareMention } from './rules/mention-state.js';
import type { Token } from './token.js';

/**
 * Quotes and attribution: in '"I am ready to meet the US president," Kim said', the first person
 * inside the quote is the speaker named after it. Adds a mention for each "I"/"we" inside the
 * quotation marks when a named actor follows the closing mark with a speech verb (either order:
 * "Kim said" or "said Kim").
 */

export function addQuoteSpeakers(lx: Lexicon, tokens: Token[], mentions: Mention[]): Mention[] {
  let open = -1;
  let close = -1;
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k]!.text === '"') {
      if (open < 0) open = k;
      else {
        close = k;
        break;
      }
    }
  }
  if (open < 0 || close < 0) return mentions;
  let speaker: Mention | undefined;
  for (const m of mentions) {
    if (m.start <= close || m.start > close + 4) continue;
    const before = tokens[m.start - 1];
    const after = tokens[m.end];
    if ((after && lx.quoteSpeechVerbs.has(after.lemma)) || (before && lx.quoteSpeechVerbs.has(before.lemma))) {
      speaker = m;
      break;
    }
  }
  if (!speaker) return mentions;
  const added: Mention[] = [];
  for (let k = open + 1; k < close; k++) {
    if (lx.firstPersonPronouns.has(tokens[k]!.lower) && !mentions.some((m) => m.start <= k && k < m.end)) {
      added.push(
        bareMention(k, k + 1, speaker.code, '', 'mention.quote-speaker', { person: speaker.person, inferred: true }),
      );
    }
  }
  if (added.length === 0) return mentions;
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}
