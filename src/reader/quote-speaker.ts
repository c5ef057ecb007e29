import type { Mention } from './find-mentions.js';
import type { Token } from './token.js';

/**
 * Quotes and attribution: in '"I am ready to meet the US president," Kim said', the first person
 * inside the quote is the speaker named after it. Adds a mention for each "I"/"we" inside the
 * quotation marks when a named actor follows the closing mark with a speech verb (either order:
 * "Kim said" or "said Kim").
 */
const FIRST_PERSON = new Set(['i', 'we']);
const SPEECH = new Set(['say', 'tell', 'add', 'declare', 'announce', 'write', 'insist', 'warn', 'state', 'tweet']);

export function addQuoteSpeakers(tokens: Token[], mentions: Mention[]): Mention[] {
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
    if ((after && SPEECH.has(after.lemma)) || (before && SPEECH.has(before.lemma))) {
      speaker = m;
      break;
    }
  }
  if (!speaker) return mentions;
  const added: Mention[] = [];
  for (let k = open + 1; k < close; k++) {
    if (FIRST_PERSON.has(tokens[k]!.lower) && !mentions.some((m) => m.start <= k && k < m.end)) {
      added.push({
        start: k,
        end: k + 1,
        code: speaker.code,
        person: speaker.person,
        inferred: true,
        prep: '',
        apposition: false,
        place: false,
        anaphor: false,
      });
    }
  }
  if (added.length === 0) return mentions;
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}
