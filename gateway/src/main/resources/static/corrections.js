// Attendance corrections in the web app: on "My month" an officer asks to correct a day (a forgotten
// check-in or check-out, a wrong mode) and sees their requests; each past working day of the calendar
// offers "correct this day" and says when it was corrected. In the manager's inbox, the corrections
// waiting for a decision, approved or rejected with a reason. Texts come from the server's bundles
// (body data-texts, keys js.corr.*), never from this file.
'use strict';

(() => {
  const body = document.body;
  const page = body.dataset.page;
  if (page !== 'month' && page !== 'inbox') return;
  if (window.jedaCorrections) return; // the fragment's script tag may appear once per block
  window.jedaCorrections = true;

  const T = body.dataset.texts ? JSON.parse(body.dataset.texts) : {};
  const lang = body.dataset.lang || 'id';
  const locale = lang === 'en' ? 'en-GB' : 'id-ID';
  const csrfMeta = document.querySelector('meta[name="csrf-token"]');
  const csrf = csrfMeta ? csrfMeta.content : '';
  const zoneMeta = document.querySelector('meta[name="jeda-zone"]');
  const homeZone = zoneMeta && zoneMeta.content ? zoneMeta.content : undefined;
  const $ = (id) => document.getElementById(id);

  function t(key, ...args) {
    let s = Object.prototype.hasOwnProperty.call(T, key) ? T[key] : key;
    args.forEach((a, i) => { s = s.split('{' + i + '}').join(String(a)); });
    return s;
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === undefined || v === null || v === false) return;
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
    });
    children.flat().forEach((c) => { if (c !== null && c !== undefined) e.append(c); });
    return e;
  }

  const strip = (v, prefix) => (typeof v === 'string' && v.startsWith(prefix) ? v.slice(prefix.length) : v);
  const pad = (n) => String(n).padStart(2, '0');
  const isoDate = (d) => (typeof d === 'string' ? d : d.year + '-' + pad(d.month) + '-' + pad(d.day));
  const tod = (x) => (!x ? '' : typeof x === 'string' ? x.slice(0, 5) : pad(x.hours || 0) + ':' + pad(x.minutes || 0));
  const longDay = (iso) => {
    const [y, m, d] = iso.split('-').map(Number);
    return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
      .format(new Date(Date.UTC(y, m - 1, d)));
  };

  class Problem extends Error {
    constructor(status, p) {
      super(p.detail || p.reason || String(status));
      this.status = status;
      this.reason = p.reason || '';
      this.metadata = p.metadata || {};
      this.detail = p.detail || '';
    }
  }

  async function api(method, path, payload) {
    const h = { Accept: 'application/json' };
    if (method !== 'GET') {
      h['X-CSRF-Token'] = csrf;
      if (payload !== undefined) h['Content-Type'] = 'application/json';
    }
    const r = await fetch(path, {
      method, headers: h, credentials: 'same-origin', cache: 'no-store',
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const text = await r.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (!r.ok) throw new Problem(r.status, json || { detail: text });
    return json;
  }

  /** A refusal in words: the reason's own text when the bundle has one, else the server's detail. */
  function explain(e) {
    if (!(e instanceof Problem)) return t('corr.failed', e && e.message ? e.message : String(e));
    const md = e.metadata || {};
    if (Object.prototype.hasOwnProperty.call(T, 'corr.why.' + e.reason)) {
      return t('corr.why.' + e.reason, md.windowDays || md.window_days || '', md.oldestDate || md.oldest_date || '');
    }
    return e.detail || e.reason || String(e.status);
  }

  function todayHome() {
    try {
      const parts = new Intl.DateTimeFormat('en-CA', { timeZone: homeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
        .formatToParts(new Date());
      const get = (type) => parts.find((x) => x.type === type).value;
      return get('year') + '-' + get('month') + '-' + get('day');
    } catch (e) {
      return new Date(Date.now() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 10);
    }
  }

  const stateOf = (c) => strip(c.state, 'CORRECTION_STATE_');
  const modeOf = (c) => strip(c.mode || '', 'ATTENDANCE_MODE_');
  const tone = (s) => ({ APPROVED: 'tone-ok', REJECTED: 'tone-no', PENDING: 'tone-warn' })[s] || '';

  /** What a correction asks for, in words: times and mode. */
  function asked(c) {
    const parts = [];
    if (c.checkInTime) parts.push(t('corr.askIn', tod(c.checkInTime)));
    if (c.checkOutTime) parts.push(t('corr.askOut', tod(c.checkOutTime)));
    const m = modeOf(c);
    if (m && m !== 'UNSPECIFIED') parts.push(t('corr.askMode', t('corr.mode.' + m)));
    return parts.join(' · ');
  }

  // ---- Officer: "My month" ----
  let mine = [];

  async function officer() {
    const form = $('corr-form');
    const result = $('corr-result');
    const date = $('corr-date');
    date.max = todayHome();
    let requestId = null; // one per request, kept while a send is retried
    form.addEventListener('input', () => { requestId = null; });
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const correction = { date: date.value, reason: $('corr-reason').value.trim() };
      if ($('corr-in').value) correction.checkInTime = $('corr-in').value;
      if ($('corr-out').value) correction.checkOutTime = $('corr-out').value;
      if ($('corr-mode').value) correction.mode = $('corr-mode').value;
      if (!correction.date) { result.textContent = t('corr.needDate'); date.focus(); return; }
      if (!correction.reason) { result.textContent = t('corr.needReason'); $('corr-reason').focus(); return; }
      if (!requestId) requestId = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
      $('corr-send').disabled = true;
      result.textContent = t('corr.sending');
      try {
        await api('POST', '/v1/me/attendance-corrections', { requestId, correction });
        result.textContent = t('corr.sent', longDay(correction.date));
        form.reset();
        requestId = null;
        await listMine();
      } catch (e) {
        result.textContent = t('corr.refused', explain(e));
      } finally {
        $('corr-send').disabled = false;
      }
    });
    await listMine();
    const cal = $('calendar');
    if (cal) {
      new MutationObserver(markCalendar).observe(cal, { childList: true });
      markCalendar();
    }
  }

  async function listMine() {
    const list = $('corr-mine');
    try {
      const r = await api('GET', '/v1/me/attendance-corrections?pageSize=50');
      mine = r.attendanceCorrections || [];
      if (!mine.length) {
        list.replaceChildren(el('li', { class: 'note', text: t('corr.none') }));
      } else {
        list.replaceChildren(...mine.map((c) => {
          const s = stateOf(c);
          return el('li', { class: 'card', 'data-name': c.name, 'data-state': s },
            el('h4', { text: longDay(isoDate(c.date)) }),
            el('span', { class: 'badge ' + tone(s), text: t('corr.state.' + s) }),
            el('p', { text: asked(c) }),
            el('p', { class: 'note', text: t('corr.reasonLabel', c.reason) }),
            c.decisionReason ? el('p', { class: 'note', text: t('corr.decisionLabel', c.decisionReason) }) : null);
        }));
      }
    } catch (e) {
      list.replaceChildren(el('li', { text: explain(e) }));
    }
    markCalendar();
  }

  /** Each past working day of the calendar: a button to correct it, and what became of its corrections. */
  function markCalendar() {
    const today = todayHome();
    const byDate = {};
    mine.forEach((c) => {
      const d = isoDate(c.date);
      const s = stateOf(c);
      if (s === 'APPROVED' || (s === 'PENDING' && byDate[d] !== 'APPROVED')) byDate[d] = s;
    });
    document.querySelectorAll('#calendar li[data-date]').forEach((li) => {
      const d = li.dataset.date;
      li.querySelectorAll('.corr-mark').forEach((x) => x.remove());
      if (byDate[d]) {
        li.append(el('span', { class: 'badge corr-mark ' + (byDate[d] === 'APPROVED' ? 'corr-done' : 'tone-warn'),
          'data-corr': byDate[d], text: byDate[d] === 'APPROVED' ? t('corr.corrected') : t('corr.waiting') }));
      }
      if (d > today || li.classList.contains('off') || li.querySelector('.corr-ask')) return;
      const b = el('button', { type: 'button', class: 'link corr-ask', 'data-date': d, text: t('corr.ask'),
        'aria-label': t('corr.askFor', longDay(d)) });
      b.addEventListener('click', () => {
        $('corr-date').value = d;
        $('corr-date').dispatchEvent(new Event('input', { bubbles: true }));
        $('corr').scrollIntoView({ behavior: 'smooth', block: 'start' });
        $('corr-in').focus({ preventScroll: true });
      });
      li.append(b);
    });
  }

  // ---- Manager: the inbox block ----
  async function manager() {
    const list = $('inbox-corrections');
    let r;
    try {
      r = await api('GET', '/v1/team/attendance-corrections?state=PENDING&pageSize=100');
    } catch (e) {
      list.replaceChildren(el('li', { text: explain(e) }));
      return;
    }
    const waiting = r.attendanceCorrections || [];
    if (!waiting.length) { list.replaceChildren(el('li', { class: 'note', text: t('corr.inboxNone') })); return; }
    let who = {};
    try {
      const b = await api('GET', '/v1/team/board');
      (b.members || []).forEach((x) => { who[x.officer] = x.displayName; });
    } catch (e) { who = {}; }
    list.replaceChildren(...waiting.map((c) => decision(c, who)));
    // The inbox's own status speaks of plans and exceptions: "nothing waits" is not true while corrections do.
    const status = $('inbox-status');
    if (status) {
      const fix = () => { if (status.textContent === t('inboxEmpty')) status.textContent = ''; };
      new MutationObserver(fix).observe(status, { childList: true, characterData: true, subtree: true });
      fix();
    }
  }

  function decision(c, who) {
    const id = c.name.split('/')[1];
    const reasonId = 'corr-reason-' + id;
    const out = el('p', { role: 'status', 'aria-live': 'polite', class: 'outcome' });
    const reason = el('textarea', { id: reasonId, rows: '2', maxlength: '500' });
    const approve = el('button', { type: 'button', class: 'primary approve', text: t('corr.approve') });
    const reject = el('button', { type: 'button', class: 'secondary reject', text: t('corr.reject') });
    const li = el('li', { class: 'card', 'data-name': c.name },
      el('h3', { text: who[c.officer] || strip(c.officer, 'officers/') }),
      el('p', { text: t('corr.dayLabel', longDay(isoDate(c.date))) }),
      el('p', { class: 'asked', text: asked(c) }),
      el('p', { class: 'note', text: t('corr.reasonLabel', c.reason) }),
      el('label', { for: reasonId, text: t('corr.decisionReason') }), reason,
      el('div', { class: 'buttons' }, approve, reject), out);
    const decide = async (verb) => {
      const why = reason.value.trim();
      if (verb === 'reject' && !why) { out.textContent = t('corr.rejectNeedsReason'); reason.focus(); return; }
      approve.disabled = true; reject.disabled = true;
      try {
        await api('POST', '/v1/team/attendance-corrections/' + encodeURIComponent(id) + ':' + verb, why ? { reason: why } : {});
        out.textContent = verb === 'approve' ? t('corr.approved') : t('corr.rejected');
        li.classList.add('decided');
        reason.disabled = true;
      } catch (e) {
        out.textContent = t('corr.refused', explain(e));
        approve.disabled = false; reject.disabled = false;
      }
    };
    approve.addEventListener('click', () => decide('approve'));
    reject.addEventListener('click', () => decide('reject'));
    return li;
  }

  const run = () => (page === 'month' ? officer() : manager());
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run); else run();
})();
