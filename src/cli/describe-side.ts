import type { LedgerEvent } from '../model/event.js';

/** Who made a move, for people: an actor's id with the code it acted under, or the code alone for a state. */
export function describeSide(actorId: string | undefined, code: string | undefined): string {
  if (code === undefined) return '';
  if (actorId === undefined || actorId === code.toLowerCase()) return code;
  return `${actorId} (${code})`;
}

/** The cells that lead every table of moves: id, date, who, the CAMEO code, and at whom. */
export function moveCells(e: LedgerEvent): string[] {
  return [e.id, e.date, describeSide(e.sourceActor, e.sourceCode), e.code, describeSide(e.targetActor, e.targetCode)];
}
