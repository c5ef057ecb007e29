import type { Evidence, PartResult } from '../api-types.js';
import { SourceList } from './source-list.js';
import { VerdictBadge } from './verdict-badge.js';

const KIND_WORD: Record<Evidence['kind'], string> = {
  event: 'move',
  observation: 'observation',
  'provision-status': 'provision status',
  facility: 'facility',
};

function EvidenceItem({ e }: { e: Evidence }) {
  return (
    <li class="evidence">
      <div>
        <span class="date">{e.date}</span> <span class="tag">{KIND_WORD[e.kind]}</span>
        {e.verification ? <span class={`tag verification-${e.verification}`}>{e.verification}</span> : null} {e.summary}
      </div>
      {e.sources ? <SourceList sources={e.sources} /> : null}
    </li>
  );
}

/** A condition's result part by part: what counted, what is missing, with each part's verdict. */
export function EvidenceTree({ part, depth = 0 }: { part: PartResult; depth?: number }) {
  return (
    <div class={`part depth-${Math.min(depth, 3)}`}>
      <div class="part-head">
        <VerdictBadge verdict={part.verdict} /> <span>{part.label}</span>
        {part.count ? (
          <span class="count">
            {' '}
            ({part.count.have} of {part.count.need})
          </span>
        ) : null}
      </div>
      {part.missing ? (
        <p class="missing">
          <strong>Missing:</strong> {part.missing}
        </p>
      ) : null}
      {part.evidence.length ? (
        <>
          <p class="counted">What counted ({part.evidence.length}):</p>
          <ul class="evidence-list">
            {part.evidence.map((e) => (
              <EvidenceItem key={`${e.kind}:${e.id}`} e={e} />
            ))}
          </ul>
        </>
      ) : part.parts ? null : (
        <p class="muted">Nothing counted yet.</p>
      )}
      {part.parts?.map((p, i) => (
        <EvidenceTree key={i} part={p} depth={depth + 1} />
      ))}
    </div>
  );
}
