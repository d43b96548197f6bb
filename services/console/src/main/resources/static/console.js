'use strict';
// 运行监控台: each panel loads on its own, so one service down greys one panel, not the page.

const SEQUENCES = [['TOWNSHIP', '乡镇（街道）'], ['DEPARTMENT', '县直部门'], ['DEVELOPMENT_ZONE', '开发区（园区）']];
const COLOURS = { RED: '红', YELLOW: '黄', GREEN: '绿' };
const STATUS = { ISSUED: '已下发', ACKNOWLEDGED: '已领办', RECTIFIED: '已整改', REJECTED: '驳回重办', CLOSED: '已办结',
  OVERDUE: '已逾期', ESCALATED: '已升级' };
const STAGES = { NEGOTIATING: '在谈', SIGNED: '签约', LANDED: '落地', STARTED: '开工', PRODUCING: '投产' };
const LABELS = { INVESTMENT: '投资完成', START_RESUME: '开复工率', FUNDS: '资金到位率', MILESTONES: '节点按期',
  OPEN_YELLOW_NOTICE: '黄色督办单', OPEN_RED_NOTICE: '红色督办单', OVERDUE_NOTICE: '督办单逾期', PAPER_PROJECT: '纸上项目',
  HONOUR: '红榜', BLACK: '黑榜', EXEMPT: '免试清单', NEGATIVE: '负面清单',
  RESERVE: '储备', PREPARATION: '前期', READY: '拟开工', UNDER_CONSTRUCTION: '在建', COMPLETED: '竣工', IN_PRODUCTION: '投产',
  SUSPENDED: '停缓建', REVOKED: '收回' };
// Scores are exact in the services; shown to two places, as in the bulletin.
const pts = v => v === null || v === undefined || v === '' ? '—' : Number(v).toFixed(2);
const zh = code => code ? (LABELS[code] || code) : '';
const page = document.getElementById('page');
let source = null;

function esc(v) {
  return v === null || v === undefined ? '' : String(v).replace(/[&<>"']/g,
    c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

let period = null;  // the month under assessment, from the console's clock
function lastMonth() { return period; }

/** A panel: a titled box whose body is filled by load(); a failure shows in the box only. */
function panel(title, id) {
  const el = document.createElement('section');
  el.className = 'panel';
  el.id = id;
  el.innerHTML = '<h2>' + esc(title) + '</h2><div class="body muted">加载中…</div>';
  page.appendChild(el);
  return el.querySelector('.body');
}

class Unavailable extends Error {
  constructor(problem) { super(problem.title); this.problem = problem; }
}

async function api(path, options) {
  const response = await fetch(path, options);
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (response.status === 503) throw new Unavailable(body);
  if (!response.ok) {
    const e = new Error((body && body.title) || ('HTTP ' + response.status));
    e.problem = body; throw e;
  }
  return body;
}

function fail(body, e) {
  if (e instanceof Unavailable) {
    body.innerHTML = '<div class="unavailable" data-unavailable="' + esc(e.problem.service) + '">⚠ ' +
      esc(e.problem.title) + '：此面板暂时无法显示，其他面板不受影响。</div>';
  } else {
    body.innerHTML = '<div class="error">' + esc(e.message) + (e.problem && e.problem.detail ?
      '：' + esc(e.problem.detail) : '') + '</div>';
  }
}

async function fill(body, loader) {
  try { await loader(body); } catch (e) { fail(body, e); }
}

/** Re-renders the page when an event it shows arrives (at most once a second), so figures move by themselves. */
function refreshOn(matches) {
  let pending = null;
  source = new EventSource('/console/api/stream');
  source.addEventListener('event', msg => {
    if (pending || !matches(JSON.parse(msg.data))) return;
    pending = setTimeout(() => { pending = null; route(); }, 1000);
  });
}

// ---- 红黑榜 ----
async function rankings() {
  refreshOn(e => e.type === 'RankingPublished');
  for (const [seq, label] of SEQUENCES) {
    const body = panel('红黑榜 · ' + label, 'ranking-' + seq);
    fill(body, async b => {
      const r = await api('/console/api/assessment/api/v1/rankings/' + seq);
      const honour = new Set(r.honourList), black = new Set(r.blackList);
      const names = new Map(r.units.map(u => [u.unitCode, u.unitName]));
      const named = list => list.map(c => names.get(c) || c).join('、') || '—';
      let html = '<p class="muted">考核期 ' + esc(r.period) + ' · 第 ' + esc(r.version) + ' 版 · 截至 ' + esc(r.asOf) +
        (r.cause ? ' · 最近变动：' + esc(r.cause) : '') + '</p>';
      html += '<p>红榜：<span class="honour">' + esc(named(r.honourList)) + '</span>　黑榜：<span class="black">' +
        esc(named(r.blackList)) + '</span></p>';
      html += '<table><thead><tr><th>名次</th><th>单位</th><th>得分</th><th>上次</th><th>各项得分</th><th>扣分</th>' +
        '<th>清单</th><th>本次变动原因</th></tr></thead><tbody>';
      for (const u of r.units) {
        const moved = u.previousRank && u.rank ? u.previousRank - u.rank : 0;
        const cls = honour.has(u.unitCode) || honour.has(u.unitName) ? 'honour' :
          (black.has(u.unitCode) || black.has(u.unitName) ? 'black' : '');
        html += '<tr data-unit="' + esc(u.unitCode) + '"><td class="num">' + esc(u.rank ?? '—') + '</td>' +
          '<td class="' + cls + '">' + esc(u.unitName) + ' <span class="muted">' + esc(u.unitCode) + '</span></td>' +
          '<td class="num score">' + esc(pts(u.score)) + '</td>' +
          '<td class="num">' + esc(u.previousRank ?? '—') + (moved > 0 ? ' <span class="up">↑' + moved + '</span>' :
            moved < 0 ? ' <span class="down">↓' + (-moved) + '</span>' : '') + '</td>' +
          '<td class="changes">' + u.components.filter(c => c.applies).map(c => esc(zh(c.component)) + ' ' +
            esc(pts(c.points))).join('<br>') + '</td>' +
          '<td class="changes">' + u.penalties.map(p => esc(zh(p.kind)) + '×' + esc(p.count) + ' −' + esc(pts(p.points)))
            .join('<br>') + '</td>' +
          '<td>' + esc(zh(u.list)) + esc(u.flag ? ' ' + zh(u.flag) : '') + '</td>' +
          '<td class="changes explanation">' + u.changes.map(c => esc(c.text)).join('<br>') + '</td></tr>';
      }
      b.innerHTML = html + '</tbody></table>';
      b.classList.remove('muted');
    });
  }
}

// ---- 项目预警 ----
async function warnings(params) {
  const colour = params.get('colour') || '';
  const filters = document.createElement('div');
  filters.className = 'filters panel';
  filters.innerHTML = [['', '全部'], ['RED', '红色'], ['YELLOW', '黄色'], ['GREEN', '绿色']].map(([c, l]) =>
    '<button class="' + (c === colour ? 'active' : '') + '" onclick="location.hash=\'#/warnings?colour=' + c +
    '\'">' + l + '</button>').join('');
  page.appendChild(filters);
  refreshOn(e => e.type === 'ColourChanged');
  const body = panel('预警项目（红黄绿）', 'warnings');
  fill(body, async b => {
    const list = await api('/console/api/assessment/api/v1/warnings' + (colour ? '?colour=' + colour : ''));
    let html = '<p class="muted">共 ' + list.length + ' 个项目</p><table><thead><tr><th>项目</th><th>单位</th>' +
      '<th>阶段</th><th>颜色</th><th>原因</th></tr></thead><tbody>';
    for (const w of list) {
      html += '<tr><td><a href="#/project/' + encodeURIComponent(w.projectCode) + '">' + esc(w.projectName) +
        '</a> <span class="muted">' + esc(w.projectCode) + '</span></td><td>' + esc(w.unitCode) + '</td><td>' +
        esc(zh(w.phase)) + '</td><td><span class="colour ' + esc(w.colour) + '">' + esc(COLOURS[w.colour] || w.colour) +
        '</span></td><td>' + w.reasons.map(r => esc(r.text)).join('<br>') + '</td></tr>';
    }
    b.innerHTML = html + '</tbody></table>';
  });
}

// ---- 督办单 ----
async function notices(params) {
  const open = params.get('open') !== 'false';
  const filters = document.createElement('div');
  filters.className = 'filters panel';
  filters.innerHTML = '<button class="' + (open ? 'active' : '') + '" onclick="location.hash=\'#/notices\'">未办结</button>' +
    '<button class="' + (open ? '' : 'active') + '" onclick="location.hash=\'#/notices?open=false\'">全部</button>';
  page.appendChild(filters);
  refreshOn(e => e.type === 'NoticeIssued' || e.type === 'NoticeChanged');
  const body = panel('三色督办单', 'notices');
  fill(body, async b => {
    const list = await api('/console/api/assessment/api/v1/notices' + (open ? '?open=true' : ''));
    let html = '<p class="muted">共 ' + list.length + ' 份</p><table><thead><tr><th>督办单</th><th>项目</th><th>单位</th>' +
      '<th>颜色</th><th>状态</th><th>下发</th><th>期限</th><th>原因与流转</th><th>操作</th></tr></thead><tbody>';
    for (const n of list) {
      html += '<tr><td>' + esc(n.noticeId) + '</td><td><a href="#/project/' + encodeURIComponent(n.projectCode) + '">' +
        esc(n.projectName) + '</a></td><td>' + esc(n.unitCode) + '</td><td><span class="colour ' + esc(n.colour) + '">' +
        esc(COLOURS[n.colour]) + '</span></td><td>' + esc(STATUS[n.status] || n.status) +
        (n.overdue ? ' <span class="down">逾期</span>' : '') + '</td><td>' + esc(n.issuedOn) + '</td><td>' +
        esc(n.deadline || '—') + '</td><td class="changes">' + n.reasons.map(r => esc(r.text)).join('<br>') +
        '<details><summary>流转记录（' + n.trail.length + '）</summary>' + n.trail.map(s => esc(s.on) + ' ' +
          esc(s.action) + ' ' + esc(s.from || '') + '→' + esc(s.to) + ' ' + esc(s.actor) + (s.note ? '：' +
          esc(s.note) : '')).join('<br>') + '</details></td><td>' +
        (n.status === 'RECTIFIED' ? '<button class="op" data-close="' + esc(n.noticeId) + '">办结销号</button>' +
          '<button class="op" data-reject="' + esc(n.noticeId) + '">驳回重办</button>' : '') + '</td></tr>';
    }
    b.innerHTML = html + '</tbody></table>';
    b.querySelectorAll('[data-close]').forEach(btn => btn.onclick = () => noticeCommand(btn.dataset.close, 'close'));
    b.querySelectorAll('[data-reject]').forEach(btn => btn.onclick = () => noticeCommand(btn.dataset.reject, 'reject'));
  });
}

async function noticeCommand(id, move) {
  const text = move === 'reject' ? prompt('驳回理由') : null;
  if (move === 'reject' && !text) return;
  try {
    await api('/console/api/assessment/api/v1/notices/' + encodeURIComponent(id) + '/' + move, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(text ? { text } : {}) });
    route();
  } catch (e) { alert(e.message + (e.problem && e.problem.detail ? '\n' + e.problem.detail : '')); }
}

// ---- 项目详情 ----
async function project(code) {
  const registry = '/console/api/registry/api/v1/projects/' + encodeURIComponent(code);
  fill(panel('项目 ' + code, 'project'), async b => {
    const p = await api(registry);
    // The ledger's fields may sit one level down (e.g. in a snapshot): show every scalar, nested ones by name.
    const rows = [];
    for (const [k, v] of Object.entries(p)) {
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        for (const [k2, v2] of Object.entries(v)) if (v2 !== null && typeof v2 !== 'object') rows.push([k2, v2]);
      } else if (v !== null && typeof v !== 'object') rows.push([k, v]);
    }
    b.innerHTML = '<table>' + rows.map(([k, v]) => '<tr><th>' + esc(k) + '</th><td>' + esc(v) + '</td></tr>').join('') +
      '</table>' + (p.milestones ? '<h3>时间节点</h3><pre>' + esc(JSON.stringify(p.milestones, null, 1)) + '</pre>' : '');
  });
  fill(panel('预警与督办', 'project-warning'), async b => {
    const w = await api('/console/api/assessment/api/v1/projects/' + encodeURIComponent(code) + '/warning');
    b.innerHTML = '<p><span class="colour ' + esc(w.colour) + '">' + esc(COLOURS[w.colour] || '未着色') + '</span> ' +
      esc(w.asOf) + '</p><ul>' + w.reasons.map(r => '<li>' + esc(r.text) + '</li>').join('') + '</ul>' +
      w.notices.map(n => '<p>督办单 ' + esc(n.noticeId) + '：' + esc(STATUS[n.status] || n.status) + '，期限 ' +
        esc(n.deadline || '—') + '</p>').join('');
  });
  fill(panel('月度填报', 'project-reports'), async b => {
    const reports = await api(registry + '/reports');
    const list = Array.isArray(reports) ? reports : Object.entries(reports).map(([period, r]) =>
      Object.assign({ period }, r)).sort((a, b) => b.period.localeCompare(a.period));
    b.innerHTML = '<table><thead><tr><th>月份</th><th>内容</th><th>照片</th></tr></thead><tbody>' + list.map(r =>
      '<tr><td>' + esc(r.period) + '</td><td class="changes">' + Object.entries(r).filter(([k, v]) =>
        k !== 'period' && k !== 'photoIds' && k !== 'photos' && v !== null && typeof v !== 'object').map(([k, v]) => esc(k) + '=' +
        esc(v)).join(' ') + '</td><td>' + (r.photoIds || r.photos || []).map(ph => '<a target="_blank" href="/console/api/registry/' +
        'api/v1/photos/' + encodeURIComponent(ph.id || ph) + '"><img alt="现场照片" height="60" src="/console/api/' +
        'registry/api/v1/photos/' + encodeURIComponent(ph.id || ph) + '"></a>').join(' ') + '</td></tr>').join('') +
      '</tbody></table>';
  });
  fill(panel('变更记录', 'project-trail'), async b => {
    const trail = await api(registry + '/trail');
    const list = Array.isArray(trail) ? trail : (trail.entries || []);
    b.innerHTML = '<table><thead><tr><th>时间</th><th>操作人</th><th>操作</th><th>变更</th></tr></thead><tbody>' +
      list.slice().reverse().map(t => '<tr><td>' + esc(new Date(t.at).toLocaleString('zh-CN')) + '</td><td>' +
      esc(t.actor) + '</td><td>' + esc(t.action) + '</td><td class="changes">' + Object.entries(t.changes || {})
        .map(([k, c]) => esc(k) + '：' + esc(JSON.stringify(c.from)) + ' → ' + esc(JSON.stringify(c.to)))
        .join('<br>') + '</td></tr>').join('') + '</tbody></table>';
  });
  const events = panel('相关事件', 'project-events');
  fill(events, async b => {
    const list = await api('/console/api/events?project=' + encodeURIComponent(code) + '&limit=50');
    b.innerHTML = '<ul id="events">' + list.map(eventLine).join('') + '</ul>';
  });
}

// ---- 图表 ----
async function charts() {
  const period = lastMonth();
  const completion = panel('各单位年度投资完成率与时序进度（' + period + '）', 'chart-completion');
  fill(completion, async b => {
    const groups = await api('/console/api/statistics/api/v1/figures?period=' + period + '&dimension=UNIT');
    b.innerHTML = '<div class="chart" id="completion-chart"></div>';
    const chart = echarts.init(document.getElementById('completion-chart'));
    const pct = r => r && r.value !== null && r.value !== undefined ? Math.round(Number(r.value) * 10000) / 100 : null;
    chart.setOption({
      tooltip: { trigger: 'axis' }, legend: { data: ['完成率 %', '时序进度 %'] },
      xAxis: { type: 'category', data: groups.map(g => g.key), axisLabel: { rotate: 45 } },
      yAxis: { type: 'value', name: '%' },
      series: [{ name: '完成率 %', type: 'bar', data: groups.map(g => pct(g.completionRate)) },
        { name: '时序进度 %', type: 'line', data: groups.map(g => pct(g.timeProgress)) }]
    });
  });
  const funnel = panel('招商漏斗（本年）', 'chart-funnel');
  fill(funnel, async b => {
    const year = period.substring(0, 4);
    const months = await api('/console/api/promotion/api/v1/deals/funnel?from=' + year + '-01&to=' + period);
    // The year's funnel: deals that reached each stage in any month of it.
    const reached = {};
    for (const m of months) for (const [stage, n] of Object.entries(m.reached || {})) reached[stage] = (reached[stage] || 0) + Number(n);
    b.innerHTML = '<div class="chart" id="funnel-chart"></div>';
    const chart = echarts.init(document.getElementById('funnel-chart'));
    chart.setOption({
      tooltip: { trigger: 'item' },
      series: [{ type: 'funnel', sort: 'descending', label: { formatter: '{b}：{c}' },
        data: Object.keys(STAGES).map(s => ({ name: STAGES[s], value: reached[s] || 0 })) }]
    });
  });
}

// ---- 实时事件 ----
function eventLine(e, fresh) {
  return '<li class="' + (fresh ? 'fresh' : '') + '" data-type="' + esc(e.type) + '" data-project="' +
    esc(e.project || '') + '"><span class="meta">' + esc(new Date(e.time).toLocaleTimeString('zh-CN')) + ' ' +
    esc(e.topic) + ' #' + esc(e.partition) + '@' + esc(e.offset) + '</span><span class="type">' + esc(e.type) +
    '</span>' + (e.traceparent ? '<span class="meta" title="' + esc(e.traceparent) + '">trace ' +
    esc(e.traceparent.substring(3, 11)) + '</span>' : '') + (e.unit ? '单位 ' + esc(e.unit) + ' ' : '') + (e.project ? '项目 <a href="#/project/' +
    encodeURIComponent(e.project) + '">' + esc(e.project) + '</a> ' : '') + '<span class="changes">' + esc(e.summary) +
    '</span><details><summary>原始事件</summary><pre>' + esc(e.json) + '</pre></details></li>';
}

async function stream(params) {
  const filters = document.createElement('div');
  filters.className = 'panel';
  filters.innerHTML = '<form id="stream-filter">类型 <input name="type" placeholder="ProgressReported" value="' +
    esc(params.get('type') || '') + '"> 单位 <input name="unit" value="' + esc(params.get('unit') || '') +
    '"> 项目 <input name="project" value="' + esc(params.get('project') || '') + '"> <button class="op">筛选</button>' +
    ' <span id="stream-state" class="muted">连接中…</span></form>';
  page.appendChild(filters);
  filters.querySelector('form').onsubmit = ev => {
    ev.preventDefault();
    const q = new URLSearchParams(new FormData(ev.target));
    for (const [k, v] of [...q.entries()]) if (!v) q.delete(k);
    location.hash = '#/stream?' + q.toString();
  };
  const body = panel('实时事件流', 'stream');
  const q = new URLSearchParams();
  for (const k of ['type', 'unit', 'project']) if (params.get(k)) q.set(k, params.get(k));
  try {
    const recent = await api('/console/api/events?' + q.toString() + '&limit=200');
    body.innerHTML = '<ul id="events">' + recent.map(e => eventLine(e, false)).join('') + '</ul>';
  } catch (e) { fail(body, e); return; }
  const list = document.getElementById('events');
  source = new EventSource('/console/api/stream?' + q.toString());
  source.addEventListener('ready', () => { document.getElementById('stream-state').textContent = '● 已连接，实时更新'; });
  source.addEventListener('event', msg => {
    const e = JSON.parse(msg.data);
    list.insertAdjacentHTML('afterbegin', eventLine(e, true));
    while (list.children.length > 500) list.removeChild(list.lastChild);
  });
  source.onerror = () => { document.getElementById('stream-state').textContent = '○ 连接中断，正在重连…'; };
}

// ---- 死信 ----
async function deadLetters() {
  refreshOn(e => e.topic.endsWith('.dlq'));
  const body = panel('死信（处理失败的事件）', 'dead-letters');
  fill(body, async b => {
    const list = await api('/console/api/dead-letters');
    if (!list.length) { b.innerHTML = '<p class="muted">没有死信。</p>'; return; }
    b.innerHTML = '<table><thead><tr><th>时间</th><th>来源主题 / 消费组</th><th>键</th><th>类型</th><th>失败原因</th>' +
      '<th>内容</th><th>操作</th></tr></thead><tbody>' + list.map(d => '<tr data-id="' + esc(d.id) + '" data-key="' +
      esc(d.key) + '"><td>' +
      esc(new Date(d.at).toLocaleString('zh-CN')) + '</td><td>' + esc(d.originalTopic) + '<br><span class="muted">' +
      esc(d.group) + '</span></td><td>' + esc(d.key) + '</td><td>' + esc(d.type || '无法解析') + '</td><td class=' +
      '"changes">' + esc(d.exceptionMessage || '') + '</td><td><details><summary>查看</summary><pre>' + esc(d.json) +
      '</pre></details></td><td>' + (d.resentAt ? '已于 ' + esc(new Date(d.resentAt).toLocaleString('zh-CN')) +
      ' 重新发送' : '<button class="op resend" data-resend="' + esc(d.id) + '">重新发送</button>') + '</td></tr>')
      .join('') + '</tbody></table>';
    b.querySelectorAll('[data-resend]').forEach(btn => btn.onclick = async () => {
      btn.disabled = true;
      try { await api('/console/api/dead-letters/' + encodeURIComponent(btn.dataset.resend) + '/resend',
        { method: 'POST' }); route(); } catch (e) { alert(e.message); btn.disabled = false; }
    });
  });
}

// ---- 关账与通报 ----
async function periods() {
  const close = panel('月度关账', 'period-close');
  close.classList.remove('muted');
  close.innerHTML = '<form id="close-form">月份 <input name="period" value="' + lastMonth() + '" pattern="\\d{4}-\\d{2}">' +
    ' <button class="op">关账并生成月度通报</button> <span id="close-result"></span></form>';
  close.querySelector('form').onsubmit = async ev => {
    ev.preventDefault();
    const p = new FormData(ev.target).get('period');
    if (!confirm('确认关账 ' + p + '？关账后数据冻结，并生成月度通报。')) return;
    const out = document.getElementById('close-result');
    try {
      await api('/console/api/statistics/api/v1/periods/' + encodeURIComponent(p) + '/close', { method: 'POST' });
      out.textContent = '已关账，通报生成中…';
      setTimeout(route, 3000);
    } catch (e) { out.textContent = (e instanceof Unavailable ? e.problem.title : e.message) +
      (e.problem && e.problem.detail ? '：' + e.problem.detail : ''); }
  };
  fill(panel('已印发的月度通报', 'bulletins'), async b => {
    const list = await api('/console/api/assessment/api/v1/bulletins');
    if (!list.length) { b.innerHTML = '<p class="muted">尚无通报：关账后自动生成。</p>'; return; }
    b.innerHTML = '<table><thead><tr><th>月份</th><th>印发</th><th>下载</th></tr></thead><tbody>' + list.map(x =>
      '<tr><td>' + esc(x.period) + '</td><td>' + esc(x.issuedAt || x.frozenAt || '') + '</td><td><a href="/console/api/' +
      'assessment/api/v1/bulletins/' + esc(x.period) + '/export.xlsx">Excel</a> · <a target="_blank" href="/console/' +
      'api/assessment/api/v1/bulletins/' + esc(x.period) + '/export.html">打印版</a></td></tr>').join('') +
      '</tbody></table>';
  });
}

async function services() {
  try {
    const states = await api('/console/api/services');
    const names = { registry: '项目库', statistics: '投资统计', promotion: '招商引资', assessment: '考核评价' };
    document.getElementById('services').innerHTML = Object.entries(states).map(([s, state]) => '<span class="' +
      esc(state) + '" title="' + esc(state) + '">' + esc(names[s] || s) + '</span>').join('');
  } catch (e) { document.getElementById('services').textContent = '监控台后端不可用'; }
}

function route() {
  if (source) { source.close(); source = null; }
  const hash = location.hash || '#/rankings';
  const [path, query] = hash.substring(2).split('?');
  const params = new URLSearchParams(query || '');
  const [name, arg] = path.split('/');
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.page === name));
  page.innerHTML = '';
  const pages = { rankings, warnings, notices, charts, stream, 'dead-letters': deadLetters, periods };
  if (name === 'project' && arg) project(decodeURIComponent(arg));
  else (pages[name] || rankings)(params);
  services();
}

window.addEventListener('hashchange', route);
fetch('/console/api/today').then(r => r.json()).then(t => { period = t.period; route(); });
setInterval(services, 10000);
