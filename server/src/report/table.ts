// The matrix as an HTML fragment: summary, filters, table, unowned resources and findings. Shared by the
// self-contained report page and the editor webview, so both show the same thing. No scripts or styles here.
import { CELL_STATUS_TITLES, mapEach, type CellStatus, type MatrixRow, type MatrixView } from './matrix';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

/** HTML-escapes text for element content and quoted attributes. Most text has nothing to escape: returned as is. */
export function esc(s: string): string {
  return SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ESCAPES[c]!) : s;
}

const CELL_TEXT: Record<CellStatus, string> = { met: '✓ met', finding: '✗', 'not-checked': '○ not checked', verified: '☁ verified', aws: 'AWS', 'n/a': '—', unknown: '?' };
const OWNER_TEXT = { aws: 'AWS', customer: 'You', shared: 'Shared' } as const;

export interface TableOptions {
  /** Webview: cells and resource names become buttons that post "open" messages. Report: findings link to anchors. */
  interactive: 'report' | 'webview';
}

function select(id: string, label: string, options: { value: string; text: string }[]): string {
  return `<label class="filter" for="${id}"><span>${esc(label)}</span><select id="${id}" aria-label="Filter by ${esc(label.toLowerCase())}"><option value="">All</option>${options
    .map((o) => `<option value="${esc(o.value)}">${esc(o.text)}</option>`)
    .join('')}</select></label>`;
}

export function renderMatrixFragment(data: MatrixView, opts: TableOptions): string {
  return [...matrixFragmentLines(data, opts)].join('\n');
}

/** The fragment's lines (joined with newlines by renderMatrixFragment), one table row each, for writing in pieces. */
export function* matrixFragmentLines(data: MatrixView, opts: TableOptions): Generator<string> {
  const c = data.counts;
  yield* [`<section class="summary" aria-label="Counts">`];
  const stat = (id: string, n: number, label: string, cls = '') => `<div class="stat ${cls}"><span class="n" id="count-${id}">${n}</span><span class="l">${esc(label)}</span></div>`;
  yield* [
    stat('resources', c.resources, 'resources'),
    stat('findings', c.findings, 'findings', c.findings ? 's-finding' : ''),
    stat('finding-cells', c.cells.finding, 'duties not met', 's-finding'),
    stat('met-cells', c.cells.met, 'duties met', 's-met'),
    stat('not-checked-cells', c.cells['not-checked'], 'duties not checked', 's-not-checked'),
    stat('aws-cells', c.cells.aws, 'carried by AWS', 's-aws'),
  ];
  if (data.ownersConfigured) yield* [stat('unowned', c.unowned, 'without an owner', c.unowned ? 's-finding' : '')];
  yield* [`</section>`];

  yield* [`<form class="filters" id="filters" role="search" aria-label="Filter the matrix">`];
  yield* [select('f-file', 'File', data.files.map((f) => ({ value: f, text: f })))];
  yield* [select('f-service', 'Service', data.services.map((s) => ({ value: s.id, text: s.name })))];
  if (data.teams.length) yield* [select('f-team', 'Team', [...data.teams.map((t) => ({ value: t, text: t })), { value: '-', text: '(no owner)' }])];
  yield* [select('f-owner', 'Owner', [{ value: 'customer', text: 'You' }, { value: 'shared', text: 'Shared' }, { value: 'aws', text: 'AWS' }])];
  yield* [select('f-status', 'Status', (['finding', 'not-checked', 'met', 'verified', 'aws'] as CellStatus[]).map((s) => ({ value: s, text: CELL_STATUS_TITLES[s] })))];
  yield* [`<button type="reset" id="f-reset">Clear filters</button>`];
  yield* [`<p id="visible-count" role="status" aria-live="polite">Showing ${data.rows.length} of ${data.rows.length} resources</p>`];
  yield* [`</form>`];

  if (data.rows.length === 0) {
    yield* [`<p class="empty">No AWS resources were found.</p>`];
    return;
  }
  yield* [`<div class="table-wrap" tabindex="0" role="region" aria-label="Responsibility matrix, scrollable">`];
  yield* [`<table id="matrix"><caption>Each row is a resource; each column a security duty. Cells show who owns it and whether the code meets it.</caption>`];
  yield* [
    `<thead><tr><th scope="col">Resource</th><th scope="col">File</th>${data.teams.length > 0 || data.ownersConfigured ? '<th scope="col">Team</th>' : ''}${data.layers
      .map((l) => `<th scope="col" class="layer">${esc(l.title)}</th>`)
      .join('')}</tr></thead>`,
  ];
  yield* ['<tbody>'];
  const withTeam = data.teams.length > 0 || data.ownersConfigured;
  let i = 0;
  const tableRows = data.rows.pieces?.('html-row');
  if (tableRows) for (const piece of tableRows) yield withIndex(piece, i++);
  else for (const r of data.rows) yield matrixTableRow(r, String(i++), withTeam, opts);
  yield* ['</tbody></table></div>'];

  if (data.account) {
    const a = data.account;
    yield* [`<section class="account" aria-labelledby="account-h"><h2 id="account-h">Account ${esc(a.account)} (${esc(a.region)})</h2><p class="meta">${esc(a.arn)} · checked ${esc(a.checkedAt)}</p>`];
    yield* [`<table class="account-facts"><caption>What the account itself enforces</caption><thead><tr><th scope="col">Control</th><th scope="col">State</th></tr></thead><tbody>${a.facts
      .map((f) => `<tr><th scope="row">${esc(f.title)}</th><td class="${f.known ? '' : 's-not-checked'}">${esc(f.text)}</td></tr>`)
      .join('')}</tbody></table>`];
    if (a.issues.length)
      yield* [`<ul class="account-issues">${a.issues.map((i) => `<li><span class="sev sev-${esc(i.severity)}">${esc(i.severity)}</span> ${esc(i.title)} — ${esc(i.detail)} <code>${esc(i.control)}</code></li>`).join('')}</ul>`];
    yield* ['</section>'];
  }

  yield* [`<section class="legend" aria-label="Legend"><h2>Legend</h2><ul>${(['finding', 'not-checked', 'met', 'verified', 'aws', 'n/a'] as CellStatus[])
    .map((s) => `<li><span class="cell s-${s}">${esc(CELL_TEXT[s])}</span> ${esc(CELL_STATUS_TITLES[s])}</li>`)
    .join('')}</ul><p>Owner: <strong>You</strong> = the customer's duty alone, <strong>Shared</strong> = AWS provides the mechanism and you configure it, <strong>AWS</strong> = AWS carries it.</p></section>`];

  if (data.ownersConfigured) {
    yield* [`<section class="unowned" aria-labelledby="unowned-h"><h2 id="unowned-h">Resources without an owner (${data.unowned.length})</h2>`];
    yield* [data.unowned.length ? `<ul>${data.unowned.map((u) => `<li><code>${esc(u.address)}</code> — ${esc(u.displayFile)}:${u.line}</li>`).join('')}</ul>` : '<p>Every resource has an owner.</p>'];
    yield* ['</section>'];
  }

  // A second pass over the rows (read back again when they are not in memory), in the same order as the table.
  let section = false;
  i = 0;
  const findings = data.rows.pieces?.('html-findings') ?? mapEach(data.rows, (r, k) => matrixRowFindings(r, String(k), data.layers));
  for (const piece of findings) {
    const k = i++;
    if (!piece) continue;
    if (!section) yield* [`<section class="findings" aria-labelledby="findings-h"><h2 id="findings-h">Findings</h2>`];
    section = true;
    yield withIndex(piece, k);
  }
  if (section) yield* ['</section>'];
}

/**
 * Stands for the row's index in a pre-rendered row (`demarc report` renders rows in its worker threads before
 * they are sorted). It cannot occur in the rendered text otherwise: every text from the code goes through esc().
 */
export const ROW_INDEX = '<#>';

function withIndex(piece: string, i: number): string {
  return piece.replaceAll(ROW_INDEX, String(i));
}


/** A row of the matrix table; `i` is the row's index (or ROW_INDEX). */
export function matrixTableRow(r: MatrixRow, i: string, withTeam: boolean, opts: TableOptions): string {
  const attrs = `data-row="${i}" data-file="${esc(r.displayFile)}" data-service="${esc(r.service)}" data-team="${esc(r.team ?? '-')}"`;
  const name =
    opts.interactive === 'webview'
      ? `<button type="button" class="open" data-action="open" data-row="${i}" title="Open ${esc(r.displayFile)}:${r.line}">${esc(r.address)}</button>`
      : `<span class="addr">${esc(r.address)}</span>`;
  const cells = r.cells
    .map((cell) => {
      const label = `${esc(cell.layer)}`;
      const ownerText = cell.owner ? OWNER_TEXT[cell.owner] : '';
      const text = cell.status === 'finding' ? `✗ ${cell.findings.length}` : CELL_TEXT[cell.status];
      const title = `${CELL_STATUS_TITLES[cell.status]}${ownerText ? ` · owner: ${ownerText}` : ''} — ${cell.why}${cell.findings.length ? ' — ' + cell.findings.map((f) => `${f.ruleId}: ${f.message}`).join('; ') : cell.rules.length ? ' — checked by ' + cell.rules.join(', ') : ''}`;
      let inner = `<span class="st">${esc(text)}</span>${ownerText && cell.status !== 'aws' ? `<span class="ow">${esc(ownerText)}</span>` : ''}`;
      if (cell.status === 'finding') {
        inner =
          opts.interactive === 'webview'
            ? `<button type="button" data-action="finding" data-row="${i}" data-layer="${label}" aria-label="${esc(title)}">${inner}</button>`
            : `<a href="#f-${i}" aria-label="${esc(title)}">${inner}</a>`;
      } else if (opts.interactive === 'webview' && cell.status !== 'aws' && cell.status !== 'n/a') {
        inner = `<button type="button" data-action="open" data-row="${i}" data-layer="${label}" aria-label="${esc(title)}">${inner}</button>`;
      }
      return `<td class="cell s-${cell.status}${cell.owner ? ' o-' + cell.owner : ''}" data-layer="${label}" data-status="${cell.status}" data-owner="${cell.owner ?? ''}" title="${esc(title)}">${inner}</td>`;
    })
    .join('');
  return `<tr ${attrs}><th scope="row">${name}<span class="type">${esc(r.type)}</span></th><td class="file">${esc(r.displayFile)}:${r.line}</td>${withTeam ? `<td class="team">${r.team ? esc(r.team) : '<span class="none">none</span>'}</td>` : ''}${cells}</tr>`;
}

/** A row's entry in the findings section (its lines joined with newlines), or '' when it has no findings. */
export function matrixRowFindings(r: MatrixRow, i: string, layers: MatrixView['layers']): string {
  if (!r.cells.some((c) => c.findings.length)) return '';
  const lines = [`<h3 id="f-${i}"><code>${esc(r.address)}</code> <span class="file">${esc(r.displayFile)}:${r.line}</span></h3><ul>`];
  for (const cell of r.cells)
    for (const f of cell.findings)
      lines.push(`<li><span class="sev sev-${esc(f.severity)}">${esc(f.severity)}</span> <code>${esc(f.ruleId)}</code> ${esc(f.message)} <span class="file">(line ${f.line}, ${esc(layers.find((l) => l.id === cell.layer)?.title ?? cell.layer)})</span></li>`);
  lines.push('</ul>');
  return lines.join('\n');
}

/** Filtering and count updates, shared verbatim by the report page (inline, hashed in the CSP) and the matrix webview. */
export const FILTER_SCRIPT = `(function () {
  var byId = function (id) { return document.getElementById(id); };
  var sel = { file: byId('f-file'), service: byId('f-service'), team: byId('f-team'), owner: byId('f-owner'), status: byId('f-status') };
  var rows = Array.prototype.slice.call(document.querySelectorAll('#matrix tbody tr[data-row]'));
  var count = byId('visible-count');
  function val(s) { return s ? s.value : ''; }
  function apply() {
    var o = val(sel.owner), s = val(sel.status), shown = 0;
    rows.forEach(function (tr) {
      var ok = (!val(sel.file) || tr.getAttribute('data-file') === val(sel.file)) &&
        (!val(sel.service) || tr.getAttribute('data-service') === val(sel.service)) &&
        (!val(sel.team) || tr.getAttribute('data-team') === val(sel.team));
      var cells = tr.querySelectorAll('td[data-status]'), any = false;
      for (var i = 0; i < cells.length; i++) {
        var td = cells[i];
        var m = (!o || td.getAttribute('data-owner') === o) && (!s || td.getAttribute('data-status') === s);
        td.classList.toggle('dim', Boolean(o || s) && !m);
        if (m) any = true;
      }
      ok = ok && (!(o || s) || any);
      tr.hidden = !ok;
      if (ok) shown++;
    });
    if (count) count.textContent = 'Showing ' + shown + ' of ' + rows.length + ' resources';
  }
  Object.keys(sel).forEach(function (k) { if (sel[k]) sel[k].addEventListener('change', apply); });
  var form = byId('filters');
  if (form) {
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    form.addEventListener('reset', function () { setTimeout(apply, 0); });
  }
  apply();
})();`;

/**
 * The matrix webview's script: the same filters as the report page, plus clicks on `data-action` elements posted to
 * the extension ({ type, row, layer }). The webview inlines it under its per-render CSP nonce.
 */
export const WEBVIEW_SCRIPT = `${FILTER_SCRIPT}
(function () {
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  if (!vscode) return;
  document.addEventListener('click', function (e) {
    var el = e.target && e.target.closest ? e.target.closest('[data-action]') : null;
    if (!el) return;
    var row = el.getAttribute('data-row');
    vscode.postMessage({ type: el.getAttribute('data-action'), row: row === null ? undefined : Number(row), layer: el.getAttribute('data-layer') || undefined });
  });
})();`;
