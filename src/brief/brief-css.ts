/**
 * Styles of the HTML brief, on screen and in print (A4, the PDF brief is this page printed).
 * System fonts only, so the page loads nothing; verdicts carry a sign and a word beside their colour.
 */
export const BRIEF_CSS = `
:root { color-scheme: light; --ink: #1b1b1b; --dim: #5a5a5a; --rule: #d6d6d6; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 780px; margin: 0 auto; padding: 28px 24px 48px; }
h1 { font-size: 1.55em; line-height: 1.2; margin: 0 0 0.4em; }
h2 { font-size: 1.15em; margin: 1.6em 0 0.5em; padding-top: 0.4em; border-top: 1px solid var(--rule); }
p { margin: 0.35em 0; }
ul { margin: 0.2em 0 0.4em; padding-left: 1.3em; }
li { margin: 0.1em 0; }
.dim { color: var(--dim); }
.verdict { display: inline-block; padding: 0 0.45em; border-radius: 3px; font-weight: 700; font-size: 0.9em; letter-spacing: 0.02em; border: 1px solid transparent; }
.verdict-met { background: #009E73; color: #fff; }
.verdict-unmet { background: #D55E00; color: #fff; }
.verdict-unknown { background: #ddd; color: #000; border-color: #999; }
.verdict-not-stated { background: #fff; color: #333; border-color: #999; border-style: dashed; }
sup.fn { font-size: 0.72em; line-height: 0; }
sup.fn a { text-decoration: none; padding: 0 0.1em; }
table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; }
th, td { padding: 0.2em 0.7em; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { border-bottom: 1.5px solid #888; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
figure.chart { margin: 1em 0 1.4em; }
figure.chart > svg, figure.chart > figure { max-width: 100%; height: auto; }
figure.chart figcaption { margin-bottom: 0.3em; }
figure.chart .caption { font-size: 0.85em; color: var(--dim); }
#sources .source { font-size: 0.88em; padding-left: 2em; text-indent: -2em; overflow-wrap: anywhere; }
#sources .source .n { display: inline-block; width: 2em; text-indent: 0; }
a { color: #0a58a8; }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  h1, h2, figcaption { break-inside: avoid; }
  figure.chart, table, li { break-inside: avoid; }
  .verdict, .verdict-met, .verdict-unmet { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; }
}
`;
