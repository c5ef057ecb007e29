import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CASE, ensureBuiltinCase } from '../case/builtin-cases.js';
import type { Source } from '../model/event.js';
import { openStore, type Store } from '../store/store.js';
import type { Brief } from './brief.js';
import { markdownStyle, textStyle } from './brief-style.js';
import { buildBrief, type BriefOptions, gatedCountText } from './build-brief.js';
import { checkConditions } from './check-conditions.js';
import { renderBrief } from './render-brief.js';

/*
 * The built-in case read as known on a date, and in hindsight. The date asked about and the
 * knowledge used are two things: a brief "as of 2018-10-07" rests by default on what had been
 * published by 2018-10-07.
 */

let store: Store;
const cache = new Map<string, Brief>();

async function brief(asOf: string, more: Omit<BriefOptions, 'caseId' | 'asOf'> = {}): Promise<Brief> {
  const key = `${asOf} ${JSON.stringify(more)}`;
  let b = cache.get(key);
  if (!b) {
    b = await buildBrief(store, { caseId: DEFAULT_CASE, asOf, ...more });
    cache.set(key, b);
  }
  return b;
}

beforeAll(async () => {
  store = await openStore(':memory:');
  await ensureBuiltinCase(store, DEFAULT_CASE);
});
afterAll(() => store.close());

/** Every source a brief shows, wherever it is. */
function sourcesIn(b: Brief): Source[] {
  const out: Source[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (Array.isArray(o.sources))
        for (const s of o.sources as Source[]) if (s && typeof s === 'object' && 'publisher' in s) out.push(s);
      for (const x of Object.values(o)) walk(x);
    }
  };
  walk({ ...b, hindsight: null });
  return out;
}

/** Every ISO day written in a text. */
const daysIn = (text: string): string[] => text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? [];

describe('a brief as known on 2018-10-07', () => {
  it('says so, and shows no fact, note or source published after that date', async () => {
    const b = await brief('2018-10-07');
    expect(b.asKnownOn).toBe('2018-10-07');
    expect(b.hindsight).toBeNull();
    const text = renderBrief(b, textStyle(false));
    expect(text.split('\n')[0]).toMatch(/brief as of 2018-10-07, as known on 2018-10-07$/);
    // No source dated after the date (a month-dated op-ed of September 2018 is before it).
    for (const s of sourcesIn(b)) if (s.date) expect(s.date <= '2018-10-07', `${s.publisher} ${s.date}`).toBe(true);
    // No day after the date anywhere in the text or the Markdown: no later note, fact or source.
    for (const out of [text, renderBrief(b, markdownStyle)])
      expect(daysIn(out).filter((d) => d > '2018-10-07')).toEqual([]);
    // The case's own title names its whole span; below it nothing speaks of what came later.
    const body = text.split('\n').slice(1).join('\n');
    expect(body).not.toMatch(/Biegun|Hanoi|2019/);
    expect(body).not.toMatch(/dormant/);
  });

  it('leaves out what came out later: the Yongbyon reactor is operational, Sino-ri and Sakkanmol not yet on record', async () => {
    const b = await brief('2018-10-07');
    const sites = new Map(b.facilities.key.map((f) => [f.id, f]));
    expect(sites.get('yongbyon-5mwe-reactor')?.status).toBe('operational');
    expect(sites.has('sino-ri')).toBe(false);
    expect(sites.has('sakkanmol')).toBe(false);
    expect(sites.get('sohae')?.status).toBe('partly-dismantled');
  });
});

describe('the headline verdict as known and in hindsight on key dates', () => {
  it('before the condition was stated (2018-09-19): not yet stated, not unmet', async () => {
    const b = await brief('2018-09-19');
    expect(b.headline?.verdict).toBe('not-stated');
    expect(b.headline?.answer).toMatch(
      /^Not yet stated: not yet stated on 2018-09-19\. The condition was stated on 2018-09-20/,
    );
    expect((await brief('2018-09-19', { hindsight: true })).headline?.verdict).toBe('not-stated');
    // `parley check` prints the same count: moves of the kind so far, none gated yet.
    const visit = (await brief('2018-09-19')).conditions.find((c) => c.id === 'pompeo-visit-precondition')!;
    expect(gatedCountText(visit)).toBe('2 visits of the kind it gates so far; it was stated on 2018-09-20');
    const later = (await brief('2018-10-07')).conditions.find((c) => c.id === 'pompeo-visit-precondition')!;
    expect(gatedCountText(later)).toBe(
      '1 gated visit since the condition was stated on 2018-09-20; 2 earlier visits of the same kind',
    );
  });

  it('2018-10-07: unmet, one gated visit since it was stated, two earlier visits counted apart', async () => {
    for (const b of [await brief('2018-10-07'), await brief('2018-10-07', { hindsight: true })]) {
      expect(b.headline?.verdict).toBe('unmet');
      expect(b.headline?.gatedMoves.map((m) => m.date)).toEqual(['2018-10-07']);
      expect(b.headline?.movesBeforeStated.map((m) => m.date)).toEqual(['2018-05-09', '2018-07-06']);
      expect(b.headline?.answer).toMatch(
        /1 gated visit since the condition was stated on 2018-09-20; 2 earlier visits of the same kind\.$/,
      );
    }
    const known = (await brief('2018-10-07')).headline!.missing[0]!;
    expect(known).toMatch(/^5 of the 5 key operational sites still missing: covered none; not covered /);
    // As known then, the reactor still counts as operational and the later-identified bases are absent.
    expect(known).toMatch(/Yongbyon 5 MWe graphite-moderated reactor/);
    expect(known).not.toMatch(/Sino-ri|Sakkanmol/);
    const hindsight = (await brief('2018-10-07', { hindsight: true })).headline!.missing[0]!;
    expect(hindsight).toMatch(/Sakkanmol missile operating base/);
  });

  it('2019-03-01: unmet either way; the Hanoi offer does not count (US experts, conditional), and hindsight drops the dormant reactor', async () => {
    const known = await brief('2019-03-01');
    const hindsight = await brief('2019-03-01', { hindsight: true });
    for (const b of [known, hindsight]) {
      expect(b.headline?.verdict).toBe('unmet');
      expect(b.headline?.missing[0]).toMatch(
        /not counted: .*the 2019-02-28 offer for .*\(US experts, not an inspecting body; conditional\)/,
      );
    }
    expect(known.headline?.missing[0]).toMatch(/not covered .*Yongbyon 5 MWe graphite-moderated reactor/);
    // Seven key operational sites were on record by then, for a condition that needs five.
    expect(known.headline?.missing[0]).toMatch(
      /^5 of the 5 key operational sites still missing \(7 such sites on record\): /,
    );
    expect(hindsight.headline?.missing[0]).not.toMatch(/not covered [^;]*Yongbyon 5 MWe/);
  });

  it('2019-03-01: the summit condition is met on what was published by then, unmet in hindsight', async () => {
    const summit = (b: Brief) => b.conditions.find((c) => c.id === 'no-second-summit-while-production')!;
    const known = summit(await brief('2019-03-01'));
    expect(known.verdict).toBe('met');
    expect(known.gatedMoves).toEqual([]);
    const later = summit(await brief('2019-03-01', { hindsight: true }));
    expect(later.verdict).toBe('unmet');
    expect(later.gatedMoves.map((m) => m.date)).toEqual(['2019-02-27']);
  });
});

describe('hindsight', () => {
  it('lists the facts dated by the date that were not yet known on it, with when they became known', async () => {
    const b = await brief('2019-03-01', { hindsight: true });
    expect(b.asKnownOn).toBeNull();
    const late = b.hindsight!.notYetKnown;
    expect(late.find((f) => f.kind === 'facility-status' && f.id === 'yongbyon-5mwe-reactor')).toMatchObject({
      date: '2018-12-01',
      known: '2019-08-20',
    });
    expect(late.find((f) => f.id.startsWith('sanumdong/'))).toMatchObject({ date: '2019-02-22', known: '2019-03-05' });
    for (const f of late) expect(f.date <= '2019-03-01' && f.known > '2019-03-01').toBe(true);
    const text = renderBrief(b, textStyle(false));
    expect(text.split('\n')[0]).toMatch(/brief as of 2019-03-01, in hindsight, with everything on record$/);
    expect(text).toMatch(/\nNot yet known on 2019-03-01, used above in hindsight \(\d+\)\n/);
  });

  it('--known-by reads what was known by a later date; on 2018-10-07 with what was known by 2019-03-01, the Biegun revelation', async () => {
    const b = await brief('2018-10-07', { knownBy: '2019-03-01' });
    expect(b.asKnownOn).toBe('2019-03-01');
    const late = b.hindsight!.notYetKnown;
    expect(late.find((f) => f.id === '2018-10-07-kim-commits-dismantle-fissile-facilities')).toMatchObject({
      kind: 'event',
      known: '2019-01-31',
    });
    expect(late.every((f) => f.known <= '2019-03-01')).toBe(true);
    await expect(
      buildBrief(store, { caseId: DEFAULT_CASE, asOf: '2019-03-01', knownBy: '2018-10-07' }),
    ).rejects.toThrow(/--known-by 2018-10-07 is before the date asked about \(2019-03-01\)/);
  });

  it('a note speaking of later events shows its later part only once it is known', async () => {
    const denuc = (b: Brief) =>
      b.scorecard.agreements
        .find((a) => a.name.startsWith('Joint Statement'))!
        .provisions.find((p) => p.text.includes('complete denuclearization'))!;
    const known = await brief('2019-01-15');
    const hindsight = await brief('2019-01-15', { hindsight: true });
    expect(JSON.stringify(denuc(known))).not.toMatch(/Hanoi/);
    expect(JSON.stringify(hindsight.hindsight)).toMatch(/The Hanoi offer \(2019-02-28\)/);
  });
});

describe('dates outside the record, and the default date', () => {
  it('says where the record ends when asked about a later date', async () => {
    const b = await brief('2019-06-01');
    expect(b.recordNote).toBe(
      'The record of this case ends on 2019-03-31: nothing after that date is in it, so this reads the case as it stood then.',
    );
    expect((await brief('2019-03-01')).recordNote).toBeNull();
  });

  it('brief and check use the same default date, and both say where it came from', async () => {
    const b = await buildBrief(store, { caseId: DEFAULT_CASE });
    const c = await checkConditions(store, DEFAULT_CASE, {});
    expect(b.asOf).toBe('2019-03-01');
    expect(c.reading).toEqual({ asOf: '2019-03-01', asOfChosenBy: 'case', knownBy: '2019-03-01' });
    expect(renderBrief(b, textStyle(false)).split('\n')[0]).toMatch(
      /brief as of 2019-03-01 \(the case's default date; give --as-of for another\), as known on 2019-03-01$/,
    );
    expect(c.conditions.map((x) => [x.id, x.verdict])).toEqual(b.conditions.map((x) => [x.id, x.verdict]));
  });
});

describe('citations', () => {
  it('the headline cites the op-ed itself; Markdown gives numbered footnotes with links', async () => {
    const b = await brief('2018-10-07');
    const text = renderBrief(b, textStyle(false));
    expect(text).toMatch(
      /The condition as argued in "Mike Pompeo must not visit Pyongyang without this North Korean concession", Washington Examiner \(opinion\), September 2018, https:\/\/www\.washingtonexaminer\.com\/opinion\/352008\/mike-pompeo-must-not-visit-pyongyang-without-this-north-korean-concession\./,
    );
    expect(text).not.toMatch(/as summarised in the Parley brief/);
    const md = renderBrief(b, markdownStyle);
    expect(md).toMatch(/Washington Examiner \(opinion\), September 2018\[\^1\]/);
    expect(md).toMatch(
      /\n\[\^1\]: "Mike Pompeo must not visit Pyongyang without this North Korean concession", Washington Examiner \(opinion\), September 2018, <https:\/\/www\.washingtonexaminer\.com\/opinion\/352008\/[^>]+>\n/,
    );
    const marks = new Set(md.match(/\[\^\d+\](?!:)/g));
    const notes = md.match(/^\[\^\d+\]:/gm) ?? [];
    expect(notes.length).toBe(marks.size);
    expect(md).toMatch(/\n## Sources\n/);
  });
});
