import type { Source } from '../api-types.js';

/** A link only for what is a web address; a citation in words stays text. */
function isUrl(s: string | undefined): s is string {
  return !!s && /^https?:\/\//.test(s);
}

/** The sources of a fact: publisher, date, link and quote, as the analyst would cite them. */
export function SourceList({ sources }: { sources: Source[] | undefined }) {
  if (!sources?.length) return <p class="muted">No source recorded.</p>;
  return (
    <ul class="sources">
      {sources.map((s, i) => (
        <li key={i}>
          {isUrl(s.link) ? (
            <a class="publisher" href={s.link} target="_blank" rel="noreferrer">
              {s.publisher}
            </a>
          ) : (
            <span class="publisher">{s.publisher}</span>
          )}
          {s.date ? `, ${s.date}` : ''}
          {isUrl(s.link) ? null : s.link ? <span class="citation">: {s.link}</span> : null}
          {s.quote ? <blockquote>{s.quote}</blockquote> : null}
        </li>
      ))}
    </ul>
  );
}
