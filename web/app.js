// Clean Portal: the citizen page. A plain ES module with no dependencies and no build step, so it loads
// fast on a slow phone and runs under a strict Content-Security-Policy (default-src 'self').
// Everything that comes from the server goes onto the page through textContent or text nodes, never parsed
// as HTML (DESIGN invariant 8). The tracking code is never logged, put in a URL or in localStorage (invariant 1).

const API = '/api';
const LANG_KEY = 'cp.lang';
const CODE_KEY = 'cp.pendingCode';
const MAX_FILE_BYTES = 25 * 1024 * 1024; // DESIGN: each upload at most 25 MiB
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_RE = /^[0-9A-HJKMNP-TV-Z]{16}$/;
const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'dv', 'yi']);

const $ = (id) => document.getElementById(id);
const state = {
  lang: '', config: null, strings: {}, orgs: [],
  report: null,     // the successful report answer, in memory only: the code is shown once
  track: null,      // the last tracked case
  trackCode: '',    // the code it was tracked with, kept only in this variable for replies and refreshes
  page: '',         // id of the open information page
  upload: null,     // { key, uploadId } of a file already uploaded, so a retried submit sends the same uploadIds
  memCode: '',      // the pending tracking code when sessionStorage is unavailable
  configSeq: 0,     // ignore a slow config answer when the language changed again meanwhile
};

// ---------- small helpers ----------

function t(key) {
  const s = state.strings[key];
  return typeof s === 'string' && s !== '' ? s : key;
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

// Storage may be disabled or throw (private browsing); the page must still work without it.
const getItem = (area, key) => { try { return window[area].getItem(key); } catch { return null; } };
const setItem = (area, key, value) => {
  try { if (value === null) window[area].removeItem(key); else window[area].setItem(key, value); } catch { /* ignore */ }
};

// Every API call: JSON in, JSON out, no cookies. A network failure answers status 0.
async function api(method, path, body) {
  const init = { method, credentials: 'omit', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try { res = await fetch(API + path, init); } catch { return { status: 0, data: null }; }
  let data = null;
  try { data = await res.json(); } catch { /* empty or not JSON */ }
  return { status: res.status, data };
}

const detailPath = (d) => (Array.isArray(d && d.path) ? d.path.join('.') : String((d && d.path) || ''));

function errorOf(res) {
  if (res.status === 429) return { text: t('error.rateLimited'), details: [] };
  if (res.status === 503 || res.status === 0) return { text: t('error.unavailable'), details: [] };
  const e = res.data && res.data.error;
  const details = e && Array.isArray(e.details) ? e.details : [];
  const text = e && typeof e.message === 'string' && e.message ? e.message : t(res.status === 400 ? 'error.validation' : 'error.generic');
  return { text, details };
}

// Writes a message (and an optional list of details) into an aria-live region.
function say(region, text, details = [], kind = 'info') {
  region.replaceChildren();
  region.dataset.kind = kind;
  if (!text) return;
  region.append(el('p', text));
  if (details.length) {
    const ul = el('ul');
    for (const d of details) {
      const path = detailPath(d);
      const message = d && d.message != null ? String(d.message) : '';
      ul.append(el('li', path ? `${path}: ${message}` : message));
    }
    region.append(ul);
  }
}
const sayError = (region, res) => { const e = errorOf(res); say(region, e.text, e.details, 'error'); return e; };

function fmtDate(value, withTime = false) {
  if (!value) return '';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const d = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) return String(value);
  const opts = withTime && !dateOnly ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'long' };
  // Deadlines are legal dates of the country, so show them in its time zone when the config gives one.
  const zone = dateOnly ? 'UTC' : state.config && state.config.country && state.config.country.timezone;
  for (const timeZone of zone ? [zone, undefined] : [undefined]) {
    try { return new Intl.DateTimeFormat(state.lang || undefined, { ...opts, timeZone }).format(d); } catch { /* try next */ }
  }
  return d.toISOString().slice(0, 10);
}

function fmtSize(bytes) {
  const n = Number(bytes);
  if (!Number.isFinite(n)) return '';
  const [value, unit] = n >= 1048576 ? [n / 1048576, 'megabyte'] : n >= 1024 ? [n / 1024, 'kilobyte'] : [n, 'byte'];
  try { return new Intl.NumberFormat(state.lang || undefined, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value); } catch { return `${Math.round(n)} B`; }
}

const orgName = (o) => (o && typeof o === 'object' ? o.name || o.id || '' : String(o ?? ''));
const normalizeCode = (code) => String(code).toUpperCase().replace(/[^0-9A-Z]/g, '');
const groupCode = (code) => (normalizeCode(code).match(/.{1,4}/g) || []).join('-');

function fillFacts(dl, rows) {
  dl.replaceChildren();
  for (const [label, value] of rows) if (value) dl.append(el('dt', label), el('dd', value));
}

function fillList(list, items, render) {
  list.replaceChildren();
  if (!Array.isArray(items) || items.length === 0) { list.append(el('li', t('track.none'), 'none')); return; }
  for (const item of items) list.append(render(item));
}

function fillSelect(select, items, withBlank) {
  const keep = select.value;
  const frag = document.createDocumentFragment();
  if (withBlank) frag.append(new Option('—', ''));
  for (const { value, label } of items) frag.append(new Option(label, value)); // Option() sets text, not HTML
  select.replaceChildren(frag);
  if (keep && items.some((i) => i.value === keep)) select.value = keep;
}

// ---------- tracking code proposed by the browser ----------

// 10 random bytes = 80 bits, written 5 bits per character in Crockford base32: 16 characters.
function newCode() {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  let out = '', value = 0, bits = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) { bits -= 5; out += CROCKFORD[(value >>> bits) & 31]; }
    value &= (1 << bits) - 1;
  }
  return out;
}

// The same code is reused until a submission succeeds, so a retry after a lost answer is idempotent.
function pendingCode() {
  const stored = getItem('sessionStorage', CODE_KEY) || state.memCode;
  if (stored && CODE_RE.test(stored)) return stored;
  const code = newCode();
  state.memCode = code;
  setItem('sessionStorage', CODE_KEY, code);
  return code;
}
function dropPendingCode() { state.memCode = ''; setItem('sessionStorage', CODE_KEY, null); }

// ---------- configuration and language ----------

async function fetchConfig(lang) {
  const res = await api('GET', '/config' + (lang ? `?lang=${encodeURIComponent(lang)}` : ''));
  if (res.status === 200 && res.data && typeof res.data === 'object') return res.data;
  // A remembered language the pack no longer offers: fall back to the default language.
  if (lang && res.status >= 400 && res.status < 500) return fetchConfig('');
  throw res;
}

const languageName = (code) => { try { return new Intl.DisplayNames([code], { type: 'language' }).of(code) || code; } catch { return code; } };

function applyConfig(cfg, requested) {
  state.config = cfg;
  state.strings = cfg.strings && typeof cfg.strings === 'object' ? cfg.strings : {};
  const languages = Array.isArray(cfg.languages) ? cfg.languages : [];
  state.lang = cfg.language || (languages.includes(requested) ? requested : cfg.defaultLanguage) || 'en';
  const root = document.documentElement;
  root.lang = state.lang;
  root.dir = RTL.has(state.lang.split('-')[0]) ? 'rtl' : 'ltr';
  document.title = t('app.title');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);

  // Each language is named in itself, so a reader can find theirs whatever is shown now.
  fillSelect($('lang'), languages.map((code) => ({ value: code, label: languageName(code) })), false);
  $('lang').value = state.lang;
  fillSelect($('category'), (cfg.categories || []).map((c) => ({ value: c.id, label: c.name })), true);
  showCategoryHelp();
  const collator = new Intl.Collator(state.lang);
  state.orgs = (cfg.organizations || [])
    .map((o) => ({ id: o.id, name: o.name, search: `${o.name} ${o.id}`.toLocaleLowerCase() }))
    .sort((a, b) => collator.compare(a.name, b.name));
  renderOrgs();
  renderPagesNav();
  const currency = cfg.country && /^[A-Z]{3}$/.test(cfg.country.currency || '') ? cfg.country.currency : 'KRW';
  $('currency').defaultValue = currency; // what form.reset() returns to
  for (const id of ['report-submit', 'track-submit', 'reply-submit']) $(id).disabled = false;
  if (state.report) renderCode();
  if (state.track) renderTrack();
}

// Loads the configuration in one language and redraws the page; a newer call wins over a slower, older one.
async function loadConfig(lang) {
  const seq = ++state.configSeq;
  try {
    const cfg = await fetchConfig(lang);
    if (seq !== state.configSeq) return;
    applyConfig(cfg, lang);
    $('load-error').hidden = true;
    say($('app-status'), '');
    if (state.page) openPage(state.page, false);
  } catch (res) {
    if (seq !== state.configSeq) return;
    if (!state.config) { $('load-error').hidden = false; return; } // nothing to show yet: offer a retry
    $('lang').value = state.lang;
    sayError($('app-status'), res);
  }
}

// ---------- sections ----------

function show(name) {
  for (const s of ['report', 'track', 'pages']) {
    $(`${s}-section`).hidden = s !== name;
    if (s === name) $(`nav-${s}`).setAttribute('aria-current', 'page');
    else $(`nav-${s}`).removeAttribute('aria-current');
  }
  $(`${name}-heading`).focus(); // tell keyboard and screen reader users where they are now
}

// ---------- report form ----------

function showCategoryHelp() {
  const c = ((state.config && state.config.categories) || []).find((x) => x.id === $('category').value);
  $('category-help').textContent = c ? c.description || '' : '';
}

// There may be over a thousand organizations: the search box narrows the select's options.
function renderOrgs() {
  const select = $('organizationId');
  const q = $('org-search').value.trim().toLocaleLowerCase();
  const chosen = select.value;
  const found = state.orgs.filter((o) => !q || o.id === chosen || o.search.includes(q));
  fillSelect(select, found.map((o) => ({ value: o.id, label: o.name })), true);
  if (!select.value && q && found.length === 1) select.value = found[0].id;
}
let orgTimer = 0;
function onOrgSearch() {
  clearTimeout(orgTimer);
  orgTimer = setTimeout(renderOrgs, 150); // do not rebuild 1,000 options on every key press of a slow phone
}

function syncCurrency() { $('currency-field').hidden = $('amount').value === ''; }
function syncContact() {
  const on = $('report-form').elements.namedItem('anonymity').value === 'confidential';
  $('contact').hidden = !on;
  $('contact').disabled = !on; // disabled fields cannot be focused or filled while hidden
}

const clearInvalid = (form) => { for (const n of form.querySelectorAll('[aria-invalid]')) n.removeAttribute('aria-invalid'); };
// Marks the fields the server named and moves focus to the first one.
function markInvalid(form, details) {
  let first = null;
  for (const d of details) {
    const path = detailPath(d);
    const field = form.elements.namedItem(path) || form.elements.namedItem(path.split('.')[0]);
    if (field && field.setAttribute && typeof field.focus === 'function') {
      field.setAttribute('aria-invalid', 'true');
      first = first || field;
    }
  }
  if (first) first.focus();
}

function checkFile(file, region, input) {
  if (!file || file.size <= MAX_FILE_BYTES) return true;
  say(region, t('error.validation'), [{ path: file.name, message: t('report.attachment.help') }], 'error');
  input.focus();
  return false;
}

// Presigned S3 POST: ask the API for it, then send the policy fields first and the file last.
async function uploadFile(file, purpose) {
  const key = [purpose, file.name, file.size, file.lastModified].join('|');
  if (state.upload && state.upload.key === key) return { ok: true, uploadId: state.upload.uploadId };
  const res = await api('POST', '/uploads', {
    files: [{ name: file.name, size: file.size, contentType: file.type || 'application/octet-stream' }],
  });
  const u = res.status >= 200 && res.status < 300 && res.data && Array.isArray(res.data.uploads) ? res.data.uploads[0] : null;
  if (!u || !u.url || !u.uploadId) return { ok: false, res };
  const form = new FormData();
  const fields = Array.isArray(u.fields) ? u.fields : Object.entries(u.fields || {});
  for (const [name, value] of fields) form.append(name, value);
  form.append('file', file);
  let up;
  try { up = await fetch(u.url, { method: 'POST', body: form, credentials: 'omit' }); } catch { return { ok: false, res: { status: 0 } }; }
  if (!up.ok) return { ok: false, res: { status: up.status >= 500 ? 503 : up.status, data: null } };
  state.upload = { key, uploadId: u.uploadId };
  return { ok: true, uploadId: u.uploadId };
}

let reportBusy = false;
async function submitReport(event) {
  event.preventDefault();
  if (reportBusy || !state.config) return;
  const form = event.currentTarget;
  const f = form.elements;
  const v = (name) => f.namedItem(name).value.trim();
  const status = $('report-status');
  clearInvalid(form);

  const anonymity = v('anonymity') === 'confidential' ? 'confidential' : 'anonymous';
  let contact = null;
  if (anonymity === 'confidential') {
    contact = {};
    for (const k of ['name', 'email', 'phone']) if (v(`contact.${k}`)) contact[k] = v(`contact.${k}`);
    if (Object.keys(contact).length === 0) {
      say(status, t('error.validation'), [{ path: '', message: t('report.anonymity.confidential.help') }], 'error');
      f.namedItem('contact.name').focus();
      return;
    }
  }
  const file = f.namedItem('attachment').files[0];
  if (!checkFile(file, status, f.namedItem('attachment'))) return;

  // Exactly the POST /reports body of DESIGN.md; empty optional fields are left out.
  const body = {
    category: v('category'), organizationId: v('organizationId'), language: state.lang,
    title: v('title'), description: v('description'), subjectIsHead: f.namedItem('subjectIsHead').checked,
    anonymity, contact, uploadIds: [],
  };
  if (v('occurredOn')) body.occurredOn = v('occurredOn');
  if (v('location')) body.location = v('location');
  if (v('amount') !== '') {
    body.amount = { value: Number(v('amount')), currency: v('amount.currency').toUpperCase() || $('currency').defaultValue };
  }

  const button = $('report-submit');
  const busy = (text) => { button.textContent = text; say(status, text); };
  reportBusy = true;
  button.disabled = true;
  form.setAttribute('aria-busy', 'true');
  try {
    if (file) {
      busy(t('report.uploading'));
      const up = await uploadFile(file, 'report');
      if (!up.ok) { sayError(status, up.res); return; }
      body.uploadIds = [up.uploadId];
    }
    busy(t('report.submitting'));
    body.trackingCode = pendingCode();
    const res = await api('POST', '/reports', body);
    if ((res.status === 201 || res.status === 200) && res.data) {
      dropPendingCode();
      state.upload = null;
      say(status, '');
      showCode({ ...res.data, trackingCode: res.data.trackingCode || body.trackingCode });
      return;
    }
    // 409: this code already names a report with other content, so the next attempt needs a fresh code.
    if (res.status === 409) dropPendingCode();
    const err = sayError(status, res);
    if (err.details.some((d) => detailPath(d).startsWith('uploadIds'))) state.upload = null;
    markInvalid(form, err.details);
  } finally {
    reportBusy = false;
    button.disabled = false;
    button.textContent = t('report.submit');
    form.removeAttribute('aria-busy');
  }
}

// ---------- the tracking code, shown once ----------

function showCode(result) {
  state.report = result;
  const form = $('report-form');
  form.reset(); // the report text does not need to stay on the page
  form.hidden = true;
  $('org-search').value = '';
  syncContact();
  syncCurrency();
  renderOrgs();
  showCategoryHelp();
  $('code-result').hidden = false;
  renderCode();
  $('code-heading').focus();
}

function renderCode() {
  const r = state.report;
  $('code-value').textContent = groupCode(r.trackingCode);
  fillFacts($('code-facts'), [
    [t('code.caseId'), r.caseId],
    [t('code.routedTo'), orgName(r.organization)],
    [t('code.acknowledgeBy'), fmtDate(r.acknowledgeBy)],
    [t('code.respondBy'), fmtDate(r.respondBy)],
  ]);
}

async function copyCode() {
  try {
    await navigator.clipboard.writeText($('code-value').textContent);
    say($('code-status'), t('code.copied'));
  } catch {
    window.getSelection().selectAllChildren($('code-value')); // no clipboard access: select it for a manual copy
  }
}

function downloadCode() {
  const r = state.report;
  if (!r) return;
  const lines = [
    t('app.title'), '',
    `${t('track.code')}: ${groupCode(r.trackingCode)}`,
    `${t('code.caseId')}: ${r.caseId}`,
    `${t('code.routedTo')}: ${orgName(r.organization)}`,
    `${t('code.acknowledgeBy')}: ${fmtDate(r.acknowledgeBy)}`,
    `${t('code.respondBy')}: ${fmtDate(r.respondBy)}`, '',
    t('code.warning'), '',
  ];
  // The byte order mark lets old text editors recognise UTF-8 (Korean and other scripts).
  const url = URL.createObjectURL(new Blob(['\ufeff' + lines.join('\r\n')], { type: 'text/plain;charset=utf-8' }));
  const a = el('a');
  a.href = url;
  a.download = 'tracking-code.txt';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// ---------- tracking ----------

async function loadTrack(code, keepOnError) {
  const res = await api('POST', '/track', { trackingCode: code });
  if (res.status === 200 && res.data) {
    state.track = res.data;
    state.trackCode = code;
    renderTrack();
    return true;
  }
  if (!keepOnError) {
    state.track = null;
    state.trackCode = '';
    $('track-result').hidden = true;
  }
  if (res.status === 404) say($('track-status'), t('track.notFound'), [], 'error');
  else sayError($('track-status'), res);
  return false;
}

function timeEl(at) {
  const time = el('time', fmtDate(at, true));
  time.dateTime = String(at || '');
  return time;
}

function renderTrack() {
  const c = state.track;
  $('track-result').hidden = false;
  fillFacts($('track-facts'), [
    [t('track.status'), t(`status.${c.status}`)],
    [t('code.caseId'), c.caseId],
    [t('code.routedTo'), orgName(c.organization)],
    [t('track.acknowledgeBy'), fmtDate(c.acknowledgeBy)],
    [t('track.respondBy'), fmtDate(c.respondBy)],
  ]);
  fillList($('track-timeline'), c.timeline, (e) => {
    const li = el('li');
    li.append(timeEl(e.at), ' — ', el('strong', t(`status.${e.status}`)));
    if (e.publicNote) li.append(el('p', e.publicNote, 'body'));
    return li;
  });
  fillList($('track-messages'), c.messages, (m) => {
    const li = el('li', null, m.from === 'agency' ? 'from-agency' : 'from-whistleblower');
    const meta = el('p', null, 'meta');
    meta.append(el('strong', t(m.from === 'agency' ? 'from.agency' : 'from.whistleblower')), ' · ', timeEl(m.at));
    li.append(meta, el('p', m.body, 'body'));
    return li;
  });
  fillList($('track-attachments'), c.attachments, (a) => el('li', `${a.name} (${fmtSize(a.size)})`));
}

let trackBusy = false;
async function submitTrack(event) {
  event.preventDefault();
  const code = $('track-code').value.trim(); // sent as typed: the server accepts any case, with or without dashes
  if (!code || trackBusy) return;
  trackBusy = true;
  $('track-submit').disabled = true;
  say($('track-status'), '');
  say($('reply-status'), '');
  try {
    if (await loadTrack(code, false)) $('track-result').focus();
  } finally {
    trackBusy = false;
    $('track-submit').disabled = false;
  }
}

let replyBusy = false;
async function submitReply(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const status = $('reply-status');
  const text = form.elements.namedItem('body').value.trim();
  if (replyBusy || !state.trackCode || !text) return;
  const fileInput = form.elements.namedItem('attachment');
  const file = fileInput.files[0];
  if (!checkFile(file, status, fileInput)) return;
  const button = $('reply-submit');
  replyBusy = true;
  button.disabled = true;
  try {
    const body = { trackingCode: state.trackCode, body: text };
    if (file) {
      say(status, t('report.uploading'));
      const up = await uploadFile(file, 'reply');
      if (!up.ok) { sayError(status, up.res); return; }
      body.uploadIds = [up.uploadId];
    }
    const res = await api('POST', '/track/messages', body);
    if (res.status !== 201 && res.status !== 200) { sayError(status, res); return; }
    form.reset();
    state.upload = null;
    say(status, t('track.replySent'));
    await loadTrack(state.trackCode, true); // show the new message in the list
  } finally {
    replyBusy = false;
    button.disabled = false;
  }
}

// ---------- information pages ----------

function renderPagesNav() {
  const list = $('pages-list');
  list.replaceChildren();
  for (const p of (state.config && state.config.pages) || []) {
    const b = el('button', p.title);
    b.type = 'button';
    b.dataset.page = p.id;
    if (p.id === state.page) b.setAttribute('aria-current', 'page');
    const li = el('li');
    li.append(b);
    list.append(li);
  }
}

async function openPage(id, focus = true) {
  state.page = id;
  renderPagesNav();
  const article = $('page-content');
  article.setAttribute('aria-busy', 'true');
  const res = await api('GET', `/pages/${encodeURIComponent(id)}?lang=${encodeURIComponent(state.lang)}`);
  article.removeAttribute('aria-busy');
  if (state.page !== id) return; // another page was chosen meanwhile
  if (res.status !== 200 || !res.data) { article.replaceChildren(); sayError($('pages-status'), res); return; }
  say($('pages-status'), '');
  renderMarkdown(article, res.data.title, res.data.markdown);
  if (focus) article.focus();
}

// A deliberately tiny Markdown subset, built as DOM with textContent: headings, "- " lists and paragraphs.
function renderMarkdown(container, title, markdown) {
  container.replaceChildren();
  const blocks = String(markdown || '').replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  if (!/^\s*#\s/.test(blocks[0] || '')) container.append(el('h2', title));
  for (const block of blocks) {
    let list = null;
    let para = [];
    const flush = () => { if (para.length) container.append(inline(el('p'), para.join(' '))); para = []; };
    for (const raw of block.split('\n')) {
      const line = raw.trim();
      let m;
      if (!line) continue;
      if ((m = /^(#{1,6})\s+(.*)$/.exec(line))) {
        flush();
        list = null;
        container.append(inline(el(m[1].length === 1 ? 'h2' : m[1].length === 2 ? 'h3' : 'h4'), m[2]));
      } else if ((m = /^[-*]\s+(.*)$/.exec(line))) {
        flush();
        if (!list) container.append((list = el('ul')));
        list.append(inline(el('li'), m[1]));
      } else {
        list = null;
        para.push(line);
      }
    }
    flush();
  }
}

// Sets the text of node, dropping emphasis marks; everything else (links, HTML) stays visible as plain text.
function inline(node, text) {
  node.textContent = text.replace(/\*\*|__|`/g, '');
  return node;
}

// ---------- wiring ----------

for (const b of document.querySelectorAll('[data-section]')) b.addEventListener('click', () => show(b.dataset.section));
$('lang').addEventListener('change', () => {
  setItem('localStorage', LANG_KEY, $('lang').value); // remembered only when the reader chooses
  loadConfig($('lang').value);
});
$('retry').addEventListener('click', () => loadConfig(getItem('localStorage', LANG_KEY) || ''));
$('category').addEventListener('change', showCategoryHelp);
$('org-search').addEventListener('input', onOrgSearch);
$('amount').addEventListener('input', syncCurrency);
for (const r of document.querySelectorAll('input[name="anonymity"]')) r.addEventListener('change', syncContact);
$('report-form').addEventListener('submit', submitReport);
$('copy').addEventListener('click', copyCode);
$('download').addEventListener('click', downloadCode);
$('track-form').addEventListener('submit', submitTrack);
$('reply-form').addEventListener('submit', submitReply);
$('pages-list').addEventListener('click', (event) => {
  const b = event.target.closest('button[data-page]');
  if (b) openPage(b.dataset.page);
});

syncContact(); // the browser may have restored a checked radio after a back navigation
syncCurrency();
loadConfig(getItem('localStorage', LANG_KEY) || ''); // no remembered choice: the server answers in its default language
