/** The admin page's stylesheet (inline, allowed by its hash: the page's CSP allows nothing else, not even style attributes). */
export const ADMIN_PAGE_STYLES = String.raw`
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d5dae3; --accent: #2450b8; --bad: #b3261e; --good: #1e6b35; --card: #fff; --page: #f3f5f9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--page); }
header.top { background: var(--ink); color: #fff; padding: .7rem 1.5rem; }
header.top h1 { margin: 0; font-size: 1.15rem; font-weight: 600; }
main { max-width: 62rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .6rem; }
h3 { font-size: 1rem; margin: 0; }
h2.flush { margin-top: 0; }
section.card, form.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.2rem; margin: .8rem 0; }
.row { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; }
label { font-weight: 500; }
input[type=text], input[type=password], select { font: inherit; padding: .3rem .45rem; border: 1px solid #aab2c0; border-radius: 5px; background: #fff; }
input[readonly] { background: #f7f8fa; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
button { font: inherit; padding: .3rem .8rem; border: 1px solid #aab2c0; border-radius: 5px; background: #fff; cursor: pointer; }
button:hover { border-color: var(--accent); }
button:disabled { opacity: .55; cursor: progress; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
button.danger { color: var(--bad); border-color: #e2b4b0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; background: #eef1f6; padding: .05rem .35rem; border-radius: 4px; }
.muted { color: var(--muted); }
.kind { font-size: .8rem; color: var(--muted); border: 1px solid var(--line); border-radius: 99px; padding: 0 .5rem; }
.key-head { display: flex; flex-wrap: wrap; gap: .6rem; align-items: baseline; margin-bottom: .6rem; }
.secret, .qr { margin: .6rem 0; padding: .6rem; border: 1px dashed #aab2c0; border-radius: 6px; background: #fbfcfe; }
.secret input { width: min(36rem, 100%); }
.qr img { display: block; width: 200px; height: 200px; background: #fff; }
fieldset { border: 1px solid var(--line); border-radius: 6px; margin: .6rem 0; padding: .5rem .8rem .7rem; }
legend { font-weight: 600; padding: 0 .3rem; }
fieldset.rule { background: #fafbfd; }
fieldset.rule.invalid { border-color: var(--bad); }
.rights label { font-weight: 400; margin-right: .5rem; }
details { margin-top: .4rem; }
summary { cursor: pointer; color: var(--accent); }
table.field-rights { border-collapse: collapse; margin-top: .4rem; }
table.field-rights th, table.field-rights td { text-align: left; padding: .15rem .6rem .15rem 0; }
table.field-rights th { font-weight: 500; font-size: .9rem; color: var(--muted); }
.status { color: var(--good); margin: .4rem 0 0; }
.status:empty { margin: 0; }
.error { color: var(--bad); background: #fdf1f0; border: 1px solid #efc6c2; border-radius: 6px; padding: .4rem .7rem; margin: .5rem 0 0; }
.error p { margin: 0; font-weight: 600; }
.error ul { margin: .2rem 0 0; padding-left: 1.2rem; }
.row-error { color: var(--bad); margin: .3rem 0 0; }
.save-row { margin-top: .6rem; }
.key-editor { margin-top: .8rem; }
svg.chart { display: block; background: #fbfcfe; border: 1px solid var(--line); border-radius: 4px; }
svg.chart .bar { fill: var(--accent); }
svg.chart .axis { stroke: #aab2c0; stroke-width: 1; }
table.usage { border-collapse: collapse; margin-top: .8rem; }
table.usage th, table.usage td { text-align: left; padding: .2rem .8rem .2rem 0; vertical-align: middle; }
table.usage thead th { font-weight: 500; font-size: .9rem; color: var(--muted); }
`;
