import { caseId, caseInfo } from '../case-state.js';
import { useApi } from '../use-api.js';
import { setParams } from '../url-state.js';

interface CaseList {
  cases: { id: string; title: string }[];
  /** Built-in cases the server loads on their first request. */
  notLoaded: string[];
}

/**
 * The case in view, and the others the server holds (built-in ones included, loaded when first
 * opened). Changing case keeps the view and the knowledge; the as-of date goes back to the new
 * case's own default, since the old date may lie outside its span.
 */
export function CasePicker() {
  const list = useApi<CaseList>('/api/cases', false);
  const options = [
    ...(list.data?.cases ?? []).map((c) => ({ id: c.id, title: c.title })),
    ...(list.data?.notLoaded ?? []).map((id) => ({ id, title: id })),
  ];
  if (!options.some((o) => o.id === caseId.value))
    options.unshift({ id: caseId.value, title: caseInfo.value?.title ?? caseId.value });
  return (
    <label class="case-picker">
      <span class="visually-hidden">Case</span>
      <select
        value={caseId.value}
        onChange={(e) => setParams({ case: (e.target as HTMLSelectElement).value, asOf: null, knownBy: null })}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.title}
          </option>
        ))}
      </select>
    </label>
  );
}
