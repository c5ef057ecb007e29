/** Who made a move, for people: an actor's id with the code it acted under, or the code alone for a state. */
export function describeSide(actorId: string | undefined, code: string | undefined): string {
  if (code === undefined) return '';
  if (actorId === undefined || actorId === code.toLowerCase()) return code;
  return `${actorId} (${code})`;
}
