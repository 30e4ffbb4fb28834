/**
 * Styles of the analytics pages on top of the shared theme (which the shell loads). Rendered
 * once as a <style> element by the layout, so the remote needs no CSS loading of its own.
 * Colours are theme variables; nothing relies on colour alone (every status has text).
 */
export const analyticsCss = `
.an-subnav { margin: 0 0 var(--wg-space-6); border-bottom: 1px solid var(--wg-color-border-subtle); }
.an-subnav ul { display: flex; flex-wrap: wrap; gap: var(--wg-space-1); margin: 0; padding: 0; list-style: none; }
.an-subnav a { display: inline-block; padding: var(--wg-space-2) var(--wg-space-3); border-radius: var(--wg-radius) var(--wg-radius) 0 0; font-weight: 600; text-decoration: none; color: var(--wg-color-primary); }
.an-subnav a:hover { text-decoration: underline; background: var(--wg-color-info-bg); }
.an-subnav a[aria-current="page"] { color: var(--wg-color-text); box-shadow: inset 0 -4px 0 var(--wg-color-primary); }
.an-filters { border: 1px solid var(--wg-color-border-subtle); border-radius: var(--wg-radius); background: var(--wg-color-surface); padding: var(--wg-space-4); margin: 0 0 var(--wg-space-6); }
.an-filters__grid { display: grid; gap: 0 var(--wg-space-4); grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); align-items: start; }
.an-filters .wg-field { margin-bottom: var(--wg-space-3); }
.an-filters .wg-field__input { width: 100%; }
.an-choices { border: 0; margin: 0 0 var(--wg-space-3); padding: 0; min-width: 0; }
.an-choices legend { font-weight: 600; padding: 0; margin-bottom: var(--wg-space-1); }
.an-choices__list { display: flex; flex-wrap: wrap; gap: var(--wg-space-1) var(--wg-space-4); }
.an-choices .wg-checkbox { margin-bottom: 0; align-items: center; }
.an-choices .wg-checkbox input { margin: 0; }
.an-more { margin-top: var(--wg-space-2); }
.an-more > summary { cursor: pointer; font-weight: 600; color: var(--wg-color-primary); padding: var(--wg-space-2) 0; }
.an-more[open] > summary { margin-bottom: var(--wg-space-3); }
.an-context { display: flex; flex-wrap: wrap; gap: var(--wg-space-2) var(--wg-space-6); margin: 0 0 var(--wg-space-4); color: var(--wg-color-text-muted); }
.an-context dt { display: inline; font-weight: 600; color: var(--wg-color-text); }
.an-context dd { display: inline; margin: 0 0 0 var(--wg-space-1); }
.an-context div { white-space: nowrap; }
.an-section { margin: 0 0 var(--wg-space-8); }
.an-section > h2 { font-size: 1.375rem; margin: 0 0 var(--wg-space-2); }
.an-section > h3 { font-size: 1.125rem; margin: var(--wg-space-4) 0 var(--wg-space-2); }
.an-section .an-section { margin-bottom: 0; }
.an-section > p.an-lead { margin: 0 0 var(--wg-space-4); color: var(--wg-color-text-muted); max-width: 56rem; }
.an-chart-table { display: grid; gap: var(--wg-space-6); grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); align-items: start; }
.an-table .wg-table__cell--end { white-space: nowrap; }
.an-table caption { font-weight: 600; }
.an-stacked { display: flex; flex-direction: column; gap: var(--wg-space-4); }
.an-drill-button { font: inherit; color: var(--wg-color-primary); background: none; border: 0; padding: 0 var(--wg-space-1); text-decoration: underline; cursor: pointer; min-height: 24px; min-width: 24px; }
.an-drill-button[aria-expanded='true'] { font-weight: 700; }
.an-drill-button:focus-visible { outline: 3px solid var(--wg-color-primary); outline-offset: 2px; }
.an-drill { border-left: 4px solid var(--wg-color-border); padding-left: var(--wg-space-4); }
.an-drill-head { display: flex; align-items: baseline; justify-content: space-between; gap: var(--wg-space-4); }
.an-drill-head > h2 { font-size: 1.375rem; margin: 0 0 var(--wg-space-2); }
.an-chart { width: 100%; min-width: 0; }
.an-stats { display: grid; gap: var(--wg-space-4); grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); margin: 0 0 var(--wg-space-6); }
.an-stats .wg-stat__value { font-size: 1.5rem; }
.an-muted { color: var(--wg-color-text-muted); }
.an-small { font-size: 0.875rem; }
.an-code { font-family: var(--wg-font-mono); font-size: 0.8125rem; word-break: break-word; }
.an-nowrap { white-space: nowrap; }
.an-badge { display: inline-flex; align-items: center; gap: 0.3em; padding: 0.05rem 0.5rem; border-radius: 999px; font-weight: 700; font-size: 0.875rem; white-space: nowrap; border: 1px solid currentColor; }
.an-badge--ok { color: var(--wg-color-success); background: var(--wg-color-success-bg); }
.an-badge--differs { color: var(--wg-color-danger); background: var(--wg-color-danger-bg); }
.an-badge--none { color: var(--wg-color-text-muted); background: var(--wg-color-surface); }
.an-badge--warn { color: var(--wg-color-warning); background: var(--wg-color-warning-bg); }
.an-verdicts { display: grid; gap: var(--wg-space-3); grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); margin: 0 0 var(--wg-space-6); padding: 0; list-style: none; }
.an-verdict { border: 1px solid var(--wg-color-border-subtle); border-left: 6px solid var(--wg-color-border); border-radius: var(--wg-radius); padding: var(--wg-space-3) var(--wg-space-4); }
.an-verdict--significant { border-left-color: var(--wg-color-primary); }
.an-verdict--too-small { border-left-color: var(--wg-color-warning); background: var(--wg-color-warning-bg); }
.an-verdict h3 { margin: 0 0 var(--wg-space-1); font-size: 1rem; }
.an-verdict p { margin: 0 0 var(--wg-space-1); }
.an-pvalue { font-variant-numeric: tabular-nums; font-weight: 700; }
.an-date-list { display: flex; flex-direction: column; gap: var(--wg-space-2); margin: 0 0 var(--wg-space-3); padding: 0; list-style: none; }
.an-date-list li { display: flex; align-items: flex-end; gap: var(--wg-space-2); flex-wrap: wrap; }
.an-date-list .wg-field { margin-bottom: 0; }
.an-actions { display: flex; flex-wrap: wrap; gap: var(--wg-space-2); margin: var(--wg-space-2) 0 var(--wg-space-4); }
.an-answer caption { font-size: 1.125rem; }
.an-answer-meta { margin: 0 0 var(--wg-space-4); }
.an-answer-meta dt { font-weight: 600; }
.an-answer-meta dd { margin: 0 0 var(--wg-space-2); }
.an-answer-meta code { font-family: var(--wg-font-mono); font-size: 0.8125rem; white-space: pre-wrap; word-break: break-word; }
.an-measures { display: flex; flex-direction: column; gap: var(--wg-space-4); }
@media (max-width: 64rem) {
  .an-chart-table { grid-template-columns: minmax(0, 1fr); }
  .an-filters__grid { grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); }
}
`;
