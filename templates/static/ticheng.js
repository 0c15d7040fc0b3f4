/* ticheng.js: progressive enhancement only; every page works without it.
 *
 *  table.data.sortable      click a header to sort (th[data-nosort] opts
 *                           out; headers holding a server link a.sort are
 *                           left to the server).  Cells sort by their
 *                           data-value attribute when present, else by text
 *                           (numbers when the column is .num/.money or the
 *                           text is numeric, else localeCompare 'zh').
 *  input[data-filter=ID]    hides rows of table#ID not containing the text.
 *  form[data-confirm]       asks confirm(text) before submitting; so does a
 *                           submit button with its own data-confirm.
 *  [data-print]             a button that opens the print dialog.
 *  a[data-back]             goes back in history (shown only with JS).
 *  .nav-toggle              opens/closes the sidebar menu on a phone.
 *  [autofocus][data-next-focus=ID]  when already filled (a form shown
 *                           again), focus moves on to #ID.
 *  [data-job-poll=URL]      a background job still queued or running
 *                           (core/job-status.tpl): fetches URL every two
 *                           seconds and puts the fresh section in its
 *                           place, until the job is over.  Without JS
 *                           the page reloads itself (a meta refresh).
 *  [data-job-reload]        around such a job: the page reloads once the
 *                           job is over, to show what it changed.
 *  .table-wrap              one wider or taller than its box (it scrolls)
 *                           becomes a keyboard stop, a region named by its
 *                           table's caption or the heading before it, so
 *                           that a keyboard can scroll it (WCAG 2.1.1;
 *                           axe's scrollable-region-focusable).
 */
(function () {
	'use strict';

	var doc = document;
	doc.documentElement.classList.add('js');

	function each(list, fn) {
		Array.prototype.forEach.call(list, fn);
	}

	/* ---- sorting ---- */

	var collator = (window.Intl && Intl.Collator) ?
		new Intl.Collator('zh', { numeric: true, sensitivity: 'base' }) : null;

	function cellText(cell) {
		return (cell.textContent || '').replace(/\s+/g, ' ').trim();
	}

	/* "¥ -1,234.50", "12.5%", "（1,000）" -> number, or NaN. */
	function parseNumber(s) {
		var t = String(s).replace(/[\s,，¥￥$%]/g, '').replace(/^[（(](.*)[)）]$/, '-$1');
		t = t.replace(/[−–]/g, '-');
		if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t))
			return NaN;
		return parseFloat(t);
	}

	function sortKey(cell, numeric) {
		if (!cell)
			return { n: NaN, s: '' };
		var raw = cell.hasAttribute('data-value') ? cell.getAttribute('data-value') : cellText(cell);
		var n = parseNumber(raw);
		return { n: n, s: raw, numeric: numeric || cell.hasAttribute('data-value') };
	}

	function compare(a, b) {
		var an = !isNaN(a.n), bn = !isNaN(b.n);
		if ((a.numeric || b.numeric || (an && bn)) && (an || bn)) {
			if (an && bn)
				return a.n - b.n;
			return an ? -1 : 1; /* blanks last */
		}
		if (a.s === '' || b.s === '')
			return a.s === b.s ? 0 : (a.s === '' ? 1 : -1);
		return collator ? collator.compare(a.s, b.s) : a.s.localeCompare(b.s, 'zh');
	}

	/* Column index of th, counting colspans. */
	function columnOf(th) {
		var i = 0, c = th.parentNode.firstElementChild;
		for (; c && c !== th; c = c.nextElementSibling)
			i += c.colSpan || 1;
		return i;
	}

	function cellAt(row, col) {
		var i = 0, c = row.firstElementChild;
		for (; c; c = c.nextElementSibling) {
			if (col < i + (c.colSpan || 1))
				return c;
			i += c.colSpan || 1;
		}
		return null;
	}

	function sortTable(table, th, dir) {
		var col = columnOf(th);
		var numeric = th.classList.contains('num') || th.classList.contains('money');
		each(table.tBodies, function (tbody) {
			var rows = Array.prototype.slice.call(tbody.rows);
			var keyed = rows.map(function (row, idx) {
				return { row: row, key: sortKey(cellAt(row, col), numeric), idx: idx };
			});
			keyed.sort(function (a, b) {
				var r = compare(a.key, b.key);
				if (r === 0)
					return a.idx - b.idx;
				/* blanks stay last whatever the direction */
				if (a.key.s === '' || b.key.s === '')
					return r;
				return dir === 'descending' ? -r : r;
			});
			keyed.forEach(function (k) { tbody.appendChild(k.row); });
		});
		each(th.parentNode.children, function (h) {
			if (h !== th && h.hasAttribute('aria-sort'))
				h.removeAttribute('aria-sort');
		});
		th.setAttribute('aria-sort', dir);
	}

	function initSortable(table) {
		var head = table.tHead;
		if (!head || !head.rows.length)
			return;
		var row = head.rows[head.rows.length - 1];
		each(row.cells, function (th) {
			if (th.hasAttribute('data-nosort') || th.querySelector('a.sort, a, button, input'))
				return;
			if (!cellText(th))
				return;
			var btn = doc.createElement('button');
			btn.type = 'button';
			btn.className = 'sort';
			while (th.firstChild)
				btn.appendChild(th.firstChild);
			th.appendChild(btn);
			btn.addEventListener('click', function () {
				var cur = th.getAttribute('aria-sort');
				var dir = cur === 'ascending' ? 'descending' :
					cur === 'descending' ? 'ascending' :
					(th.getAttribute('data-sort-first') ||
					 ((th.classList.contains('num') || th.classList.contains('money')) ? 'descending' : 'ascending'));
				sortTable(table, th, dir);
			});
		});
	}

	/* ---- quick filter ---- */

	function initFilter(input) {
		var table = doc.getElementById(input.getAttribute('data-filter'));
		if (!table)
			return;
		var counter = doc.querySelector('[data-filter-count="' + input.getAttribute('data-filter') + '"]');
		function apply() {
			var q = input.value.trim().toLowerCase();
			var shown = 0;
			each(table.tBodies, function (tbody) {
				each(tbody.rows, function (row) {
					var hit = !q || (row.textContent || '').toLowerCase().indexOf(q) !== -1;
					row.classList.toggle('filtered-out', !hit);
					if (hit)
						shown++;
				});
			});
			if (counter)
				counter.textContent = String(shown);
		}
		input.addEventListener('input', apply);
		input.addEventListener('search', apply);
		input.addEventListener('keydown', function (e) {
			if (e.key === 'Enter')
				e.preventDefault(); /* filtering, not submitting */
		});
		if (input.value)
			apply();
	}

	/* ---- confirmations ---- */

	doc.addEventListener('submit', function (e) {
		var form = e.target;
		var btn = e.submitter;
		var q = (btn && btn.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
		if (q && !window.confirm(q))
			e.preventDefault();
	}, true);

	/* ---- navigation toggle ---- */

	function initNav() {
		var btn = doc.querySelector('.nav-toggle');
		if (!btn)
			return;
		var bar = btn.closest('.sidebar');
		function set(open) {
			bar.classList.toggle('open', open);
			btn.setAttribute('aria-expanded', open ? 'true' : 'false');
		}
		btn.addEventListener('click', function () {
			set(!bar.classList.contains('open'));
		});
		doc.addEventListener('keydown', function (e) {
			if (e.key === 'Escape' && bar.classList.contains('open')) {
				set(false);
				btn.focus();
			}
		});
	}

	/* ---- background jobs ---- */

	function pollJob(el) {
		window.setTimeout(function () {
			if (!window.fetch)
				return;
			window.fetch(el.getAttribute('data-job-poll'), {
				credentials: 'same-origin',
				headers: { 'Accept': 'text/html' }
			}).then(function (res) {
				/* 4xx: gone or signed out, stop; 5xx: later. */
				if (res.ok)
					return res.text();
				return res.status >= 500 ? null : false;
			}).then(function (html) {
				var box, fresh;

				if (html === false)
					return;
				if (html === null) {
					pollJob(el);
					return;
				}
				box = doc.createElement('div');
				box.innerHTML = html;
				fresh = box.querySelector('[data-job-state]');
				if (!fresh) {
					pollJob(el);
					return;
				}
				el.parentNode.replaceChild(fresh, el);
				if (fresh.hasAttribute('data-job-poll'))
					pollJob(fresh);
				else if (fresh.closest && fresh.closest('[data-job-reload]'))
					window.location.reload();
			}, function () {
				pollJob(el);    /* the network failed: try again */
			});
		}, 2000);
	}

	/* The name of a scrolling table region: its table's caption or
	 * aria-label, else the text of the nearest heading before it. */
	function regionName(wrap) {
		var t = wrap.querySelector('table'), el = wrap;
		if (t && t.getAttribute('aria-label'))
			return t.getAttribute('aria-label');
		if (t && t.caption && t.caption.textContent.trim())
			return t.caption.textContent.trim();
		while (el) {
			var prev = el.previousElementSibling;
			while (prev) {
				if (/^H[1-6]$/.test(prev.tagName))
					return prev.textContent.trim();
				var h = prev.querySelector && prev.querySelector('h1,h2,h3,h4,h5,h6');
				if (h)
					return h.textContent.trim();
				prev = prev.previousElementSibling;
			}
			el = el.parentElement;
		}
		return doc.title;
	}

	function markScrolling() {
		each(doc.querySelectorAll('.table-wrap'), function (w) {
			var scrolls = w.scrollWidth > w.clientWidth + 1 ||
			    w.scrollHeight > w.clientHeight + 1;
			if (scrolls && !w.hasAttribute('tabindex')) {
				w.setAttribute('tabindex', '0');
				w.setAttribute('role', 'region');
				w.setAttribute('aria-label', regionName(w));
				w.setAttribute('data-scroll-stop', '');
			} else if (!scrolls && w.hasAttribute('data-scroll-stop')) {
				w.removeAttribute('tabindex');
				w.removeAttribute('role');
				w.removeAttribute('aria-label');
				w.removeAttribute('data-scroll-stop');
			}
		});
	}

	function init() {
		markScrolling();
		window.addEventListener('resize', markScrolling);
		each(doc.querySelectorAll('table.data.sortable'), initSortable);
		each(doc.querySelectorAll('input[data-filter]'), initFilter);
		each(doc.querySelectorAll('[data-print]'), function (b) {
			b.addEventListener('click', function () { window.print(); });
		});
		each(doc.querySelectorAll('a[data-back]'), function (a) {
			var ref = doc.referrer;
			var local = ref && ref.indexOf(location.protocol + '//' + location.host + '/') === 0;
			if (!a.getAttribute('href'))
				a.setAttribute('href', local ? ref : '/');
			a.addEventListener('click', function (e) {
				if (local && window.history.length > 1) {
					e.preventDefault();
					window.history.back();
				}
			});
		});
		each(doc.querySelectorAll('[autofocus][data-next-focus]'), function (el) {
			var next = doc.getElementById(el.getAttribute('data-next-focus'));
			if (el.value && next && !next.value && doc.activeElement === el)
				next.focus();
		});
		each(doc.querySelectorAll('[data-job-poll]'), pollJob);
		initNav();
	}

	if (doc.readyState === 'loading')
		doc.addEventListener('DOMContentLoaded', init);
	else
		init();
})();
