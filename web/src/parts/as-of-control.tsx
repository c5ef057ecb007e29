import { useEffect, useState } from 'preact/hooks';
import { asOf, caseSpan } from '../case-state.js';
import { dayNumber, isoOfDay } from '../dates.js';
import { setParams } from '../url-state.js';

/**
 * The dashboard's as-of date: a date field and a slider over the case's span. Dragging the slider
 * moves the date shown at once and replaces the address; letting go applies it to every view.
 */
export function AsOfControl() {
  const span = caseSpan.value;
  const [draft, setDraft] = useState(asOf.value);
  useEffect(() => setDraft(asOf.value), [asOf.value]);
  const min = dayNumber(span.from);
  const max = dayNumber(span.to);
  const apply = (iso: string) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) setParams({ asOf: iso });
  };
  return (
    <fieldset class="asof">
      <legend class="visually-hidden">As-of date of every view</legend>
      <label for="asof-date">As of</label>
      <input
        id="asof-date"
        type="date"
        value={draft}
        min={span.from}
        max={span.to}
        onChange={(e) => apply((e.target as HTMLInputElement).value)}
      />
      <input
        type="range"
        aria-label={`As-of date between ${span.from} and ${span.to}`}
        aria-valuetext={draft}
        min={min}
        max={max}
        step={1}
        value={Math.min(max, Math.max(min, dayNumber(draft)))}
        onInput={(e) => setDraft(isoOfDay(Number((e.target as HTMLInputElement).value)))}
        onChange={(e) => apply(isoOfDay(Number((e.target as HTMLInputElement).value)))}
      />
    </fieldset>
  );
}
