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
          <span class="publisher">{s.publisher}</span>
          {s.date ? `, ${s.date}` : ''}
          {isUrl(s.link) ? (
            <>
              {' '}
              <a href={s.link} target="_blank" rel="noreferrer">
                link
              </a>
            </>
          ) : s.link ? (
            <span class="citation">: {s.link}</span>
          ) : null}
          {s.quote ? <blockquote>{s.quote}</blockquote> : null}
        </li>
      ))}
    </ul>
  );
}
