// Responsibility matrix webview: filters (the same code as the HTML report) and messages to the extension.
// Loaded with a CSP nonce; touches nothing outside this document.
(function () {
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
})();
(function () {
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  if (!vscode) return;
  document.addEventListener('click', function (e) {
    var el = e.target && e.target.closest ? e.target.closest('[data-action]') : null;
    if (!el) return;
    var row = el.getAttribute('data-row');
    vscode.postMessage({ type: el.getAttribute('data-action'), row: row === null ? undefined : Number(row), layer: el.getAttribute('data-layer') || undefined });
  });
})();
