/**
 * ICEWS sector names to CAMEO agent roles, for building an actor code (`North Korea` + `Military`
 * → `PRKMIL`). ICEWS lists several sectors per actor (`Executive,Executive Office,Government`); the
 * first rule that matches any of them wins, most specific first. The sector words are those of the
 * ICEWS files (andybega/icews sample); the role codes are CAMEO's
 * (codebook v1.1b3, agent codes). The raw sector list is always kept beside the code.
 */
const RULES: readonly [RegExp, string][] = [
  [/\b(military|army|navy|air force|armed forces|defense|defence)\b/i, 'MIL'],
  [/\b(police|law enforcement)\b/i, 'COP'],
  [/\b(rebel|insurgent|separatist)/i, 'REB'],
  [/\bopposition\b/i, 'OPP'],
  [/\b(judicial|court|judge)/i, 'JUD'],
  [/\b(legislative|parliament|congress)/i, 'LEG'],
  [/\b(executive|government|cabinet|ministry|foreign affairs|diplomat)/i, 'GOV'],
  [/\b(media|news|journalis)/i, 'MED'],
  [/\b(business|corporate|industry)/i, 'BUS'],
  [/\b(education|university|students?)\b/i, 'EDU'],
  [/\b(intelligence|spy)\b/i, 'SPY'],
  [/\b(criminal|crime)\b/i, 'CRM'],
];

/** Splits an ICEWS sector list: commas, surrounding quotes and spaces off, sorted (its order varies). */
export function splitSectors(raw: string): string[] {
  return raw
    .split(',')
    .map((s) =>
      s
        .trim()
        .replace(/^"+|"+$/g, '')
        .trim(),
    )
    .filter((s) => s !== '' && s !== 'NA')
    .sort();
}

export function roleOfSectors(sectors: readonly string[]): string {
  for (const [re, role] of RULES) for (const s of sectors) if (re.test(s)) return role;
  return '';
}
