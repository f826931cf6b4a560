// The TalkBot tab's shell: signs in (Teams SSO in Teams; Microsoft Entra with MSAL in a browser; the demo sign-in in
// Development), then shows the sections 统计 and 台账. Each section is an ES module of this folder exporting
// render(container, ctx), where ctx = { api(path, options) → Response, locale, openLedger(kind, filters), save(response, fallbackName) }.
const text = {
  'zh-CN': { title: 'TalkBot 廉政谈话', nav: '栏目', statistics: '统计', ledger: '台账', lang: 'English', signout: '退出',
    signinEntra: '使用 Microsoft Entra 登录', devTitle: '开发环境登录（仅限开发环境）', devPick: '以哪位人员身份登录', devGo: '登录',
    loading: '正在加载…', notAvailable: '该栏目暂不可用。', failed: '无法登录：', notInDirectory: '您不在组织名录中，或无权使用本页面。' },
  'en-US': { title: 'TalkBot integrity talks', nav: 'Sections', statistics: 'Statistics', ledger: 'Ledgers', lang: '中文', signout: 'Sign out',
    signinEntra: 'Sign in with Microsoft Entra', devTitle: 'Development sign-in (Development only)', devPick: 'Sign in as', devGo: 'Sign in',
    loading: 'Loading…', notAvailable: 'This section is not available yet.', failed: 'Could not sign in: ', notInDirectory: 'You are not in the directory, or may not use this page.' },
};

const state = { locale: localStorage.getItem('talkbot.locale') || 'zh-CN', token: null, msal: null, scope: null, section: 'ledger', pending: null };
const $ = (id) => document.getElementById(id);
const t = (key) => text[state.locale][key];

async function api(path, options = {}) {
  const headers = new Headers(options.headers || {});
  const token = await currentToken();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const url = new URL(path, location.origin);
  if (!url.searchParams.has('locale')) url.searchParams.set('locale', state.locale);
  return fetch(url.pathname + url.search, { ...options, headers, credentials: 'same-origin' });
}

async function currentToken() {
  if (state.inTeams) return microsoftTeams.authentication.getAuthToken();
  if (state.msal && state.msal.getActiveAccount()) {
    const result = await state.msal.acquireTokenSilent({ scopes: [state.scope], account: state.msal.getActiveAccount() });
    return result.accessToken;
  }
  return null;
}

// Hands an export's response to the browser as a download, named as the server's Content-Disposition says. Its
// filename* (RFC 6266, UTF-8) comes first: ASP.NET Core puts a plain filename before it in which every character
// outside ASCII is "_", so 统计-2026-03.xlsx would otherwise be saved as __-2026-03.xlsx.
async function save(response, fallbackName) {
  const blob = await response.blob();
  const header = response.headers.get('Content-Disposition') || '';
  const encoded = /filename\*=UTF-8''([^;\s]+)/i.exec(header)?.[1];
  const plain = /filename="?([^";]+)/i.exec(header)?.[1];
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = encoded ? decodeURIComponent(encoded) : plain || fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  // The blob is kept until the browser has taken the download, then freed.
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

function context() {
  return { api, locale: state.locale, save, openLedger: (kind, filters) => { state.pending = { kind, filters }; show('ledger'); } };
}

async function show(section) {
  state.section = section;
  for (const button of document.querySelectorAll('#nav button')) {
    button.toggleAttribute('aria-current', button.dataset.section === section);
    if (button.dataset.section === section) button.setAttribute('aria-current', 'page');
  }
  const main = $('main');
  main.replaceChildren();
  $('status').textContent = t('loading');
  try {
    const module = await import(`./${section}.js`);
    const pending = state.pending;
    state.pending = null;
    await module.render(main, { ...context(), initial: pending });
    $('status').textContent = '';
  } catch (error) {
    // A section whose module is missing (not built yet) shows a plain line, never a broken page.
    const p = document.createElement('p');
    p.textContent = t('notAvailable');
    main.append(p);
    $('status').textContent = '';
    console.warn(error);
  }
}

function label() {
  document.documentElement.lang = state.locale;
  document.title = t('title');
  $('title').textContent = t('title');
  $('lang').textContent = t('lang');
  $('lang').setAttribute('aria-label', state.locale === 'zh-CN' ? 'Switch to English' : '切换到中文');
  $('signout').textContent = t('signout');
  $('nav').setAttribute('aria-label', t('nav'));
  $('nav-statistics').textContent = t('statistics');
  $('nav-ledger').textContent = t('ledger');
}

async function enter() {
  const response = await api('/api/tab/me');
  if (!response.ok) return false;
  const me = await response.json();
  $('who').textContent = me.unit ? `${me.name} · ${me.unit}` : me.name;
  $('signin').hidden = true;
  $('nav').hidden = false;
  $('signout').hidden = state.inTeams || !!state.msal;
  await show(state.section);
  return true;
}

async function signInPage(config) {
  const box = $('signin');
  box.replaceChildren();
  box.hidden = false;
  if (config.clientId && config.scope) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = t('signinEntra');
    button.addEventListener('click', () => state.msal.loginRedirect({ scopes: [state.scope] }));
    box.append(button);
  }
  if (config.devSignIn) {
    const people = await (await fetch('/api/tab/dev-people')).json();
    const form = document.createElement('form');
    form.id = 'dev-signin';
    const heading = document.createElement('h2');
    heading.textContent = t('devTitle');
    const labelEl = document.createElement('label');
    labelEl.textContent = t('devPick') + ' ';
    const select = document.createElement('select');
    select.id = 'dev-person';
    select.name = 'person';
    for (const p of people) select.append(new Option(`${p.name} · ${p.unit ?? ''} ${p.title ?? ''}`.trim(), p.id));
    labelEl.append(select);
    const go = document.createElement('button');
    go.type = 'submit';
    go.textContent = t('devGo');
    form.append(heading, labelEl, document.createTextNode(' '), go);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const r = await fetch(`/api/tab/dev-sign-in?person=${encodeURIComponent(select.value)}`, { method: 'POST', credentials: 'same-origin' });
      if (r.ok) await enter(); else $('status').textContent = t('failed') + r.status;
    });
    box.append(form);
  }
}

function loadTeamsSdk() {
  if (window.microsoftTeams) return Promise.resolve(true);
  return new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = 'lib/MicrosoftTeams.min.js';
    script.onload = () => resolve(!!window.microsoftTeams);
    script.onerror = () => resolve(false);
    document.head.append(script);
  });
}

async function start() {
  label();
  $('lang').addEventListener('click', () => {
    state.locale = state.locale === 'zh-CN' ? 'en-US' : 'zh-CN';
    localStorage.setItem('talkbot.locale', state.locale);
    label();
    if (!$('nav').hidden) show(state.section);
  });
  $('signout').addEventListener('click', async () => {
    await fetch('/api/tab/sign-out', { method: 'POST', credentials: 'same-origin' });
    location.reload();
  });
  for (const button of document.querySelectorAll('#nav button')) button.addEventListener('click', () => show(button.dataset.section));

  // Inside Teams (a framed page) the Teams client gives the token; a plain browser window never loads the SDK, which
  // asks a CDN for Teams' host names as soon as it loads (the page's CSP refuses that; the SDK keeps its own list).
  if (window.parent !== window && (await loadTeamsSdk())) {
    try {
      await Promise.race([microsoftTeams.app.initialize(), new Promise((_, reject) => setTimeout(() => reject(new Error('not in Teams')), 3000))]);
      const ctx = await microsoftTeams.app.getContext();
      if (!localStorage.getItem('talkbot.locale') && ctx.app?.locale?.toLowerCase().startsWith('en')) state.locale = 'en-US';
      state.inTeams = true;
      label();
      if (!(await enter())) $('status').textContent = t('notInDirectory');
      return;
    } catch (error) {
      state.inTeams = false;
    }
  }

  const config = await (await fetch('/api/tab/config')).json();
  if (config.clientId && config.scope && window.msal) {
    state.scope = config.scope;
    state.msal = new msal.PublicClientApplication({ auth: { clientId: config.clientId, authority: config.authority, redirectUri: location.origin + '/tab/' } });
    await state.msal.initialize();
    const redirect = await state.msal.handleRedirectPromise();
    const account = redirect?.account || state.msal.getAllAccounts()[0];
    if (account) state.msal.setActiveAccount(account);
  }
  // Who is signed in is asked only when someone may be (an Entra account, or the demo sign-in's cookie): asked without
  // a sign-in, the bot refuses with 401, which the browser reports as an error.
  if ((state.msal?.getActiveAccount() || config.devSignedIn) && (await enter())) return;
  await signInPage(config);
}

start().catch((error) => { $('status').textContent = t('failed') + error.message; });
