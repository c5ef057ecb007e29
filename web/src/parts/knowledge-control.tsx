import { asOf, knownBy } from '../case-state.js';
import { dayNumber, isoOfDay } from '../dates.js';
import { setParams } from '../url-state.js';

type Choice = 'then' | 'hindsight' | 'by';

/**
 * What the dashboard knows on the as-of date, as `--hindsight` and `--known-by` choose for
 * `parley brief` and `check`: by default only what had been published by that date, so a verdict
 * reads as it could have been read then; hindsight adds what was learned later.
 */
export function KnowledgeControl() {
  const k = knownBy.value;
  const day = asOf.value;
  const choice: Choice = k === day ? 'then' : k === null ? 'hindsight' : 'by';
  const choose = (next: Choice) => {
    if (next === 'then') setParams({ hindsight: null, knownBy: null });
    else if (next === 'hindsight') setParams({ hindsight: 'true', knownBy: null });
    // A known-by date starts a year on; the date field beside the choice then moves it.
    else setParams({ hindsight: null, knownBy: k ?? laterDay(day) });
  };
  return (
    <fieldset class="knowledge">
      <legend class="visually-hidden">What is known on the as-of date</legend>
      <label for="knowledge-choice">Knowledge</label>
      <select
        id="knowledge-choice"
        value={choice}
        onChange={(e) => choose((e.target as HTMLSelectElement).value as Choice)}
      >
        <option value="then">as known on {day}</option>
        <option value="hindsight">in hindsight (everything on record)</option>
        <option value="by">as known by a later date…</option>
      </select>
      {choice === 'by' ? (
        <input
          type="date"
          aria-label="Known by"
          value={k ?? ''}
          min={day}
          onChange={(e) => {
            const v = (e.target as HTMLInputElement).value;
            if (/^\d{4}-\d{2}-\d{2}$/.test(v) && v >= day) setParams({ knownBy: v });
          }}
        />
      ) : null}
    </fieldset>
  );
}

/** 365 days after a day, as a first known-by date. */
function laterDay(day: string): string {
  return isoOfDay(dayNumber(day) + 365);
}
