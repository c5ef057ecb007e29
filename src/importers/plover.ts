/**
 * PLOVER event categories (POLECAT's `Event Type`) to the CAMEO root code whose events they cover,
 * so that imported POLECAT rows sit in the same dyad aggregates as CAMEO-coded ones. The pairs are
 * our reading of the category definitions in the PLOVER manual (openeventdata/PLOVER,
 * PLOVER_MANUAL.tex) against the CAMEO codebook v1.1b3 roots; the category itself is always kept
 * beside the code. PLOVER has no counterpart of CAMEO 01 (statements) or 09 (investigate).
 */
export const PLOVER_TO_CAMEO_ROOT: Readonly<Record<string, string>> = {
  AGREE: '03', // express intent to cooperate, agree to
  CONSULT: '04',
  SUPPORT: '05', // engage in diplomatic cooperation
  CONCEDE: '08', // yield
  COOPERATE: '06', // engage in material cooperation
  AID: '07',
  RETREAT: '08', // yield: de-escalate, withdraw (087)
  REQUEST: '02', // appeal
  ACCUSE: '11', // disapprove
  REJECT: '12',
  THREATEN: '13',
  PROTEST: '14',
  SANCTION: '16', // reduce relations
  MOBILIZE: '15', // exhibit force posture
  COERCE: '17',
  ASSAULT: '18',
};

/** POLECAT's text quad labels (and the numbers 1–4) to CAMEO quad classes. */
export function quadOfLabel(label: string): number | undefined {
  switch (label.trim().toUpperCase().replace(/_/g, ' ')) {
    case '1':
    case 'VERBAL COOPERATION':
      return 1;
    case '2':
    case 'MATERIAL COOPERATION':
      return 2;
    case '3':
    case 'VERBAL CONFLICT':
      return 3;
    case '4':
    case 'MATERIAL CONFLICT':
      return 4;
    default:
      return undefined;
  }
}
