/* performance.js: the target grid, enhanced (it works without this as a
 * plain form): arrow keys and Enter move between cells, and a block
 * pasted from a spreadsheet (rows by line, cells by tab) fills the cells
 * to the right and below the one pasted into. */
(function () {
  'use strict';
  var table = document.getElementById('target-grid');
  if (!table) return;

  function cellAt(input) {
    var td = input.closest('td'), tr = td.parentNode;
    return { row: Array.prototype.indexOf.call(tr.parentNode.children, tr),
             col: Array.prototype.indexOf.call(tr.children, td) };
  }
  function inputAt(row, col) {
    var body = table.tBodies[0];
    if (row < 0 || row >= body.rows.length) return null;
    var td = body.rows[row].children[col];
    return td ? td.querySelector('input.perf-cell') : null;
  }
  table.addEventListener('keydown', function (e) {
    var t = e.target;
    if (!t.classList || !t.classList.contains('perf-cell')) return;
    var at = cellAt(t), next = null;
    if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)) next = inputAt(at.row + 1, at.col);
    else if (e.key === 'ArrowUp' || (e.key === 'Enter' && e.shiftKey)) next = inputAt(at.row - 1, at.col);
    else if (e.key === 'ArrowRight' && t.selectionStart === t.value.length) next = inputAt(at.row, at.col + 1);
    else if (e.key === 'ArrowLeft' && t.selectionStart === 0) next = inputAt(at.row, at.col - 1);
    else return;
    e.preventDefault();
    if (next) { next.focus(); next.select(); }
  });
  table.addEventListener('paste', function (e) {
    var t = e.target;
    if (!t.classList || !t.classList.contains('perf-cell')) return;
    var text = (e.clipboardData || window.clipboardData).getData('text');
    if (text.indexOf('\t') < 0 && text.indexOf('\n') < 0) return;
    e.preventDefault();
    var at = cellAt(t);
    var lines = text.replace(/\r/g, '').replace(/\n$/, '').split('\n');
    lines.forEach(function (line, i) {
      line.split('\t').forEach(function (v, j) {
        var input = inputAt(at.row + i, at.col + j);
        if (input) input.value = v.trim().replace(/,/g, '');
      });
    });
  });
})();
