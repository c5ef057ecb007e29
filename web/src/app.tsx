import { useEffect } from 'preact/hooks';
import type { JSX } from 'preact';
import type { CaseInfo } from './api-types.js';
import { caseId, caseInfo, casePath } from './case-state.js';
import { listen, liveConnected, liveNotes } from './live.js';
import { AsOfControl } from './parts/as-of-control.js';
import { CasePicker } from './parts/case-picker.js';
import { KnowledgeControl } from './parts/knowledge-control.js';
import { can, session, signOut } from './session.js';
import { useApi } from './use-api.js';
import { navigate, viewHref, viewPath } from './url-state.js';
import { AdminView } from './views/admin-view.js';
import { CommitmentsView } from './views/commitments-view.js';
import { FacilitiesView } from './views/facilities-view.js';
import { IndicatorsView } from './views/indicators-view.js';
import { QuestionView } from './views/question-view.js';
import { ReadView } from './views/read-view.js';
import { ReciprocityView } from './views/reciprocity-view.js';
import { ReviewView } from './views/review-view.js';
import { TimelineView } from './views/timeline-view.js';
import { VIEWS } from './views/view-list.js';

const RENDER: Record<string, () => JSX.Element> = {
  '/': QuestionView,
  '/timeline': TimelineView,
  '/reciprocity': ReciprocityView,
  '/commitments': CommitmentsView,
  '/facilities': FacilitiesView,
  '/indicators': IndicatorsView,
  '/review': ReviewView,
  '/read': ReadView,
  '/admin': AdminView,
};

/** Follows a click on a link inside the app without reloading the page (new tabs and modified clicks left alone). */
function onLinkClick(e: MouseEvent): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as HTMLElement).closest('a');
  if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
  if (a.pathname.startsWith('/api/')) return;
  e.preventDefault();
  navigate(a.pathname + a.search);
}

export function App() {
  const info = useApi<CaseInfo>(`${casePath.value}/outline`, false);
  useEffect(() => {
    if (info.data) caseInfo.value = info.data;
  }, [info.data]);
  useEffect(() => listen(caseId.value), [caseId.value]);
  useEffect(() => {
    document.addEventListener('click', onLinkClick);
    return () => document.removeEventListener('click', onLinkClick);
  }, []);
  const path = viewPath.value;
  const entry = VIEWS.find((v) => v.path === path);
  const View = RENDER[path];
  const user = session.value;
  return (
    <div class="shell">
      <a class="skip" href="#main">
        Skip to the view
      </a>
      <header class="top">
        <div class="brand">
          <strong>Parley</strong> <CasePicker />
        </div>
        <AsOfControl />
        <KnowledgeControl />
        <div class="who">
          {user ? `${user.name} (${user.role})` : ''}{' '}
          <button type="button" class="link" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <nav class="views" aria-label="Views">
        {VIEWS.filter((v) => can(v.role) && (!v.needs || (caseInfo.value?.[v.needs] ?? 0) > 0)).map((v) => (
          <a key={v.path} href={viewHref(v.path)} aria-current={v.path === path ? 'page' : undefined}>
            {v.label}
          </a>
        ))}
        <span class="live" role="status" title={liveNotes.value.map((n) => `${n.at} ${n.text}`).join('\n')}>
          {liveConnected.value ? '● live' : '○ offline'}
          {liveNotes.value[0] ? `: ${liveNotes.value[0].text}` : ''}
        </span>
      </nav>
      <main id="main" tabIndex={-1}>
        {info.error && !caseInfo.value ? <p class="error">{info.error}</p> : null}
        {caseInfo.value?.id !== caseId.value ? (
          <p class="muted">Loading the case…</p>
        ) : !View || !entry ? (
          <p>
            No view at {path}. <a href={viewHref('/')}>The question</a>.
          </p>
        ) : !can(entry.role) ? (
          <p>This view needs the {entry.role} role.</p>
        ) : (
          <View />
        )}
      </main>
    </div>
  );
}
