import { readdirSync } from 'node:fs';
import type { CaseFileName } from './case-schema.js';
import { kindOf, WriteRefusedError, writeFilesSafely } from './write-files-safely.js';

/*
 * `parley case new DIR`: a case folder to start from. Every file holds one small entry with
 * comments that say what each field means, and the folder loads as it is, so a person can load
 * it, brief it, and then replace the entries with their own.
 */

const CASE_YAML = `# The case: its id (lower-case letters, digits and hyphens), title, and the settings briefs use.
id: my-case
title: My case (replace with the negotiation you follow)
description: >-
  What the case is about, in a sentence or two.
# The two parties whose reciprocity the brief reads, as CAMEO actor codes (USA, PRK, IRN, ...).
parties: [USA, PRK]
# The span the case covers, and the condition the brief opens with.
period: {from: 2018-01-01, to: 2018-12-31}
headlineCondition: stock-within-limit
# The date \`parley brief\` uses when none is given.
defaultAsOf: 2018-12-31
# Days within which a concession counts as answered.
responseDays: 30
`;

const ACTORS_YAML = `# Actors: states, organisations and people. A person acts under the code of the role held on a
# date (roles: [{code, title, from, to}]); a state or organisation has a code of its own.
- id: usa
  kind: state
  name: United States
  code: USA
- id: prk
  kind: state
  name: North Korea
  code: PRK
`;

const EVENTS_YAML = `# Events: who did what to whom, on what date, with a CAMEO event code (quoted: "042") and at
# least one source. A source's date is when it was published: the event is known from then.
- id: 2018-06-12-summit-statement
  date: 2018-06-12
  source: usa
  target: prk
  code: "057"
  summary: The two sides sign a joint statement.
  sources:
    - {publisher: Example News, date: 2018-06-12, link: "https://example.org/summit"}
  verification: observed
`;

const AGREEMENTS_YAML = `# Agreements and their provisions, each provision owed by actors, with dated implementation levels
# (0 not started, 1 minimal, 2 intermediate, 3 full, na).
- id: joint-statement
  name: Joint statement
  date: 2018-06-12
  parties: [usa, prk]
  sources:
    - {publisher: Example News, date: 2018-06-12}
  provisions:
    - id: stock-limit
      text: Keep the stock at or below 100 t.
      theme: limits
      owedBy: [prk]
      status:
        - {date: 2018-06-12, level: 0, sources: [{publisher: Example News, date: 2018-06-12}]}
`;

const FACILITIES_YAML = `# Facilities: sites with dated statuses (operational, dormant, partly-dismantled, dismantled,
# rebuilding, under-construction, unknown) and observations (who saw what, how verified).
- id: site-a
  name: Site A
  type: storage
  tags: [nuclear]
  location: somewhere
  country: PRK
  key: true
  status:
    - {date: 2018-01-01, status: operational, sources: [{publisher: Example News, date: 2018-01-02}]}
`;

const INDICATORS_YAML = `# Indicators: measured quantities with a unit, optionally at a facility, with the limit an
# agreement sets and dated measurements. Each measurement gives the date it refers to, the date it
# was reported (when it became known), one of value / range: [low, high] / above / below / atMost
# / atLeast, the verification (verified by an inspecting body, estimated by a named analyst,
# claimed by a party), who measured it, the report and paragraph, and its sources.
- id: stock
  name: Stock held at Site A
  unit: t
  facility: site-a
  limit: {atMost: 100, provision: joint-statement/stock-limit, from: 2018-06-12}
  measurements:
    - {refersTo: 2018-09-01, reported: 2018-09-10, value: 96.5, verification: verified, by: inspectors, report: R-1, paragraph: "4",
       sources: [{publisher: Inspectors, date: 2018-09-10}]}
`;

const CONDITIONS_YAML = `# Conditions: what one side requires before it moves, checked on any date. \`requires\` combines
# leaves with all / any / not; \`gates\` are the moves the condition holds back (listed when made
# while it was not met). An indicator leaf reads the latest measurement as of the date, at the
# verification asked for, no older than the window; no measurement is "unknown", never "met".
- id: stock-within-limit
  title: Relief only while the stock is verified within the limit
  question: Is the stock verified at or below 100 t?
  since: 2018-06-12
  gates:
    - {source: {code: USA}, target: {code: PRK}, codes: ["085"]}
  requires:
    indicator: {id: stock, atMost: 100, verification: verified, window: {days: 120}}
    label: stock at or below 100 t, verified in the last 120 days
`;

export const NEW_CASE_FILES: Record<CaseFileName, string> = {
  'case.yaml': CASE_YAML,
  'actors.yaml': ACTORS_YAML,
  'events.yaml': EVENTS_YAML,
  'agreements.yaml': AGREEMENTS_YAML,
  'facilities.yaml': FACILITIES_YAML,
  'conditions.yaml': CONDITIONS_YAML,
  'indicators.yaml': INDICATORS_YAML,
};

/**
 * Writes a new case folder (refused, writing nothing, when the folder holds anything). The id
 * given replaces the skeleton's. Returns the paths written.
 */
export function writeNewCaseFolder(dir: string, id?: string): string[] {
  const kind = kindOf(dir);
  if (kind === 'folder' && readdirSync(dir).length > 0)
    throw new WriteRefusedError(`${dir} is not empty; \`parley case new\` writes only into a new or empty folder`);
  const texts = new Map<CaseFileName, string>();
  for (const [name, text] of Object.entries(NEW_CASE_FILES) as [CaseFileName, string][])
    texts.set(name, name === 'case.yaml' && id ? text.replace(/^id: my-case$/m, `id: ${id}`) : text);
  return writeFilesSafely(dir, texts);
}
