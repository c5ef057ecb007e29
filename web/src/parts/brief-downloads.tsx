import { query } from '../api.js';
import { asOf, casePath, knowledgeQuery, knowledgeWords } from '../case-state.js';

const FORMATS = [
  { format: 'html', label: 'HTML', note: 'one page with its charts, opens offline and prints well' },
  { format: 'docx', label: 'Word', note: 'charts as images' },
  { format: 'pdf', label: 'PDF', note: 'takes a few seconds' },
  { format: 'md', label: 'Markdown', note: 'text to paste into a message' },
] as const;

/**
 * The brief to send to someone who will not open the dashboard, for the date and knowledge in
 * view: the same files `parley brief --format html|docx|pdf|md` writes.
 */
export function BriefDownloads() {
  const q = query({ asOf: asOf.value, ...knowledgeQuery.value });
  return (
    <section class="brief-downloads" aria-labelledby="brief-dl-h">
      <h2 id="brief-dl-h">The brief as of {asOf.value}</h2>
      <p class="muted">Read {knowledgeWords.value}, as the question above. Download it as:</p>
      <ul>
        {FORMATS.map((f) => (
          <li key={f.format}>
            <a href={`${casePath.value}/brief/${f.format}${q}`} download>
              {f.label}
            </a>{' '}
            <span class="muted">({f.note})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
