import type { ConditionResult, Evidence, GatedMove } from '../analysis/conditions/condition-result.js';
import type { ReciprocityResult } from '../analysis/reciprocity.js';
import type { PamScore } from '../analysis/scorecard.js';
import type { Brief } from './brief.js';
import type { BriefStyle } from './brief-style.js';

const MAX_EVIDENCE = 6;
const MAX_GATED = 8;
const MAX_UNANSWERED = 5;
const MAX_FACILITIES = 20;

function fmt(n: number, digits = 1): string {
  const s = n.toFixed(digits);
  return n > 0 ? `+${s}` : s;
}

function pct(s: PamScore): string {
  return s.percent === null ? 'n/a' : `${Math.round(s.percent)}%`;
}

function evidenceLine(e: Evidence): string {
  const src = e.sources?.[0];
  const cite = src ? ` (${src.publisher}${src.date ? ` ${src.date}` : ''})` : '';
  const ver = e.verification ? ` [${e.verification}]` : '';
  return `${e.date}  ${e.summary}${ver}${cite}`;
}

function gatedLine(m: GatedMove): string {
  const when = m.beforeStated ? ' (before the condition was stated)' : '';
  return `${m.date}  ${m.sourceCode} ${m.code} ${m.targetCode ?? '-'}  ${m.summary}${m.verdict === 'unknown' ? ' [verdict then: unknown]' : ''}${when}`;
}

function conditionBlock(c: ConditionResult, s: BriefStyle, detailed: boolean): string[] {
  const out = [`${s.verdict(c.verdict)}  ${c.title} ${s.dim(`(${c.id} v${c.version})`)}`];
  for (const m of c.missing) out.push(s.item(`missing: ${m}`, 1));
  const evidence = c.result.evidence.length ? c.result.evidence : (c.result.parts ?? []).flatMap((p) => p.evidence);
  if (evidence.length) {
    out.push(s.item(`evidence (${evidence.length}):`, 1));
    for (const e of evidence.slice(0, detailed ? MAX_EVIDENCE : 3)) out.push(s.item(evidenceLine(e), 2));
  }
  if (c.gatedMoves.length) {
    out.push(s.item(`gated moves made while not met (${c.gatedMoves.length}):`, 1));
    for (const m of c.gatedMoves.slice(0, detailed ? MAX_GATED : 4)) out.push(s.item(gatedLine(m), 2));
    if (c.gatedMoves.length > (detailed ? MAX_GATED : 4))
      out.push(s.item(`… and ${c.gatedMoves.length - (detailed ? MAX_GATED : 4)} more`, 2));
  }
  return out;
}

function reciprocityBlock(r: ReciprocityResult, s: BriefStyle): string[] {
  const a = r.dyad.a.join('+');
  const b = r.dyad.b.join('+');
  const out = [s.heading(`Reciprocity ${a} ↔ ${b}, ${r.window.from} to ${r.window.to}`)];
  const ab = r.aToB.sums;
  const ba = r.bToA.sums;
  const rows: string[][] = [
    ['moves', String(ab.total.count), String(ba.total.count)],
    ['cooperation, verbal', fmt(ab.verbal.cooperation), fmt(ba.verbal.cooperation)],
    ['cooperation, material', fmt(ab.material.cooperation), fmt(ba.material.cooperation)],
    ['conflict, verbal', fmt(ab.verbal.conflict), fmt(ba.verbal.conflict)],
    ['conflict, material', fmt(ab.material.conflict), fmt(ba.material.conflict)],
    ['net Goldstein', fmt(ab.total.net), fmt(ba.total.net)],
  ];
  const ca = r.aToB.concessions;
  const cb = r.bToA.concessions;
  if (ca && cb) {
    rows.push([
      'yields (verification-weighted)',
      `${ca.tally.yields.count} (${ca.tally.yields.weighted.toFixed(2)})`,
      `${cb.tally.yields.count} (${cb.tally.yields.weighted.toFixed(2)})`,
    ]);
    rows.push([
      'intents to yield',
      `${ca.tally.intentsToYield.count} (${ca.tally.intentsToYield.weighted.toFixed(2)})`,
      `${cb.tally.intentsToYield.count} (${cb.tally.intentsToYield.weighted.toFixed(2)})`,
    ]);
    rows.push([
      `unanswered within ${r.settings.answerWithinDays} days`,
      String(ca.unanswered.length),
      String(cb.unanswered.length),
    ]);
  }
  out.push(...s.table(['', `${a}→${b}`, `${b}→${a}`], rows, ['l', 'r', 'r']));
  for (const side of [r.ratios.a, r.ratios.b]) {
    const fr = side.functional;
    const vr = side.verbal;
    const frText =
      fr.value === null
        ? `n/a (${fr.reason})`
        : `${fr.value.toFixed(2)} (got ${fr.received.toFixed(1)} for ${fr.given.toFixed(1)} given)`;
    const vrText = vr.value === null ? 'n/a' : vr.value.toFixed(2);
    out.push(s.item(`functional reciprocity for ${side.side}: ${frText}; verbal ${vrText}`));
  }
  for (const [who, c] of [
    [a, ca],
    [b, cb],
  ] as const) {
    if (!c || c.unanswered.length === 0) continue;
    out.push(
      s.item(`${who}'s concessions with no material cooperation back within ${r.settings.answerWithinDays} days:`),
    );
    for (const u of c.unanswered.slice(0, MAX_UNANSWERED)) {
      out.push(
        s.item(`${u.date}  ${u.code} ${u.summary ?? ''} [${u.verification}]${u.open ? ' (still open)' : ''}`, 1),
      );
    }
    if (c.unanswered.length > MAX_UNANSWERED) out.push(s.item(`… and ${c.unanswered.length - MAX_UNANSWERED} more`, 1));
  }
  if (r.concessionsReason) out.push(s.item(s.dim(r.concessionsReason)));
  for (const resp of [r.responses.ofB, r.responses.ofA]) {
    const fit = resp.regression.fit;
    const r1 = resp.crossCorrelation.lags.find((l) => l.lag === 1);
    const corr = r1?.r === null || r1 === undefined ? 'r₁ n/a' : `r₁ = ${r1.r.toFixed(2)}`;
    out.push(
      s.item(
        `how ${resp.follower} answers ${resp.leader}: ${fit ? fit.reading.replace(/\.$/, '') : `no fit (${resp.regression.reason})`}; ${corr}`,
      ),
    );
  }
  return out;
}

/** Renders a brief as text (plain or coloured) or Markdown, depending on the style. */
export function renderBrief(brief: Brief, s: BriefStyle): string {
  const out: string[] = [];
  out.push(s.title(`${brief.case.title}: brief as of ${brief.asOf}`));
  out.push('');
  if (brief.headline) {
    const h = brief.headline;
    out.push(s.strong(h.question));
    out.push(`${s.verdict(h.verdict)}  ${h.answer}`);
    if (h.evidence.length) {
      out.push(s.item('evidence:'));
      for (const e of h.evidence.slice(0, MAX_EVIDENCE)) out.push(s.item(evidenceLine(e), 1));
    }
    if (h.gatedMoves.length) {
      out.push(s.item(`gated moves made while it was not met (${h.gatedMoves.length}):`));
      for (const m of h.gatedMoves.slice(0, MAX_GATED)) out.push(s.item(gatedLine(m), 1));
    }
    out.push('');
  }
  const others = brief.conditions.filter((c) => c.id !== brief.headline?.conditionId);
  if (others.length) {
    out.push(s.heading('Other conditions'));
    for (const c of others) out.push(...conditionBlock(c, s, false));
    out.push('');
  }
  out.push(...reciprocityBlock(brief.reciprocity, s));
  out.push('');

  const sc = brief.scorecard;
  out.push(s.heading(`Commitments (Peace Accords Matrix 0–3) as of ${sc.asOf}`));
  if (sc.agreements.length === 0) out.push(s.item('no agreements recorded in this case'));
  for (const ag of sc.agreements) {
    out.push(s.item(`${s.strong(ag.name)} (${ag.date}): ${pct(ag.overall)}`));
    for (const p of ag.provisions) {
      const since = p.status ? ` since ${p.status.date}` : '';
      const changed = p.changes.length
        ? s.dim(` (changed ${p.changes.map((ch) => `${ch.date}: ${ch.fromName ?? 'none'} → ${ch.toName}`).join(', ')})`)
        : '';
      out.push(s.item(`${p.levelName}${since}: ${p.text} [owed by ${p.owedBy.join(', ')}]${changed}`, 1));
    }
  }
  if (sc.byParty.length) out.push(s.item(`by party: ${sc.byParty.map((p) => `${p.party} ${pct(p)}`).join(', ')}`));
  if (sc.byTheme.length) out.push(s.item(`by theme: ${sc.byTheme.map((t) => `${t.theme} ${pct(t)}`).join(', ')}`));
  out.push('');

  const fac = brief.facilities;
  const counts = Object.entries(fac.byStatus)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  out.push(s.heading(fac.total ? `Facilities (${fac.total}: ${counts})` : 'Facilities'));
  if (fac.total === 0) out.push(s.item('no facilities recorded in this case'));
  for (const f of fac.key.slice(0, MAX_FACILITIES)) {
    const since = f.statusSince ? ` since ${f.statusSince}` : '';
    const note = f.statusNote ? ` (${f.statusNote})` : '';
    const seen = f.lastObservation
      ? `; last seen ${f.lastObservation.date} by ${f.lastObservation.by}: ${f.lastObservation.finding} [${f.lastObservation.verification}]`
      : '; never observed';
    out.push(s.item(`${s.strong(f.name)}: ${f.status}${since}${note}${seen}`));
  }
  if (fac.key.length > MAX_FACILITIES) out.push(s.item(`… and ${fac.key.length - MAX_FACILITIES} more key sites`));
  out.push('');

  const p = brief.pace;
  out.push(s.heading('Pace'));
  out.push(
    s.item(
      `${p.steps.length} engagement steps (codes ${p.codePrefixes.join(', ')}); median gap ${p.medianGap ?? 'n/a'} days; last step ${p.lastStep ?? 'none'}${p.daysSinceLastStep !== null ? ` (${p.daysSinceLastStep} days before ${p.asOf})` : ''}`,
    ),
  );
  out.push(s.item(`${p.verdict ? `${s.strong(p.verdict)}: ` : ''}${p.reason}`));
  const recent = p.gaps.slice(-5).map((g) => `${g.to} (${g.days} d)`);
  if (recent.length) out.push(s.item(`latest gaps: ${recent.join(', ')}`));
  out.push('');
  const l = brief.ledger;
  out.push(
    s.dim(
      `Ledger: ${l.events} events up to ${brief.asOf} (${l.confirmed} confirmed, ${l.proposed} proposed, ${l.rejected} rejected)${l.imported ? `; ${l.imported} imported rows of the dyad in the reciprocity window` : ''}.`,
    ),
  );
  return `${out.join('\n')}\n`;
}
