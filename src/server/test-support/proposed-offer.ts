import { eventCode } from '../../cameo/event-codes.js';
import type { LedgerEvent } from '../../model/event.js';
import type { Store } from '../../store/store.js';

const FIVE_KEY_SITES = [
  'yongbyon-5mwe-reactor',
  'yongbyon-enrichment-plant',
  'kangson',
  'sanumdong',
  'yongbyon-radiochemical-laboratory',
];
const QUOTE = 'Kim said he would admit IAEA inspectors to five key operational sites.';

/**
 * A proposed move made up for tests (never part of a case): a North Korean offer of IAEA
 * inspections at five key operational sites on 2018-10-01. Confirmed, it meets the built-in
 * case's headline precondition on 2018-10-07; proposed, it changes nothing.
 */
export async function addProposedOffer(store: Store, caseId: string): Promise<LedgerEvent> {
  const code = eventCode('0355')!;
  const start = QUOTE.indexOf('admit');
  const event: LedgerEvent = {
    id: 'test-kim-offers-iaea-inspections',
    caseId,
    date: '2018-10-01',
    sourceActor: 'kim-jong-un',
    sourceCode: 'PRKGOV',
    targetActor: 'usa',
    targetCode: 'USA',
    code: code.code,
    goldstein: code.goldstein,
    quadClass: code.quadClass,
    summary: 'Test fixture: Kim offers IAEA inspections at five key operational sites.',
    facilities: FIVE_KEY_SITES,
    sources: [
      {
        publisher: 'Parley test fixture',
        date: '2018-10-01',
        quote: QUOTE,
        span: [start, start + 'admit IAEA inspectors'.length],
      },
    ],
    provenance: 'read',
    status: 'proposed',
    verification: 'claimed',
    confidence: 0.8,
    commitment: { verifier: 'inspecting-body', by: 'IAEA', status: 'offered' },
  };
  await store.transaction(async (tx) => {
    await tx.events.insert([event], null);
    await tx.aggregates.refreshDays(caseId, [event.date]);
  });
  return event;
}
