// Jeda's web app: requests officers make (leave, official travel, on-call swaps). On the Requests
// page an officer asks, proposes a swap, sees their requests' state, cancels, and accepts or declines
// a swap proposed to them; in the manager's inbox the requests waiting for the manager are decided.
// Data comes from the public REST API (/v1/me/requests, /v1/team/requests) on the same origin; texts
// come from the server's bundles (body data-texts).
'use strict';

(() => {
  const body = document.body;
  const page = body.dataset.page;
  if (page !== 'requests' && page !== 'inbox') return;
  const T = body.dataset.texts ? JSON.parse(body.dataset.texts) : {};
  const lang = body.dataset.lang || 'id';
  const locale = lang === 'en' ? 'en-GB' : 'id-ID';
  const me = 'officers/' + body.dataset.nip;
  const csrfMeta = document.querySelector('meta[name="csrf-token"]');
  const csrf = csrfMeta ? csrfMeta.content : '';
  const zoneMeta = document.querySelector('meta[name="jeda-zone"]');
  const zone = zoneMeta && zoneMeta.content ? zoneMeta.content : undefined;
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

  class Problem extends Error {
    constructor(status, p) {
      super(p.detail || p.reason || String(status));
      this.status = status;
      this.reason = p.reason || '';
      this.detail = p.detail || '';
    }
  }

  async function api(method, path, payload, headers) {
    const h = Object.assign({ Accept: 'application/json' }, headers || {});
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

  function explain(p) {
    if (!(p instanceof Problem)) return t('error', p && p.message ? p.message : String(p));
    if (Object.prototype.hasOwnProperty.call(T, 'why.' + p.reason)) return t('why.' + p.reason);
    return t('why.other', p.detail || p.reason || String(p.status));
  }

  /** A date as the API writes it ("2026-12-07" or {year, month, day}), in words. */
  function day(d) {
    if (!d) return '–';
    const [y, m, dd] = typeof d === 'string' ? d.split('-').map(Number) : [d.year, d.month, d.day];
    return new Date(Date.UTC(y, m - 1, dd)).toLocaleDateString(locale,
      { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  }

  /** An instant in the officer's own zone, in words. */
  const when = (iso) => (iso ? new Date(iso).toLocaleString(locale, { timeZone: zone, weekday: 'short',
    day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) : '–');

  const kindOf = (r) => strip(r.kind, 'STAFF_REQUEST_KIND_');
  const stateOf = (r) => strip(r.state, 'STAFF_REQUEST_STATE_');
  const tone = (s) => ({ APPROVED: 'tone-ok', REJECTED: 'tone-no', DECLINED: 'tone-no', CANCELLED: '' })[s] || 'tone-warn';
  const idOf = (r) => r.name.split('/')[1];

  /** What a request asks, in one line. */
  function what(r) {
    if (kindOf(r) === 'ONCALL_SWAP') {
      const who = t('req.between', r.officerDisplayName || strip(r.officer, 'officers/'),
        r.counterpartDisplayName || strip(r.counterpart, 'officers/'));
      return [el('p', { text: t('req.swap', when(r.firstSlotTime), when(r.secondSlotTime)) }),
        el('p', { class: 'sub', text: who + ' · ' + strip(r.roster, 'rosters/') })];
    }
    return [el('p', { text: t('period', day(r.startDate), day(r.endDate)) })];
  }

  function header(r, name) {
    const s = stateOf(r);
    return el('h3', {}, el('span', { text: (name ? name + ' · ' : '') + t('req.kind.' + kindOf(r)) + ' ' }),
      el('span', { class: 'badge state ' + tone(s), text: t('req.state.' + s) }));
  }

  // ---------------------------------------------------------------- officer page

  function myItem(r) {
    const out = el('p', { role: 'status', 'aria-live': 'polite', class: 'outcome' });
    const s = stateOf(r);
    const li = el('li', { class: 'card request', 'data-name': r.name, 'data-state': s },
      header(r, r.officer === me ? null : (r.officerDisplayName || strip(r.officer, 'officers/'))), ...what(r),
      r.note ? el('p', { class: 'note', text: t('noteLabel', r.note) }) : null,
      r.decisionReason ? el('p', { class: 'note', text: t('req.reason', r.decisionReason) }) : null);
    const act = async (verb, payload) => {
      li.querySelectorAll('button').forEach((b) => { b.disabled = true; });
      try {
        await api('POST', '/v1/me/requests/' + idOf(r) + ':' + verb, payload);
        out.textContent = t('req.done');
        await mine();
      } catch (e) {
        out.textContent = t('refused', explain(e));
        li.querySelectorAll('button').forEach((b) => { b.disabled = false; });
      }
    };
    const buttons = el('div', { class: 'buttons' });
    if (r.officer === me && (s === 'AWAITING_COUNTERPART' || s === 'AWAITING_MANAGER')) {
      const cancel = el('button', { type: 'button', class: 'secondary cancel', text: t('req.cancel') });
      cancel.addEventListener('click', () => act('cancel'));
      buttons.append(cancel);
    }
    if (r.counterpart === me && s === 'AWAITING_COUNTERPART') {
      const reasonId = 'decline-' + idOf(r);
      const reason = el('textarea', { id: reasonId, rows: '2', maxlength: '500' });
      const accept = el('button', { type: 'button', class: 'primary accept', text: t('req.accept') });
      const decline = el('button', { type: 'button', class: 'secondary decline', text: t('req.decline') });
      accept.addEventListener('click', () => act('accept'));
      decline.addEventListener('click', () => {
        if (!reason.value.trim()) { out.textContent = t('rejectReasonRequired'); reason.focus(); return; }
        act('decline', { reason: reason.value.trim() });
      });
      li.append(el('label', { for: reasonId, text: t('req.declineReason') }), reason);
      buttons.append(accept, decline);
    }
    if (buttons.childElementCount) li.append(buttons);
    li.append(out);
    return li;
  }

  async function mine() {
    const status = $('requests-status');
    let list;
    try { list = await api('GET', '/v1/me/requests'); } catch (e) { status.textContent = explain(e); return; }
    const items = (list.staffRequests || []).map(myItem);
    status.textContent = items.length ? '' : t('req.none');
    $('my-requests').replaceChildren(...items);
  }

  /** A new key per press of the button: a retry of the same press is the same request. */
  const newKey = () => (window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());

  function absenceForm() {
    const form = $('absence-form');
    let key = newKey();
    form.addEventListener('input', () => { key = newKey(); });
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const result = $('absence-result');
      const start = $('a-start').value;
      const end = $('a-end').value || start;
      if (!start) { result.textContent = t('req.datesRequired'); return; }
      $('absence-submit').disabled = true;
      try {
        const r = await api('POST', '/v1/me/requests', { kind: $('a-kind').value, startDate: start, endDate: end,
          note: $('a-note').value.trim() }, { 'Idempotency-Key': key });
        result.textContent = t('req.sent', t('req.state.' + stateOf(r)));
        key = newKey();
        await mine();
      } catch (e) {
        result.textContent = t('refused', explain(e));
      } finally {
        $('absence-submit').disabled = false;
      }
    });
  }

  async function swapForm() {
    const roster = $('s-roster');
    const result = $('swap-result');
    let onCall;
    try { onCall = await api('GET', '/v1/me/on-call'); } catch (e) { result.textContent = explain(e); return; }
    const rosters = onCall.rosters || [];
    if (!rosters.length) {
      // Nothing to choose from: the form gives way to a sentence saying why.
      $('swap-form').replaceWith(el('p', { class: 'note', id: 'swap-result', text: t('req.noRoster') }));
      return;
    }
    roster.replaceChildren(...rosters.map((r) => el('option', { value: r.name, text: r.displayName || strip(r.name, 'rosters/') })));
    const turns = async () => {
      let slots = [];
      try {
        slots = (await api('GET', '/v1/me/roster-turns?turns=42&roster=' + encodeURIComponent(roster.value))).slots || [];
      } catch (e) { result.textContent = explain(e); }
      // Only turns still to come can be swapped.
      const later = slots.filter((s) => new Date(s.startTime) > new Date());
      // A colleague's turn is named by the person (their NIP only when policy-service knows no name).
      const option = (s) => el('option', { value: s.startTime, 'data-primary': s.primary,
        'data-name': s.primaryDisplayName || null,
        text: when(s.startTime) + (s.primary === me ? '' : ' · ' + (s.primaryDisplayName || strip(s.primary, 'officers/'))) });
      const mineTurns = later.filter((s) => s.primary === me).map(option);
      const theirs = later.filter((s) => s.primary !== me).map(option);
      $('s-mine').replaceChildren(...(mineTurns.length ? mineTurns : [el('option', { value: '', text: t('req.noTurns') })]));
      $('s-theirs').replaceChildren(...(theirs.length ? theirs : [el('option', { value: '', text: t('req.noTurns') })]));
      whose();
    };
    /** Under the colleague's turn: whose it is, by name, with the NIP as the second thing. */
    const whose = () => {
      const o = $('s-theirs').selectedOptions[0];
      const nipOf = o && o.dataset.primary ? strip(o.dataset.primary, 'officers/') : '';
      $('s-theirs-who').textContent = !nipOf ? '' : o.dataset.name ? t('req.turnOf', o.dataset.name, nipOf)
        : t('req.turnOfNip', nipOf);
    };
    $('s-theirs').addEventListener('change', whose);
    roster.addEventListener('change', turns);
    await turns();
    let key = newKey();
    $('swap-form').addEventListener('input', () => { key = newKey(); });
    $('swap-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const mineAt = $('s-mine').value;
      const theirs = $('s-theirs').selectedOptions[0];
      if (!mineAt || !theirs || !theirs.value) { result.textContent = t('req.turnsRequired'); return; }
      $('swap-submit').disabled = true;
      try {
        const r = await api('POST', '/v1/me/requests', { kind: 'ONCALL_SWAP', roster: roster.value,
          counterpart: theirs.dataset.primary, firstSlotTime: mineAt, secondSlotTime: theirs.value,
          note: $('s-note').value.trim() }, { 'Idempotency-Key': key });
        result.textContent = t('req.sent', t('req.state.' + stateOf(r)));
        key = newKey();
        await mine();
      } catch (e) {
        result.textContent = t('refused', explain(e));
      } finally {
        $('swap-submit').disabled = false;
      }
    });
  }

  // ---------------------------------------------------------------- manager inbox

  function decisionItem(r) {
    const id = idOf(r);
    const reasonId = 'req-reason-' + id;
    const out = el('p', { role: 'status', 'aria-live': 'polite', class: 'outcome' });
    const reason = el('textarea', { id: reasonId, rows: '2', maxlength: '500' });
    const approve = el('button', { type: 'button', class: 'primary approve', text: t('approve') });
    const reject = el('button', { type: 'button', class: 'secondary reject', text: t('reject') });
    const li = el('li', { class: 'card request', 'data-name': r.name },
      header(r, r.officerDisplayName || strip(r.officer, 'officers/')), ...what(r),
      r.note ? el('p', { class: 'note', text: t('noteLabel', r.note) }) : null,
      el('label', { for: reasonId, text: t('rejectReason') }), reason,
      el('div', { class: 'buttons' }, approve, reject), out);
    const decide = async (verb) => {
      if (verb === 'reject' && !reason.value.trim()) { out.textContent = t('rejectReasonRequired'); reason.focus(); return; }
      approve.disabled = true; reject.disabled = true;
      try {
        const after = await api('POST', '/v1/team/requests/' + id + ':' + verb,
          verb === 'reject' ? { reason: reason.value.trim() } : undefined);
        out.textContent = verb === 'approve' ? t('approved') : t('rejected');
        li.querySelector('.state').textContent = t('req.state.' + stateOf(after));
        li.classList.add('decided');
        reason.disabled = true;
      } catch (e) {
        out.textContent = t('refused', explain(e));
        approve.disabled = false; reject.disabled = false;
      }
    };
    approve.addEventListener('click', () => decide('approve'));
    reject.addEventListener('click', () => decide('reject'));
    return li;
  }

  async function inbox() {
    const list = $('inbox-requests');
    if (!list) return;
    list.replaceChildren(el('li', { class: 'note', text: t('loading') }));
    try {
      const got = await api('GET', '/v1/team/requests');
      const items = (got.staffRequests || []).map(decisionItem);
      list.replaceChildren(...(items.length ? items : [el('li', { class: 'note', text: t('nothingWaiting') })]));
    } catch (e) {
      list.replaceChildren(el('li', { class: 'note', text: explain(e) }));
    }
  }

  const start = () => {
    if (page === 'inbox') {
      inbox();
      return;
    }
    absenceForm();
    swapForm();
    mine();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
