// Matrix styles for the self-contained report: light and dark through prefers-color-scheme.
// The webview uses media/matrix.css, which maps the same classes onto VS Code's theme variables.
export const REPORT_CSS = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --head: #f6f8fa;
  --finding-bg: #ffebe9; --finding-fg: #a40e26; --met-bg: #dafbe1; --met-fg: #116329; --nc-bg: #fff8c5; --nc-fg: #7d4e00;
  --aws-bg: #ddf4ff; --aws-fg: #0a3069; --na-fg: #8c959f; --focus: #0969da; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --head: #151b23;
    --finding-bg: #3c1618; --finding-fg: #ff9492; --met-bg: #12261e; --met-fg: #6fdd8b; --nc-bg: #2e2a16; --nc-fg: #e3b341;
    --aws-bg: #0c2d6b; --aws-fg: #a5d6ff; --na-fg: #6e7681; --focus: #4493f8; }
}
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem; background: var(--bg); color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; } h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; } h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.meta { color: var(--muted); margin: 0 0 1rem; }
.summary { display: flex; flex-wrap: wrap; gap: .5rem; margin-bottom: 1rem; }
.stat { border: 1px solid var(--border); border-radius: 6px; padding: .5rem .8rem; min-width: 8rem; background: var(--head); }
.stat .n { display: block; font-size: 1.4rem; font-weight: 600; } .stat .l { color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: flex-end; margin-bottom: .75rem; }
.filter { display: flex; flex-direction: column; gap: .2rem; font-size: .85rem; color: var(--muted); }
select, button { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 6px; padding: .3rem .5rem; }
select:focus-visible, button:focus-visible, a:focus-visible, .table-wrap:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
#visible-count { margin: 0; color: var(--muted); }
.table-wrap { overflow: auto; max-height: 75vh; border: 1px solid var(--border); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; padding: .5rem; color: var(--muted); caption-side: top; }
th, td { border-bottom: 1px solid var(--border); padding: .35rem .5rem; text-align: left; vertical-align: top; }
thead th { position: sticky; top: 0; background: var(--head); z-index: 1; font-size: .8rem; }
th.layer { min-width: 6.5rem; }
tbody th { font-weight: 600; white-space: nowrap; }
.type { display: block; font-weight: normal; color: var(--muted); font-size: .8rem; }
td.file, td.team { white-space: nowrap; color: var(--muted); }
.none { font-style: italic; }
.cell { font-size: .8rem; white-space: nowrap; }
.cell a, .cell button { color: inherit; text-decoration: none; background: none; border: 0; padding: 0; cursor: pointer; }
.cell .ow { display: block; opacity: .75; font-size: .72rem; }
.s-finding { background: var(--finding-bg); color: var(--finding-fg); font-weight: 600; }
.s-met { background: var(--met-bg); color: var(--met-fg); }
.s-not-checked { background: var(--nc-bg); color: var(--nc-fg); }
.s-verified { background: var(--met-bg); color: var(--met-fg); }
.s-aws { background: var(--aws-bg); color: var(--aws-fg); }
.s-n\\/a, .s-unknown { color: var(--na-fg); }
.dim { opacity: .25; }
.legend ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .75rem; }
.legend .cell { padding: .1rem .4rem; border-radius: 4px; }
.sev { text-transform: uppercase; font-size: .7rem; font-weight: 700; padding: .05rem .3rem; border-radius: 4px; border: 1px solid currentColor; }
.sev-critical, .sev-high { color: var(--finding-fg); } .sev-medium { color: var(--nc-fg); } .sev-low, .sev-info { color: var(--muted); }
.findings .file { color: var(--muted); }
tr[hidden] { display: none; }
`;
