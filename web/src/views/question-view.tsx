import { verdictStripChart } from '../../../src/charts/index.js';
import type { ConditionResult, GatedMove, VerdictTimeline } from '../api-types.js';
import { asOf, caseInfo, casePath, caseSpan, knowledgeQuery, knowledgeText } from '../case-state.js';
import { BriefDownloads } from '../parts/brief-downloads.js';
import { Chart } from '../parts/chart.js';
import { EvidenceTree } from '../parts/evidence-tree.js';
import { SourceList } from '../parts/source-list.js';
import { VerdictBadge } from '../parts/verdict-badge.js';
import { useApi } from '../use-api.js';
import { query } from '../api.js';

function GatedMoves({ moves, caption, none }: { moves: GatedMove[]; caption: string; none?: string }) {
  if (!moves.length) return none ? <p class="muted">{none}</p> : null;
  return (
    <table class={`moves${caption.startsWith('Gated') ? ' gated' : ' before-stated'}`}>
      <caption>
        {caption} ({moves.length})
      </caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Move</th>
          <th scope="col">Who → whom, code</th>
          <th scope="col">Verdict that day</th>
          <th scope="col">Missing that day</th>
        </tr>
      </thead>
      <tbody>
        {moves.map((m) => (
          <tr key={m.id}>
            <td class="date">{m.date}</td>
            <td>
              {m.summary}
              {m.beforeStated ? <span class="note"> (before the condition was stated)</span> : null}
            </td>
            <td>
              {m.sourceCode} → {m.targetCode ?? '—'}, {m.code}
            </td>
            <td>
              <VerdictBadge verdict={m.verdict} />
            </td>
            <td>{m.missing.join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** How the strip reads each day: as known that day by default, or with the later knowledge in view. */
function stripKnowledge(q: Record<string, string>): string {
  if (q.hindsight) return 'each day read in hindsight, with everything on record';
  return q.knownBy ? `each day read with what was known by ${q.knownBy}` : 'each day read as known on that day';
}

/** The strip's query: knowledge by a date before the case's end stops the strip there, as the server asks. */
function stripQuery(q: Record<string, string>): Record<string, string> {
  const end = caseSpan.value.to;
  return q.knownBy && q.knownBy < end ? { ...q, to: q.knownBy } : q;
}

/** Says when a list holds only the latest of more moves. */
function shown(list: readonly unknown[], total: number | undefined): string {
  return total !== undefined && total > list.length
    ? `; the latest ${list.length} of ${total.toLocaleString('en-US')}`
    : '';
}

function ConditionCard({ c, headline, known }: { c: ConditionResult; headline: boolean; known: string }) {
  const noun = c.gatedNoun ?? 'move';
  return (
    <section class={`condition${headline ? ' headline' : ''}`} aria-labelledby={`c-${c.id}`}>
      {headline ? <p class="kicker">The question</p> : null}
      <h2 id={`c-${c.id}`}>{headline && c.question ? c.question : c.title}</h2>
      <p class="answer">
        <VerdictBadge verdict={c.verdict} large={headline} /> on <b>{c.asOf}</b>, <span class="known">{known}</span>
        {headline && c.question ? <span class="muted"> — {c.title}</span> : null}
      </p>
      {c.sources?.length ? (
        <div class="argued">
          Argued in: <SourceList sources={c.sources} />
        </div>
      ) : null}
      {c.missing.length ? (
        <div class="missing-box">
          <strong>What is missing:</strong>
          <ul>
            {c.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : c.verdict === 'met' ? (
        <p>Nothing is missing: every part is met.</p>
      ) : null}
      <details class="evidence-drill" open={headline}>
        <summary>Evidence for “{c.verdict}”: what counted, what is missing, what was covered but not counted</summary>
        <EvidenceTree part={c.result} />
      </details>
      <GatedMoves
        moves={c.gatedMoves}
        caption={`Gated ${noun}s made while it was not met${c.stated ? `, since it was stated on ${c.stated}` : ''}${shown(c.gatedMoves, c.gatedTotal)}`}
        none={`No gated ${noun} was made while it was not met.`}
      />
      <GatedMoves
        moves={c.movesBeforeStated ?? []}
        caption={`${noun[0]!.toUpperCase()}${noun.slice(1)}s of the same kind before it was stated${c.stated ? ` on ${c.stated}` : ''}, not gated${shown(c.movesBeforeStated ?? [], c.movesBeforeStatedTotal)}`}
      />
    </section>
  );
}

/** The question: each condition's verdict on the as-of date, its strip over time, its evidence and its gated moves. */
export function QuestionView() {
  const day = asOf.value;
  const on = useApi<{ conditions: ConditionResult[]; asOf: string; asKnownOn: string | null }>(
    `${casePath.value}/conditions${query({ asOf: day, ...knowledgeQuery.value })}`,
  );
  const large = caseInfo.value?.large ?? false;
  const timeline = useApi<{ timelines: VerdictTimeline[] }>(
    large ? null : `${casePath.value}/conditions/timeline${query(stripQuery(knowledgeQuery.value))}`,
  );
  const headlineId = caseInfo.value?.settings.headlineCondition;
  // The knowledge the server read the verdicts with, which the words beside each verdict say.
  const known = on.data ? knowledgeText(on.data.asOf, on.data.asKnownOn) : '';
  const conditions = [...(on.data?.conditions ?? [])].sort(
    (a, b) => Number(b.id === headlineId) - Number(a.id === headlineId),
  );
  return (
    <div class="view question-view">
      {on.error ? <p class="error">{on.error}</p> : null}
      {conditions.length === 0 && !on.loading ? <p>This case states no conditions.</p> : null}
      {conditions[0] ? (
        <ConditionCard c={conditions[0]} headline={conditions[0].id === headlineId} known={known} />
      ) : null}
      <BriefDownloads />
      {timeline.data ? (
        <section aria-labelledby="strip-h">
          <h2 id="strip-h">Verdicts over time</h2>
          <p class="muted">
            Each condition's verdict from day to day (✓ met, ✗ unmet, ? unknown), {stripKnowledge(knowledgeQuery.value)}
            , the gated moves made while it was not met marked on it, and the as-of date as a dashed line.
          </p>
          <Chart
            label="Verdict strip: each condition's verdict over time"
            deps={[timeline.data, day]}
            draw={(document, width) =>
              verdictStripChart(timeline.data!.timelines, { document, width, asOf: day }) as unknown as Element
            }
          />
        </section>
      ) : null}
      {large ? (
        <p class="muted">
          The verdicts over time are not drawn for a case of more than 100,000 events: they take minutes to work out.
          Move the as-of date to read the verdict on any day.
        </p>
      ) : null}
      {conditions.slice(1).map((c) => (
        <ConditionCard key={c.id} c={c} headline={false} known={known} />
      ))}
    </div>
  );
}
