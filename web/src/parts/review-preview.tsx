import { query } from '../api.js';
import type { Verdict } from '../api-types.js';
import { VerdictBadge } from './verdict-badge.js';
import { useApi } from '../use-api.js';
import { knowledgeQuery, knowledgeText } from '../case-state.js';

interface Preview {
  asOf: string;
  asKnownOn: string | null;
  conditions: { conditionId: string; title: string; before: Verdict; after: Verdict; changed: boolean }[];
}

function Changes({ p, verb }: { p: Preview | undefined; verb: string }) {
  if (!p) return <p class="muted">Working out what {verb} would change…</p>;
  const changed = p.conditions.filter((c) => c.changed);
  if (!changed.length)
    return (
      <p>
        {verb[0]!.toUpperCase() + verb.slice(1)} changes no verdict on {p.asOf}, {knowledgeText(p.asOf, p.asKnownOn)}.
      </p>
    );
  return (
    <div>
      <p>
        {verb[0]!.toUpperCase() + verb.slice(1)} changes {changed.length === 1 ? 'this verdict' : 'these verdicts'} on{' '}
        {p.asOf}, {knowledgeText(p.asOf, p.asKnownOn)}:
      </p>
      <ul class="verdict-changes">
        {changed.map((c) => (
          <li key={c.conditionId}>
            {c.title}: <VerdictBadge verdict={c.before} /> → <VerdictBadge verdict={c.after} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The verdicts a confirm or a reject would change on the as-of date, shown before the reviewer decides. */
export function ReviewPreview({ eventPath, asOf }: { eventPath: string; asOf: string }) {
  const confirm = useApi<Preview>(
    `${eventPath}/review/preview${query({ action: 'confirm', asOf, ...knowledgeQuery.value })}`,
  );
  const reject = useApi<Preview>(
    `${eventPath}/review/preview${query({ action: 'reject', asOf, ...knowledgeQuery.value })}`,
  );
  return (
    <section class="preview" aria-label="What the decision changes">
      <Changes p={confirm.data} verb="confirming" />
      <Changes p={reject.data} verb="rejecting" />
    </section>
  );
}
