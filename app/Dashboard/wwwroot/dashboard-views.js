// The dashboard's views. Charts get plain data; labels and tooltips are ECharts' own text rendering.
'use strict';
window.RMViews = (function (RM, Tables) {
  var el = RM.el;

  async function overview(view, filters) {
    var data = await RM.get('/api/overview' + RM.query({ month: filters.month }));
    if (!data.month) { view.appendChild(el('p', null, '数据仓库中还没有分析结果。')); return; }
    var h = data.headline;
    var cards = [['投诉举报件数', h.complaints], ['涉安全危害投诉', h.hazardComplaints], ['监督抽查批次', h.samples],
      ['抽查不合格批次', h.failedSamples], ['监测站报告案例', h.stationCases], ['报告受伤人数', h.injuries],
      ['报告死亡人数', h.deaths], ['达到预警级别的风险', h.warnedSubjects]];
    view.appendChild(el('div', { className: 'cards' }, cards.map(function (c) {
      return el('div', { className: 'card' }, el('span', { className: 'label' }, c[0]), el('span', { className: 'value' }, c[1].toLocaleString('zh-CN')));
    })));
    var row = el('div', { className: 'row' });
    view.appendChild(row);
    var levels = el('div', { className: 'panel', id: 'panel-levels' }, el('h2', null, '近12个月各级预警风险数'));
    var grid = el('div', { className: 'panel', id: 'panel-divisions' }, el('h2', null, data.month + ' 各市州最高预警级别'));
    row.appendChild(levels);
    row.appendChild(grid);
    RM.chart(levels, {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 10, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: data.levelsByMonth.months },
      yAxis: { type: 'value', minInterval: 1 },
      series: data.levelsByMonth.series.map(function (s) {
        return { name: s.label, type: 'bar', stack: 'levels', data: s.counts, itemStyle: { color: s.colour } };
      })
    });
    var pieces = RM.state.meta.levels.map(function (l) { return { value: l.value, label: l.roman + '级', color: l.colour }; });
    pieces.push({ value: 0, label: '无预警', color: '#e4e7eb' });
    RM.chart(grid, {
      tooltip: { formatter: function (p) { return echarts.format.encodeHTML(p.data.name) + '：最高' + (p.data.value[2] ? RM.levelOf(p.data.value[2]).label : '无预警') + '，预警 ' + p.data.warned + ' 项，信号 ' + p.data.signals; } },
      grid: { left: 10, right: 10, top: 10, bottom: 40 },
      xAxis: { type: 'category', data: [0, 1, 2, 3, 4, 5, 6], show: false },
      yAxis: { type: 'category', data: [0, 1, 2, 3, 4, 5], show: false, inverse: true },
      visualMap: { type: 'piecewise', dimension: 2, pieces: pieces, orient: 'horizontal', left: 'center', bottom: 0 },
      series: [{
        type: 'heatmap',
        data: data.divisions.map(function (d) { return { name: d.name, value: [d.column, d.row, d.level], warned: d.warned, signals: d.signals }; }),
        label: { show: true, formatter: function (p) { return p.data.name + '\n信号 ' + p.data.signals; } },
        itemStyle: { borderColor: '#fff', borderWidth: 3 }
      }]
    });
  }

  async function risks(view, filters) {
    await Tables.show(view, 'risks', filters, { onRow: function (row) { RMApp.open('risk', row.id); } });
  }

  async function risk(view, id) {
    var d = await RM.get('/api/risks/' + encodeURIComponent(id));
    view.appendChild(el('button', { type: 'button', className: 'back', onclick: function () { RMApp.open('risks'); } }, '← 返回风险清单'));
    view.appendChild(el('div', { className: 'panel', id: 'risk-head' },
      el('h2', null, d.region.name + ' · ' + d.category.name + '（' + d.month + '）'),
      el('p', null, RM.levelChip(d.level, d.levelLabel), ' 综合评分 ' + d.score + '，规则级别 ' + d.ruleLevel +
        (d.modelLevel !== null ? '，模型级别 ' + d.modelLevel : '') + (d.modelProbability !== null ? '，模型概率 ' + d.modelProbability.toFixed(3) : '')),
      el('p', null, '评估依据：' + d.explanation),
      d.overrideReason ? el('p', null, '人工调整理由：' + d.overrideReason) : null));
    var row = el('div', { className: 'row' });
    view.appendChild(row);
    var factors = el('div', { className: 'panel', id: 'panel-factors' }, el('h2', null, '第十九条五项因素评分'));
    var series = el('div', { className: 'panel', id: 'panel-series' }, el('h2', null, '该风险对象的月度信号'));
    row.appendChild(factors);
    row.appendChild(series);
    RM.chart(factors, {
      tooltip: {},
      grid: { left: 70, right: 20, top: 10, bottom: 30 },
      xAxis: { type: 'value', max: 4, minInterval: 1 },
      yAxis: { type: 'category', data: d.factors.map(function (f) { return f.label; }), inverse: true },
      series: [{ type: 'bar', data: d.factors.map(function (f) { return f.score; }), itemStyle: { color: '#b71c1c' }, label: { show: true, position: 'right' } }]
    }, 'short');
    RM.chart(series, {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 10, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: d.series.months.map(function (m) { return m.substring(0, 7); }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '投诉', type: 'line', data: d.series.complaints },
        { name: '涉安全危害投诉', type: 'line', data: d.series.hazardComplaints },
        { name: '监测站案例', type: 'line', data: d.series.stationCases },
        { name: '抽查不合格', type: 'bar', data: d.series.failures }
      ]
    }, 'short');
    var inputs = el('div', { className: 'panel' }, el('h2', null, '评分输入与模型贡献'));
    inputs.appendChild(el('table', { className: 'data' }, el('tbody', null, d.inputs.map(function (i) {
      return el('tr', null, el('th', null, i.name), el('td', null, i.value === null ? '' : String(i.value)));
    }))));
    inputs.appendChild(d.contributions.length
      ? el('table', { className: 'data', id: 'contributions' }, el('tbody', null, d.contributions.map(function (c) {
        return el('tr', null, el('th', null, c.feature), el('td', null, c.value.toFixed(4)));
      })))
      : el('p', null, '该评估没有模型贡献（仅规则评估）。'));
    view.appendChild(inputs);
    var list = el('div', { className: 'panel', id: 'complaints' }, el('h2', null, '本月相关投诉（最多20件，已脱敏）'));
    d.complaints.forEach(function (c) {
      list.appendChild(el('div', { className: 'complaint' },
        el('div', { className: 'meta' }, c.id + ' · ' + c.receivedAt.replace('T', ' ').substring(0, 16) + (c.hazards.length ? ' · ' + c.hazards.join('、') : '') + (c.injury ? ' · 有人员受伤' : '')),
        el('div', { className: 'text' }, c.text)));
    });
    if (!d.complaints.length) { list.appendChild(el('p', null, '本月没有相关投诉。')); }
    view.appendChild(list);
  }

  async function warnings(view, filters) {
    var canApprove = RM.state.me && RM.state.me.canApprove;
    await Tables.show(view, 'warnings', filters, {
      extraLabel: canApprove ? '操作' : null,
      extra: canApprove ? function (row) {
        if (row.status !== 'proposed') { return ''; }
        return el('button', { type: 'button', className: 'approve', dataset: { warning: row.id }, onclick: async function (e) {
          e.stopPropagation();
          var response = await RM.post('/api/warnings/' + encodeURIComponent(row.id) + '/approve');
          if (response.ok) { await RMApp.open('warnings'); }
          RM.setStatus(response.ok ? '已审批预警 ' + row.id : '审批失败（' + response.status + '）');
        } }, '审批通过');
      } : null
    });
  }

  async function producers(view, filters) {
    await Tables.show(view, 'producers', { month: filters.month, level: filters.level, category: filters.category, producer: filters.producer });
  }

  async function followup(view, filters) {
    await Tables.show(view, 'followup', { region: filters.region, category: filters.category });
  }

  async function batches(view) {
    await Tables.show(view, 'batches', {}, { onRow: function (row) { RMApp.open('quarantine', row.batchId); } });
  }

  async function quarantine(view, batch) {
    view.appendChild(el('button', { type: 'button', className: 'back', onclick: function () { RMApp.open('batches'); } }, '← 返回数据导入'));
    view.appendChild(el('h2', null, '批次 ' + batch + ' 的隔离数据行'));
    await Tables.show(view, 'quarantine', { batch: batch });
  }

  return { overview: overview, risks: risks, producers: producers, risk: risk, warnings: warnings, followup: followup, batches: batches, quarantine: quarantine };
})(window.RM, window.RMTables);
