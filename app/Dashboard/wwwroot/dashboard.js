// The dashboard's controller: sign-in, tabs, filters.
'use strict';
window.RMApp = (function (RM, Views) {
  var el = RM.el;
  var current = { view: 'overview', arg: null };
  var openings = 0;

  function filters() {
    return {
      month: document.getElementById('f-month').value,
      level: document.getElementById('f-level').value,
      region: document.getElementById('f-region').value,
      category: document.getElementById('f-category').value,
      producer: document.getElementById('f-producer').value.trim()
    };
  }

  function options(select, items, first) {
    RM.clear(select);
    if (first) { select.appendChild(el('option', { value: '' }, first)); }
    items.forEach(function (item) { select.appendChild(el('option', { value: item[0] }, item[1])); });
  }

  async function loadFilters() {
    RM.state.meta = await RM.get('/api/meta');
    var months = await RM.get('/api/months');
    options(document.getElementById('f-month'), months.map(function (m) { return [m, m]; }), '全部月份（概览为最新月）');
    var levels = RM.state.meta.levels.map(function (l) { return [String(l.value), l.label]; });
    levels.push(['0', '无预警']);
    options(document.getElementById('f-level'), levels, '全部预警级别');
    options(document.getElementById('f-region'), RM.state.meta.regions.map(function (r) { return [r.code, r.name]; }), '全部地区');
    options(document.getElementById('f-category'), RM.state.meta.categories.map(function (c) { return [c.code, c.name]; }), '全部品类');
  }

  async function open(view, arg) {
    openings++;
    current = { view: view, arg: arg === undefined ? null : arg };
    var tabs = document.querySelectorAll('#tabs button');
    for (var i = 0; i < tabs.length; i++) {
      tabs[i].classList.toggle('active', tabs[i].dataset.view === view || (view === 'risk' && tabs[i].dataset.view === 'risks') ||
        (view === 'quarantine' && tabs[i].dataset.view === 'batches'));
    }
    // Each opening renders into its own page; a slower, older opening then fills a page that is no longer shown.
    var target = el('div', { className: 'page', dataset: { view: view } });
    RM.clear(document.getElementById('view')).appendChild(target);
    RM.setStatus('加载中…');
    try {
      if (view === 'risk' || view === 'quarantine') { await Views[view](target, current.arg); }
      else { await Views[view](target, filters()); }
      RM.setStatus('');
    } catch (e) {
      RM.setStatus(e.message);
    }
  }

  function showSignin() {
    document.getElementById('app').hidden = true;
    document.getElementById('signout').hidden = true;
    document.getElementById('who').textContent = '';
    document.getElementById('signin').hidden = false;
  }

  async function showApp() {
    RM.state.me = await RM.get('/api/auth/me');
    var roles = { analyst: '风险分析员', approver: '审批人', viewer: '查看者' };
    document.getElementById('who').textContent = RM.state.me.name + '（' + (roles[RM.state.me.role] || RM.state.me.role) + '）';
    document.getElementById('signout').hidden = false;
    document.getElementById('signin').hidden = true;
    document.getElementById('app').hidden = false;
    var opened = openings;
    await RM.refreshToken();
    await loadFilters();
    // A tab clicked while the filters were loading wins over the default view.
    if (openings === opened) { await open('overview'); }
  }

  async function signIn(event) {
    event.preventDefault();
    var error = document.getElementById('signin-error');
    error.textContent = '';
    await RM.refreshToken();
    var response = await RM.post('/api/auth/login', {
      name: document.getElementById('signin-name').value,
      password: document.getElementById('signin-password').value
    });
    if (!response.ok) { error.textContent = response.status === 401 ? '用户名或密码不正确。' : '登录失败（' + response.status + '）'; return; }
    document.getElementById('signin-password').value = '';
    await showApp();
  }

  async function signOut() {
    await RM.post('/api/auth/logout');
    RM.state.me = null;
    await RM.refreshToken();
    showSignin();
  }

  async function start() {
    RM.state.onUnauthorized = showSignin;
    document.getElementById('signin-form').addEventListener('submit', signIn);
    document.getElementById('signout').addEventListener('click', signOut);
    document.getElementById('tabs').addEventListener('click', function (e) {
      if (e.target.dataset && e.target.dataset.view) { open(e.target.dataset.view); }
    });
    function refilter() {
      open(current.view === 'risk' ? 'risks' : current.view === 'quarantine' ? 'batches' : current.view, null);
    }
    document.getElementById('filters').addEventListener('change', refilter);
    // Enter in the producer field applies the filter instead of submitting (and reloading) the page.
    document.getElementById('filters').addEventListener('submit', function (e) { e.preventDefault(); refilter(); });
    try { await showApp(); } catch (e) { showSignin(); }
  }

  document.addEventListener('DOMContentLoaded', start);
  return { open: open };
})(window.RM, window.RMViews);
