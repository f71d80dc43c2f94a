// Table views: one generic renderer over the API's { columns, rows } and the per-view choices around it.
'use strict';
window.RMTables = (function (RM) {
  var el = RM.el;

  // Per view: columns not shown (codes used for colour or logic), and what a row click opens.
  var views = {
    risks: { hidden: ['level'], chip: { levelLabel: 'level' } },
    producers: { hidden: ['level', 'categoryCode'], chip: { levelLabel: 'level' } },
    warnings: { hidden: ['level', 'status'], chip: { levelLabel: 'level' } },
    followup: { hidden: [], chip: {} },
    batches: { hidden: [], chip: {} },
    quarantine: { hidden: [], chip: {} }
  };

  function cellText(value) {
    if (value === null || value === undefined) { return ''; }
    if (typeof value === 'boolean') { return value ? '是' : '否'; }
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) { return value.replace('T', ' ').substring(0, 19); }
    return String(value);
  }

  // Renders a table; options.onRow(rowObject) makes rows clickable, options.extra(rowObject) adds a last cell.
  function render(container, table, options) {
    options = options || {};
    var view = views[table.name] || { hidden: [], chip: {} };
    var keys = table.columns.map(function (c) { return c.key; });
    var shown = table.columns.filter(function (c) { return view.hidden.indexOf(c.key) < 0; });
    var head = el('tr', null, shown.map(function (c) { return el('th', null, c.label); }), options.extraLabel ? el('th', null, options.extraLabel) : null);
    var body = table.rows.map(function (values) {
      var row = {};
      keys.forEach(function (k, i) { row[k] = values[i]; });
      var cells = shown.map(function (c) {
        var chipKey = view.chip[c.key];
        return el('td', null, chipKey ? RM.levelChip(row[chipKey], cellText(row[c.key])) : cellText(row[c.key]));
      });
      if (options.extra) { cells.push(el('td', null, options.extra(row))); }
      return el('tr', options.onRow ? { className: 'clickable', onclick: function () { options.onRow(row); } } : null, cells);
    });
    container.appendChild(el('p', { className: 'status' }, table.rows.length ? '共 ' + table.rows.length + ' 行' : '没有符合条件的记录。'));
    container.appendChild(el('table', { className: 'data', dataset: { table: table.name } }, el('thead', null, head), el('tbody', null, body)));
  }

  // Download links for the same view and filters (analysts and approvers only; the server enforces it too).
  function exports(container, name, params) {
    if (!RM.state.me || !RM.state.me.canExport) { return; }
    var q = RM.query(params);
    container.appendChild(el('div', { className: 'exports' }, '导出：',
      el('a', { href: '/api/export/' + name + '.csv' + q, download: '' }, 'CSV'),
      el('a', { href: '/api/export/' + name + '.xlsx' + q, download: '' }, 'Excel')));
  }

  async function show(container, name, params, options) {
    var table = await RM.get('/api/tables/' + name + RM.query(params));
    exports(container, name, params);
    render(container, table, options);
    return table;
  }

  return { render: render, show: show, exports: exports };
})(window.RM);
