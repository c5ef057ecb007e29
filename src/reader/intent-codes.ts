/**
 * Codes an action turns into when the news is the intent or the refusal rather than the act:
 * "Putin hopes the chancellor will visit Moscow" is 036 (intent to meet), "Kim refused to let
 * inspectors in" is 1245 (refuse to allow international involvement). Keyed by full code first,
 * then by root.
 */
const INTENT: Record<string, string> = {
  '04': '036',
  '040': '036',
  '041': '036',
  '042': '036',
  '043': '036',
  '044': '036',
  '045': '039',
  '046': '036',
  '05': '032',
  '050': '032',
  '051': '032',
  '052': '032',
  '053': '032',
  '054': '032',
  '057': '037',
  '06': '031',
  '061': '0311',
  '062': '0312',
  '063': '0313',
  '064': '0314',
  '07': '033',
  '071': '0331',
  '072': '0332',
  '073': '0333',
  '074': '0334',
  '075': '033',
  '08': '035',
  '081': '0351',
  '082': '0352',
  '083': '034',
  '0831': '0341',
  '0832': '0342',
  '0833': '0343',
  '0834': '0344',
  '084': '0353',
  '0841': '0353',
  '0842': '0353',
  '085': '0354',
  '086': '0355',
  '0861': '0355',
  '0862': '0355',
  '0863': '0355',
  '087': '0356',
  '0871': '0356',
  '0872': '0356',
  '0873': '0356',
  '0874': '0356',
  '03': '',
  '02': '',
  '01': '',
};

const REFUSAL: Record<string, string> = {
  '04': '125',
  '05': '120',
  '057': '127',
  '06': '121',
  '061': '1211',
  '062': '1212',
  '07': '122',
  '071': '1221',
  '072': '1222',
  '073': '1223',
  '074': '1224',
  '08': '124',
  '081': '1241',
  '082': '1242',
  '083': '123',
  '0831': '1231',
  '0832': '1232',
  '0833': '1233',
  '0834': '1234',
  '084': '1243',
  '0841': '1243',
  '0842': '1243',
  '085': '1244',
  '086': '1245',
  '0861': '1245',
  '0862': '1245',
  '0863': '1245',
  '087': '1246',
  '0871': '1246',
  '0872': '1246',
  '0873': '1246',
  '0874': '1246',
};

function lookup(table: Record<string, string>, code: string): string | undefined {
  const v = table[code] ?? table[code.slice(0, 3)] ?? table[code.slice(0, 2)];
  return v === '' ? undefined : v;
}

/**
 * Announced force or punishment is a threat: "Russia said it could strike", "Israel will respond
 * with force". Keyed like the tables above.
 */
const THREAT: Record<string, string> = {
  '15': '138',
  '17': '137',
  '171': '137',
  '172': '132',
  '1721': '1321',
  '1722': '1322',
  '1723': '1323',
  '1724': '1324',
  '173': '137',
  '174': '137',
  '175': '137',
  '18': '1383',
  '19': '138',
  '191': '1381',
  '192': '1382',
  '20': '138',
  '204': '1385',
  '2041': '1385',
  '2042': '1385',
  '16': '131',
  '160': '130',
  '161': '1313',
  '162': '1311',
  '163': '1312',
  '164': '134',
  '166': '136',
  // announced defiance ("would exceed the limit") is a threat; an "unless" makes it an ultimatum (139)
  '128': '130',
};

/** The 13x code for announcing a conflict act, or undefined for cooperative ones. */
export function threatCodeFor(code: string): string | undefined {
  // "said it might reconsider the summit": a threat announced is the threat itself
  if (code.startsWith('13')) return code;
  return lookup(THREAT, code);
}

/** The 03x code for announcing `code`, or undefined where CAMEO has none (conflict acts, appeals). */
export function intentCodeFor(code: string): string | undefined {
  return lookup(INTENT, code);
}

/** The 12x code for refusing to do `code`, or undefined. */
export function refusalCodeFor(code: string): string | undefined {
  return lookup(REFUSAL, code);
}
