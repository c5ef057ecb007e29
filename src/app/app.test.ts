import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addReadEvents } from '../case/add-read-events.js';
import { loadCaseFolder } from '../case/load-case.js';
import { NotFoundError, ValidationError } from '../model/errors.js';
import type { ReadEvent } from '../reader/read-article.js';
import type { Store } from '../store/store.js';
import { openTestStore, TEST_DIALECTS, type TestStore } from '../store/test-support/test-stores.js';
import { cliActing } from './acting.js';
import { likelyDuplicates } from './likely-duplicates.js';
import { listEvents } from './list-events.js';
import { listProposals } from './list-proposals.js';
import { recordMove } from './record-move.js';
import { type EventChanges, reviewEvent, reviewEvents } from './review-event.js';

const MINI = fileURLToPath(new URL('../case/fixtures/mini/', import.meta.url));

const typed = (date: string, source: string, code: string, target?: string) => ({
  caseId: 'mini',
  date,
  source,
  code,
  ...(target ? { target } : {}),
  summary: `${source} ${code} ${target ?? ''}`,
  sources: [{ publisher: 'Test Wire' }],
  status: 'proposed' as const,
});

describe.each(TEST_DIALECTS)('user actions on %s', (dialect) => {
  let t: TestStore;
  let store: Store;
  beforeEach(async () => {
    t = await openTestStore(dialect);
    store = t.store;
    await loadCaseFolder(store, MINI);
  });
  afterEach(() => t.close());

  describe('listEvents', () => {
    const ids = async (input: Parameters<typeof listEvents>[1]) => (await listEvents(store, input)).map((e) => e.id);

    it('takes a person by id: that person alone, under every role held', async () => {
      expect(await ids({ caseId: 'mini', actors: ['envoy'] })).toEqual([
        '2018-03-31-envoy-visit',
        '2018-05-09-envoy-visit',
        '2018-10-07-envoy-visit',
      ]);
    });
    it('takes a state by id as everything under its code, and codes in either case', async () => {
      const byId = await ids({ caseId: 'mini', sources: ['usa'] });
      expect(byId).toEqual(await ids({ caseId: 'mini', sources: ['USA'] }));
      expect(byId).toContain('2018-05-09-envoy-visit');
      expect(await ids({ caseId: 'mini', sources: ['usagov'] })).toEqual([
        '2018-05-09-envoy-visit',
        '2018-10-07-envoy-visit',
      ]);
    });
    it('mixes ids and codes on one side', async () => {
      expect(await ids({ caseId: 'mini', sources: ['envoy', 'PRK'], codes: ['0355', '042'] })).toEqual([
        '2018-03-31-envoy-visit',
        '2018-05-09-envoy-visit',
        '2018-10-07-envoy-visit',
        '2018-10-07-offer',
      ]);
    });
    it('refuses a name that is neither an actor nor a code of the case, naming near actors', async () => {
      await expect(listEvents(store, { caseId: 'mini', actors: ['env'] })).rejects.toThrow(
        /--actor "env" is neither an actor of case mini nor a CAMEO actor code .*did you mean envoy\?/,
      );
      await expect(listEvents(store, { caseId: 'nope' })).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('recordMove and the review queue', () => {
    it('puts a typed move in the queue with --proposed, flagged when it repeats a recorded move', async () => {
      const near = await recordMove(cliActing(store), typed('2018-10-08', 'envoy', '043', 'prk'));
      expect(near.event.status).toBe('proposed');
      expect(near.duplicates.map((d) => d.id)).toEqual(['2018-10-07-envoy-visit']);
      // Another root, or three days away from every other, is not the same move.
      expect((await recordMove(cliActing(store), typed('2018-10-08', 'envoy', '057', 'prk'))).duplicates).toEqual([]);
      expect((await recordMove(cliActing(store), typed('2018-10-11', 'envoy', '042', 'prk'))).duplicates).toEqual([]);
      // The other direction of the same pair is the same move (a visit, and the host's meeting).
      const hosted = await recordMove(cliActing(store), typed('2018-10-06', 'prk', '043', 'usa'));
      expect(hosted.duplicates.map((d) => d.id)).toEqual(['2018-10-07-envoy-visit', near.event.id]);
      const queue = await listProposals(store, 'mini');
      expect(queue.map((p) => [p.event.id, p.duplicates.map((d) => d.status)])).toEqual([
        ['2018-10-06-prk-043-usa', ['confirmed', 'proposed']],
        ['2018-10-08-envoy-043-prk', ['confirmed', 'proposed']],
        ['2018-10-08-envoy-057-prk', []],
        ['2018-10-11-envoy-042-prk', []],
      ]);
    });
    it('records straight into the ledger without --proposed', async () => {
      const { event } = await recordMove(cliActing(store), {
        ...typed('2018-11-20', 'envoy', '040', 'prk'),
        status: 'confirmed',
      });
      expect(event.status).toBe('confirmed');
      expect(await listProposals(store, 'mini')).toEqual([]);
    });
    it('confirms and rejects all or none', async () => {
      const a = (await recordMove(cliActing(store), typed('2018-11-20', 'envoy', '040', 'prk'))).event.id;
      const b = (await recordMove(cliActing(store), typed('2018-11-21', 'envoy', '040', 'prk'))).event.id;
      await expect(reviewEvents(cliActing(store), 'mini', [a, 'no-such-id'], { action: 'confirm' })).rejects.toThrow(
        /no event "no-such-id" in case mini; nothing was changed/,
      );
      expect((await listProposals(store, 'mini')).length).toBe(2);
      expect(await reviewEvents(cliActing(store), 'mini', [a], { action: 'confirm' })).toBe(1);
      expect(await reviewEvents(cliActing(store), 'mini', [b], { action: 'reject', reason: 'no such move' })).toBe(1);
      expect(await listProposals(store, 'mini')).toEqual([]);
      expect((await listEvents(store, { caseId: 'mini', statuses: ['rejected'] })).map((e) => e.id)).toEqual([b]);
    });
  });

  describe('editing a proposal', () => {
    const edit = (id: string, changes: EventChanges) =>
      reviewEvent(cliActing(store), 'mini', id, { action: 'edit', changes });

    it('corrects date, actors, code, target and facilities, and checks them as a typed move', async () => {
      const { event } = await recordMove(cliActing(store), typed('2018-10-01', 'prk', '010'));
      const edited = await edit(event.id, {
        date: '2018-10-07',
        source: 'envoy',
        target: 'prk',
        code: '042',
        facilities: ['site-b'],
      });
      expect(edited.event).toMatchObject({
        id: event.id,
        date: '2018-10-07',
        sourceActor: 'envoy',
        sourceCode: 'USAGOV',
        sourceTitle: 'Secretary of State',
        targetActor: 'prk',
        code: '042',
        goldstein: 1.9,
        facilities: ['site-b'],
        status: 'proposed',
        sources: [{ publisher: 'Test Wire' }],
      });
      expect((await likelyDuplicates(store, [edited.event])).get(event.id)?.map((d) => d.id)).toEqual([
        '2018-10-07-envoy-visit',
      ]);
      const [stored] = await listEvents(store, { caseId: 'mini', statuses: ['proposed'] });
      expect(stored).toEqual(edited.event);
      const untargeted = await edit(event.id, { target: null });
      expect(untargeted.event.targetActor).toBeUndefined();
      await expect(edit(event.id, { code: '0433' })).rejects.toBeInstanceOf(ValidationError);
      await expect(edit(event.id, { source: 'nobody' })).rejects.toThrow(/unknown actor/);
    });
    it('keeps what a read proposal was read from', async () => {
      const read: ReadEvent = {
        sentence: 0,
        date: '2018-10-07',
        source: 'USAGOV',
        target: 'PRKGOV',
        code: '043',
        mode: 'asserted',
        quote: 'Pompeo met Kim.',
        span: [0, 10],
        confidence: 0.9,
        rule: 'test',
      };
      const article = { name: 'a.txt', date: '2018-10-08', text: 'Pompeo met Kim.' };
      expect((await addReadEvents(store, 'mini', [read], article)).added).toBe(1);
      const [proposal] = await listProposals(store, 'mini');
      await edit(proposal!.event.id, { date: '2018-10-06' });
      expect((await addReadEvents(store, 'mini', [read], article)).alreadyRead).toBe(true);
    });
  });
});
