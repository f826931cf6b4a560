// 台账: the talks, leads, admonishments, tasks and plans the signed-in person may see, filtered, sorted, paged, exported.
const words = {
  'zh-CN': { talks: '谈话台账', leads: '线索台账', cases: '诫勉台账', tasks: '任务台账', plans: '谈话方案台账', kinds: '台账类别', unit: '单位', tier: '层级', talker: '谈话人',
    kind: '类型', month: '月份', state: '状态', q: '按姓名搜索', all: '全部', apply: '筛选', reset: '清除筛选', xlsx: '导出 Excel', csv: '导出 CSV',
    total: (n, r, y) => `共 ${n} 条，红灯 ${r} 条，黄灯 ${y} 条`, prev: '上一页', next: '下一页', page: (p, n) => `第 ${p} / ${n} 页`, none: '没有符合条件的记录。',
    refused: '您无权查看此台账。', sortBy: '按此列排序' },
  'en-US': { talks: 'Talks', leads: 'Leads', cases: 'Admonishments', tasks: 'Tasks', plans: 'Plans', kinds: 'Ledgers', unit: 'Unit', tier: 'Tier', talker: 'Talker',
    kind: 'Kind', month: 'Month', state: 'State', q: 'Search by name', all: 'All', apply: 'Filter', reset: 'Clear filters', xlsx: 'Export Excel', csv: 'Export CSV',
    total: (n, r, y) => `${n} in all, ${r} red, ${y} yellow`, prev: 'Previous', next: 'Next', page: (p, n) => `Page ${p} of ${n}`, none: 'Nothing matches.',
    refused: 'You may not see this ledger.', sortBy: 'Sort by this column' },
};

const filterKeys = ['unit', 'tier', 'talker', 'kind', 'month', 'state'];

export async function render(container, ctx) {
  const w = words[ctx.locale] || words['zh-CN'];
  const me = await (await ctx.api('/api/tab/me')).json();
  const kinds = me.office ? ['talks', 'leads', 'cases', 'tasks', 'plans'] : ['talks', 'cases', 'tasks', 'plans'];
  const view = { kind: ctx.initial?.kind && kinds.includes(ctx.initial.kind) ? ctx.initial.kind : 'talks', filters: { ...(ctx.initial?.filters || {}) }, sort: null, dir: 'asc', page: 1 };

  const tabs = el('div', { class: 'tabs', role: 'tablist', 'aria-label': w.kinds });
  const form = el('form', { class: 'filters', id: 'ledger-filters' });
  const summary = el('p', { class: 'summary', id: 'ledger-summary', 'aria-live': 'polite' });
  const actions = el('div', { class: 'actions' });
  const table = el('div', { class: 'scroll', id: 'ledger-table' });
  const pager = el('div', { class: 'pager' });
  container.append(tabs, form, actions, summary, table, pager);

  for (const kind of kinds) {
    const button = el('button', { type: 'button', role: 'tab', id: `ledger-${kind}`, 'data-kind': kind }, w[kind]);
    button.addEventListener('click', () => { view.kind = kind; view.filters = {}; view.sort = null; view.page = 1; load(); });
    tabs.append(button);
  }

  const xlsx = el('button', { type: 'button', id: 'export-xlsx' }, w.xlsx);
  const csv = el('button', { type: 'button', id: 'export-csv' }, w.csv);
  xlsx.addEventListener('click', () => download('xlsx'));
  csv.addEventListener('click', () => download('csv'));
  actions.append(xlsx, csv);

  function query(extra = {}) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(view.filters)) if (v) p.set(k, v);
    if (view.sort !== null) { p.set('sort', view.sort); p.set('dir', view.dir); }
    p.set('page', view.page);
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    return p.toString();
  }

  async function download(format) {
    const response = await ctx.api(`/api/tab/ledgers/${view.kind}/export?${query({ format })}`);
    if (!response.ok) { summary.textContent = w.refused; return; }
    await ctx.save(response, `${view.kind}.${format}`);
  }

  async function load() {
    for (const b of tabs.children) b.setAttribute('aria-selected', String(b.dataset.kind === view.kind));
    const response = await ctx.api(`/api/tab/ledgers/${view.kind}?${query()}`);
    if (!response.ok) {
      form.replaceChildren(); table.replaceChildren(); pager.replaceChildren();
      summary.textContent = w.refused;
      summary.classList.add('error');
      return;
    }
    summary.classList.remove('error');
    const data = await response.json();
    drawFilters(data);
    summary.textContent = w.total(data.total, data.red, data.yellow);
    drawTable(data);
    drawPager(data);
  }

  function drawFilters(data) {
    form.replaceChildren();
    for (const key of filterKeys) {
      const options = data.options[key] || [];
      if (options.length === 0 && !view.filters[key]) continue;
      const select = el('select', { id: `filter-${key}`, name: key });
      // The talks and plans ledgers open on the current month (the talks ledger with what is still open of other
      // months), unless a month or 全部 (every month) is picked.
      const byMonth = key === 'month' && typeof data.month === 'string';
      if (byMonth) {
        select.append(new Option(data.monthDefault, '', false, data.month === ''));
        select.append(new Option(w.all, 'all', false, data.month === 'all'));
      } else {
        select.append(new Option(w.all, ''));
      }
      for (const o of options) select.append(new Option(o.label, o.value, false, view.filters[key] === o.value));
      form.append(el('label', { for: `filter-${key}` }, w[key], select));
    }
    const search = el('input', { type: 'search', id: 'filter-q', name: 'q', value: view.filters.q || '' });
    form.append(el('label', { for: 'filter-q' }, w.q, search));
    // A figure of 统计 opened this view: its stage stays picked while other filters change, until cleared.
    if (view.filters.stage) form.append(el('input', { type: 'hidden', name: 'stage', value: view.filters.stage }));
    const apply = el('button', { type: 'submit', id: 'filter-apply' }, w.apply);
    const reset = el('button', { type: 'button', id: 'filter-reset' }, w.reset);
    reset.addEventListener('click', () => { view.filters = {}; view.page = 1; load(); });
    form.append(apply, reset);
    form.onsubmit = (event) => {
      event.preventDefault();
      const values = new FormData(form);
      view.filters = {};
      for (const [k, v] of values.entries()) if (v) view.filters[k] = String(v);
      view.page = 1;
      load();
    };
  }

  function drawTable(data) {
    table.replaceChildren();
    if (data.rows.length === 0) { table.append(el('p', {}, w.none)); return; }
    const lightColumn = data.columns.length - 1;
    const head = el('tr');
    data.columns.forEach((c, i) => {
      const sorted = view.sort === i;
      const th = el('th', { scope: 'col', 'aria-sort': sorted ? (view.dir === 'asc' ? 'ascending' : 'descending') : 'none' });
      const button = el('button', { type: 'button', title: w.sortBy }, c.label + (sorted ? (view.dir === 'asc' ? ' ▲' : ' ▼') : ''));
      button.addEventListener('click', () => { view.dir = sorted && view.dir === 'asc' ? 'desc' : 'asc'; view.sort = i; view.page = 1; load(); });
      th.append(button);
      head.append(th);
    });
    const body = el('tbody');
    for (const row of data.rows) {
      const tr = el('tr', { 'data-id': row.id, 'data-light': row.light });
      row.cells.forEach((value, i) => {
        const td = el('td', { 'data-label': data.columns[i].label });
        if (i === lightColumn && value) td.append(el('span', { class: `light ${row.light}` }, value));
        else td.textContent = value ?? '';
        tr.append(td);
      });
      body.append(tr);
    }
    table.append(el('table', { id: 'ledger' }, el('thead', {}, head), body));
  }

  function drawPager(data) {
    pager.replaceChildren();
    const prev = el('button', { type: 'button', id: 'page-prev' }, w.prev);
    const next = el('button', { type: 'button', id: 'page-next' }, w.next);
    prev.disabled = data.page <= 1;
    next.disabled = data.page >= data.pages;
    prev.addEventListener('click', () => { view.page -= 1; load(); });
    next.addEventListener('click', () => { view.page += 1; load(); });
    pager.append(prev, el('span', {}, w.page(data.page, data.pages)), next);
  }

  await load();
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  for (const child of children) node.append(child);
  return node;
}
