// RiskMonitor dashboard: shared helpers. Every piece of data reaches the page as a text node (textContent), never as
// markup: complaint text and file names come from outside and are untrusted.
'use strict';
window.RM = (function () {
  var csrfToken = null;
  var state = { me: null, meta: null, onUnauthorized: null };

  // el('td', { className: 'x', onclick: fn }, 'text', childNode, [more]) — strings become text nodes.
  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        var value = props[key];
        if (value === null || value === undefined) { return; }
        if (key === 'className') { node.className = value; }
        else if (key.indexOf('on') === 0) { node.addEventListener(key.substring(2), value); }
        else if (key === 'dataset') { Object.keys(value).forEach(function (k) { node.dataset[k] = String(value[k]); }); }
        else { node.setAttribute(key, String(value)); }
      });
    }
    for (var i = 2; i < arguments.length; i++) { append(node, arguments[i]); }
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) { return; }
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }

  function setStatus(text) { document.getElementById('status').textContent = text || ''; }

  async function refreshToken() {
    var response = await fetch('/api/auth/antiforgery', { credentials: 'same-origin' });
    csrfToken = (await response.json()).token;
  }

  async function get(path) {
    var response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.status === 401) {
      if (state.onUnauthorized) { state.onUnauthorized(); }
      throw new Error('未登录或登录已过期');
    }
    if (!response.ok) { throw new Error('请求失败（' + response.status + '）'); }
    return response.json();
  }

  async function post(path, body) {
    if (!csrfToken) { await refreshToken(); }
    var response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': csrfToken },
      body: JSON.stringify(body || {})
    });
    return response;
  }

  function levelOf(value) {
    var levels = (state.meta && state.meta.levels) || [];
    for (var i = 0; i < levels.length; i++) { if (levels[i].value === value) { return levels[i]; } }
    return null;
  }

  // A chip in the level's colour (colours come from the server, which owns them).
  function levelChip(value, text) {
    var level = levelOf(value);
    if (!level) { return el('span', null, text || '无预警'); }
    var chip = el('span', { className: 'lv l' + value }, text || level.label);
    chip.style.background = level.colour;
    return chip;
  }

  function query(params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      if (params[k] !== '' && params[k] !== null && params[k] !== undefined) {
        parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(params[k]));
      }
    });
    return parts.length ? '?' + parts.join('&') : '';
  }

  // Draws an ECharts option into a fresh box; the box is marked once drawn so that tests (and people) can tell.
  function chart(container, option, className) {
    var box = el('div', { className: 'chart' + (className ? ' ' + className : '') });
    container.appendChild(box);
    var instance = echarts.init(box);
    option.textStyle = { fontFamily: 'Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, sans-serif' };
    instance.setOption(option);
    box.dataset.rendered = '1';
    window.addEventListener('resize', function () { instance.resize(); });
    return instance;
  }

  return {
    state: state, el: el, clear: clear, setStatus: setStatus, refreshToken: refreshToken,
    get: get, post: post, levelOf: levelOf, levelChip: levelChip, query: query, chart: chart
  };
})();
