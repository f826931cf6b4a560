// 统计: the statistics section of the TalkBot tab. Figures come from GET /api/tab/statistics, which applies who may see
// what; every figure opens the ledger rows behind it (ctx.openLedger). Charts use Chart.js served by the bot itself
// (/tab/lib/chart.umd.js): nothing is loaded from the internet. Each chart has a table beside it with the same numbers.

const CHART_URL = '/tab/lib/chart.umd.js';

const TEXT = {
  'zh-CN': {
    title: '统计', month: '月份', unit: '单位', tier: '层级', talker: '谈话人', kind: '谈话类型', all: '全部',
    apply: '查询', loading: '正在加载统计…', failed: '统计加载失败，请稍后重试。', completion: '完成率', average: '测试平均分',
    none: '无', byUnit: '各单位完成率', byTalker: '各谈话人完成率', series: '逐月完成率', planned: '计划', scheduled: '已安排',
    completed: '已完成', rate: '完成率', name: '名称', open: '查看明细', more: (n) => `共 ${n} 人，列出完成率最低的 ${n > 100 ? 100 : n} 人。`,
    xlsx: '导出 Excel', csv: '导出 CSV', exportLabel: '导出本页统计', exportFailed: '导出失败，请稍后重试。',
    chartFallback: '图表不可用，数字见下表。', note: '谈话按人次统计；完成指谈话已开展并已填写登记表（000 末段：考核、问责）。',
  },
  'en-US': {
    title: 'Statistics', month: 'Month', unit: 'Unit', tier: 'Tier', talker: 'Talker', kind: 'Kind of talk', all: 'All',
    apply: 'Show', loading: 'Loading the statistics…', failed: 'The statistics could not be loaded; try again shortly.', completion: 'Completion rate',
    average: 'Average quiz score', none: 'none', byUnit: 'Completion by unit', byTalker: 'Completion by talker', series: 'Completion month by month',
    planned: 'Planned', scheduled: 'Scheduled', completed: 'Completed', rate: 'Rate', name: 'Name', open: 'Show the rows',
    more: (n) => `${n} talkers; the ${n > 100 ? 100 : n} with the lowest completion are listed.`,
    xlsx: 'Export Excel', csv: 'Export CSV', exportLabel: 'Export these statistics', exportFailed: 'The export failed; try again shortly.',
    chartFallback: 'Charts are not available; the numbers are in the table below.',
    note: 'Talks count talkees; completed means held with its record filled in (000, last paragraph: assessment and accountability).',
  },
};

let chartLoading;

function loadChart() {
  if (globalThis.Chart) return Promise.resolve(globalThis.Chart);
  chartLoading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = CHART_URL;
    script.onload = () => (globalThis.Chart ? resolve(globalThis.Chart) : reject(new Error('Chart.js did not load')));
    script.onerror = () => reject(new Error('Chart.js did not load'));
    document.head.append(script);
  });
  return chartLoading;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'onclick' || name === 'onsubmit') node.addEventListener(name.slice(2), value);
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

const percent = (rate, t) => (rate === null || rate === undefined ? t.none : `${Math.round(rate * 100)}%`);

let uid = 0;

function select(id, label, options, value, t) {
  const control = el('select', { id, name: id });
  control.append(el('option', { value: '', text: t.all }));
  for (const option of options) {
    control.append(el('option', { value: option.value, selected: option.value === value, text: option.text }));
  }
  return el('div', { class: 'field' }, el('label', { for: id, text: label }), control);
}

/** Renders the statistics section into container; ctx = { api, locale, openLedger, save }. */
export async function render(container, ctx) {
  const locale = ctx.locale === 'en-US' ? 'en-US' : 'zh-CN';
  const t = TEXT[locale];
  const pick = (both) => (both && (both[locale] ?? both['zh-CN'])) || '';
  const prefix = `stat${++uid}`;
  const state = { month: '', unit: '', tier: '', talker: '', kind: '' };
  const status = el('p', { role: 'status', 'aria-live': 'polite', class: 'stat-status' });
  const body = el('div', { class: 'stat-body' });
  const charts = [];
  container.replaceChildren(el('section', { class: 'statistics', 'aria-labelledby': `${prefix}-title`, lang: locale },
    el('h2', { id: `${prefix}-title`, text: t.title }), status, body));

  async function load() {
    status.textContent = t.loading;
    const query = new URLSearchParams(Object.entries(state).filter(([, v]) => v));
    let response;
    try {
      response = await ctx.api(`/api/tab/statistics?${query}`, { headers: { Accept: 'application/json' } });
    } catch {
      status.textContent = t.failed;
      return;
    }
    const data = await response.json().catch(() => null);
    if (!response.ok || !data) {
      const problems = data?.problems ?? (data ? [data] : []);
      status.textContent = problems.map(pick).filter(Boolean).join(' ') || t.failed;
      return;
    }
    status.textContent = '';
    draw(data);
  }

  function filters(data) {
    const form = el('form', { class: 'stat-filters', 'aria-label': t.title });
    const monthId = `${prefix}-month`;
    form.append(el('div', { class: 'field' }, el('label', { for: monthId, text: t.month }),
      el('input', { id: monthId, name: 'month', type: 'month', value: data.month, required: true })));
    if (data.options.units.length > 0) {
      form.append(select(`${prefix}-unit`, t.unit, data.options.units.map((u) => ({ value: u.value, text: `${'\u3000'.repeat(u.depth)}${pick(u.label)}` })),
        data.filters.unit ?? '', t));
    }
    form.append(select(`${prefix}-tier`, t.tier, data.options.tiers.map((o) => ({ value: o.value, text: pick(o.label) })), data.filters.tier ?? '', t));
    if (!data.scope.talker) {
      form.append(select(`${prefix}-talker`, t.talker, data.talkers.map((o) => ({ value: o.id, text: pick(o.name) })), data.filters.talker ?? '', t));
    }
    form.append(select(`${prefix}-kind`, t.kind, data.options.kinds.map((o) => ({ value: o.value, text: pick(o.label) })), data.filters.kind ?? '', t));
    form.append(el('button', { type: 'submit', text: t.apply }));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = (name) => form.querySelector(`#${prefix}-${name}`)?.value ?? '';
      Object.assign(state, { month: value('month'), unit: value('unit'), tier: value('tier'), talker: value('talker'), kind: value('kind') });
      load();
    });
    return form;
  }

  // The export holds the view on screen: the filters the page was last drawn with (data.filters), in the page's language.
  async function download(data, format) {
    const query = new URLSearchParams(Object.entries(data.filters).filter(([, v]) => v));
    query.set('format', format);
    query.set('locale', locale);
    let response;
    try {
      response = await ctx.api(`/api/tab/statistics/export?${query}`);
    } catch {
      status.textContent = t.exportFailed;
      return;
    }
    if (!response.ok) {
      const problems = await response.json().then((d) => d?.problems ?? [d]).catch(() => []);
      status.textContent = problems.map(pick).filter(Boolean).join(' ') || t.exportFailed;
      return;
    }
    await ctx.save(response, `statistics-${data.month}.${format}`);
  }

  function exports(data) {
    return el('div', { class: 'actions stat-export', role: 'group', 'aria-label': t.exportLabel },
      el('button', { type: 'button', id: `${prefix}-export-xlsx`, text: t.xlsx, onclick: () => download(data, 'xlsx') }),
      el('button', { type: 'button', id: `${prefix}-export-csv`, text: t.csv, onclick: () => download(data, 'csv') }));
  }

  // The label comes first, as the button's name says it (WCAG 2.5.3: the visible text is part of the name); the style puts the figure on top.
  function figureButton(figure) {
    const label = pick(figure.label);
    return el('li', {}, el('button', {
      type: 'button', class: 'stat-figure', 'aria-label': `${label}: ${figure.value}. ${t.open}`,
      onclick: () => ctx.openLedger(figure.link.ledger, figure.link.filters),
    }, el('span', { class: 'stat-label', text: label }), ' ', el('span', { class: 'stat-value', text: String(figure.value) })));
  }

  function table(caption, rows, extra) {
    const head = el('tr', {}, ...[t.name, t.planned, t.scheduled, t.completed, t.rate].map((h) => el('th', { scope: 'col', text: h })));
    const lines = rows.map((row) => el('tr', {},
      el('th', { scope: 'row' }, el('a', {
        href: '#', text: pick(row.name),
        onclick: (event) => { event.preventDefault(); ctx.openLedger(row.link.ledger, row.link.filters); },
      })),
      // data-label names the cell at a phone's width, where the table's header row is hidden (tab.css).
      el('td', { 'data-label': t.planned, text: String(row.planned) }), el('td', { 'data-label': t.scheduled, text: String(row.scheduled) }),
      el('td', { 'data-label': t.completed, text: String(row.completed) }), el('td', { 'data-label': t.rate, text: percent(row.rate, t) })));
    return el('div', { class: 'stat-table' }, el('table', {}, el('caption', { text: caption }), el('thead', {}, head), el('tbody', {}, ...lines)), extra);
  }

  // A chart fills a box of its own height (Chart.js then keeps no aspect ratio): the series a strip, the units a bar's
  // height each, so that a few units do not make a chart as tall as the page is wide.
  function chartCanvas(label, rem) {
    const canvas = el('canvas', { role: 'img', 'aria-label': label, class: 'stat-chart' });
    const box = el('div', { class: 'stat-chart-box' }, canvas);
    box.style.height = `${rem}rem`;
    return canvas;
  }

  async function drawCharts(data, seriesCanvas, unitCanvas) {
    let Chart;
    try {
      Chart = await loadChart();
    } catch {
      seriesCanvas.parentElement.replaceWith(el('p', { text: t.chartFallback }));
      unitCanvas?.parentElement.remove();
      return;
    }
    const rate = (r) => (r === null || r === undefined ? null : Math.round(r * 1000) / 10);
    charts.push(new Chart(seriesCanvas, {
      type: 'line',
      data: {
        labels: data.series.map((p) => p.month),
        datasets: [{ label: `${t.completion} (%)`, data: data.series.map((p) => rate(p.rate)), borderColor: '#1f5fa8', backgroundColor: '#1f5fa8', spanGaps: true }],
      },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { min: 0, max: 100 } } },
    }));
    if (unitCanvas) {
      charts.push(new Chart(unitCanvas, {
        type: 'bar',
        data: {
          labels: data.units.map((u) => pick(u.name)),
          datasets: [{ label: `${t.completion} (%)`, data: data.units.map((u) => rate(u.rate)), backgroundColor: '#2e7d32' }],
        },
        options: { animation: false, responsive: true, maintainAspectRatio: false, indexAxis: 'y', scales: { x: { min: 0, max: 100 } } },
      }));
    }
  }

  function draw(data) {
    for (const chart of charts.splice(0)) chart.destroy();
    const sections = data.sections.map((section) => el('section', { class: 'stat-section', 'aria-label': pick(section.label) },
      el('h3', { text: pick(section.label) }),
      el('ul', { class: 'stat-figures' }, ...data.figures.filter((f) => f.section === section.key).map(figureButton))));
    const rates = el('dl', { class: 'stat-rates' },
      el('dt', { text: t.completion }), el('dd', { text: percent(data.rates.completion, t) }),
      el('dt', { text: t.average }), el('dd', { text: data.rates.averageScore === null ? t.none : data.rates.averageScore.toFixed(1) }));
    const seriesCanvas = chartCanvas(t.series, 16);
    const seriesTable = table(t.series, data.series.map((p) => ({
      name: { [locale]: p.month }, planned: p.planned, scheduled: p.scheduled, completed: p.completed, rate: p.rate,
      link: { ledger: 'talks', filters: { ...data.filters, month: p.month } },
    })));
    const unitCanvas = data.units.length > 0 ? chartCanvas(t.byUnit, 5 + 2 * data.units.length) : null;
    body.replaceChildren(
      filters(data),
      exports(data),
      el('p', { class: 'stat-note', text: t.note }),
      rates,
      ...sections,
      el('section', { 'aria-label': t.series }, el('h3', { text: t.series }), seriesCanvas.parentElement, seriesTable),
      data.units.length > 0 ? el('section', { 'aria-label': t.byUnit }, el('h3', { text: t.byUnit }), unitCanvas.parentElement, table(t.byUnit, data.units)) : null,
      data.talkers.length > 0
        ? el('section', { 'aria-label': t.byTalker }, el('h3', { text: t.byTalker }),
          table(t.byTalker, data.talkers, el('p', { text: t.more(data.talkersTotal) })))
        : null);
    drawCharts(data, seriesCanvas, unitCanvas);
  }

  await load();
}
