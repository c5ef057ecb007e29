import type { Brief } from '../brief/brief.js';
import type { BriefFigureData } from '../brief/brief-figures.js';
import { eventAsKnown, frameAsKnown } from '../model/knowledge.js';
import { NotFoundError } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { conditionTimelines, type TimelineOptions } from './condition-timelines.js';

/**
 * The series behind a brief's charts, read as the brief was: up to its date, with its knowledge
 * (`asKnownOn`: as known on the date, a later date, or everything in hindsight). The verdict
 * strips read each day as known on that day, so their last day agrees with the brief's verdicts.
 */
export async function collectBriefFigureData(store: Store, brief: Brief): Promise<BriefFigureData> {
  const caseId = brief.case.id;
  const frame = await store.cases.readFrame(caseId);
  if (!frame) throw new NotFoundError(`no case "${caseId}" in the store`);
  const knownBy = brief.asKnownOn;
  const view = frameAsKnown(frame, knownBy);
  const w = brief.reciprocityWindow;
  const start = frame.info.settings.period?.from ?? w.from;
  const knowledge: TimelineOptions = knownBy === brief.asOf ? {} : knownBy === null ? { hindsight: true } : { knownBy };
  const timelines = await conditionTimelines(store, caseId, {
    from: [start, brief.asOf].sort()[0]!,
    to: brief.asOf,
    ...knowledge,
  });
  const sides = [brief.reciprocity.dyad.a, brief.reciprocity.dyad.b].flat();
  const events = await store.events.find({
    caseId,
    sourceCodes: sides,
    targetCodes: sides,
    from: w.from,
    to: w.to,
    statuses: ['confirmed'],
    bare: true,
    ...(knownBy === null ? {} : { knownBy }),
  });
  const a = brief.reciprocity.dyad.a;
  // Moves inside one side (USAGOV → USAMIL) are no move between the two.
  const between = (s: string, t: string | undefined) =>
    t !== undefined && a.some((p) => s.startsWith(p)) !== a.some((p) => t.startsWith(p));
  const moves = events.flatMap((e) => {
    const known = eventAsKnown(e, knownBy);
    return known && between(known.sourceCode, known.targetCode) ? [known] : [];
  });
  const coordinates: BriefFigureData['coordinates'] = {};
  for (const f of view.facilities) coordinates[f.id] = (f as { coordinates?: [number, number] }).coordinates ?? null;
  return {
    timelines,
    moves,
    markers: view.agreements
      .filter((g) => g.date >= w.from && g.date <= w.to)
      .map((g) => ({ date: g.date, label: g.name })),
    agreements: view.agreements.filter((g) => g.date <= brief.asOf),
    coordinates,
  };
}
