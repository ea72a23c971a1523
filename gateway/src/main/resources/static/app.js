// Jeda's web app: each page is rendered by the server; this script fills it from the public REST
// API (/v1/...) on the same origin. The session cookie is HttpOnly, so no token is ever visible
// here; state-changing calls carry the page's CSRF token. Texts come from the server's bundles
// (body data-texts), never from this file.
'use strict';

(() => {
  const body = document.body;
  const T = body.dataset.texts ? JSON.parse(body.dataset.texts) : {};
  const lang = body.dataset.lang || 'id';
  const locale = lang === 'en' ? 'en-GB' : 'id-ID';
  const nip = body.dataset.nip;
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
  // A day's status in the colour a person reads it by: a missed or short day stands out.
  const dayTone = (status) => ({ ABSENT: 'tone-no', LATE: 'tone-warn', EARLY_LEAVE: 'tone-warn',
    INCOMPLETE_HOURS: 'tone-warn', PRESENT: 'tone-ok' })[status] || '';

  /** A refusal from the API: its problem+json body. */
  class Problem extends Error {
    constructor(status, p) {
      super(p.detail || p.reason || String(status));
      this.status = status;
      this.reason = p.reason || '';
      this.metadata = p.metadata || {};
      this.violations = p.violations || [];
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
    rememberClock(r);
    const text = await r.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (!r.ok) throw new Problem(r.status, json || { detail: text });
    return json;
  }

  /**
   * The server's clock against this device's, and the server's time, remembered from the last answer:
   * an offline check-in sends both, so that the server can tell whether the device's clock was
   * changed since (its time would then contradict the offset).
   */
  function rememberClock(r) {
    const d = r.headers.get('Date');
    const server = d ? Date.parse(d) : NaN;
    if (Number.isNaN(server)) return;
    localStorage.setItem('jeda.clockOffsetMs', String(server - Date.now()));
    localStorage.setItem('jeda.lastContact', new Date(server).toISOString());
  }

  /** What the device knew of its clock at its last contact, in the API's form; null when nothing. */
  function clockHint() {
    const offset = Number(localStorage.getItem('jeda.clockOffsetMs'));
    const last = localStorage.getItem('jeda.lastContact');
    if (!last || !Number.isFinite(offset)) return null;
    return { deviceClockOffset: (offset / 1000).toFixed(3) + 's', lastContactTime: last };
  }

  /** A refusal in words: the reason's own text where the bundle has one, else the server's detail. */
  function explain(p) {
    if (!(p instanceof Problem)) return t('error', p && p.message ? p.message : String(p));
    const md = p.metadata;
    if (p.reason === 'OUTSIDE_GEOFENCE' && String(md.mode || '').endsWith('HOME')) return t('why.OUTSIDE_GEOFENCE_HOME');
    if (p.reason === 'POSITION_TOO_INACCURATE') {
      const acc = md.accuracy_meters || md.accuracyMeters;
      const max = md.max_accuracy_meters || md.maxAccuracyMeters;
      return t('why.POSITION_TOO_INACCURATE', Math.round(Number(acc)), Math.round(Number(max)));
    }
    if (Object.prototype.hasOwnProperty.call(T, 'why.' + p.reason)) return t('why.' + p.reason);
    return t('why.other', p.detail || p.reason || String(p.status));
  }

  const pad = (n) => String(n).padStart(2, '0');
  /** A local time as the API writes it ("07:30", or "07:30:00"); "–" when there is none. */
  const tod = (x) => {
    if (!x) return '–';
    if (typeof x === 'string') return x.slice(0, 5);
    return pad(x.hours || 0) + ':' + pad(x.minutes || 0);
  };
  /** A local date as the API writes it ("2026-12-04"); the older {year, month, day} form is read too. */
  const isoDate = (d) => (typeof d === 'string' ? d : d.year + '-' + pad(d.month) + '-' + pad(d.day));
  /** The UTC midnight of a local date, for formatting it without the device's zone. */
  const utcDay = (d) => {
    const [y, m, da] = isoDate(d).split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, da));
  };
  /** A local date for people: "4 Des 2026" / "4 Dec 2026". */
  function day(d) {
    if (!d) return '';
    try {
      return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
        .format(utcDay(d));
    } catch (e) { return isoDate(d); }
  }
  function when(iso, zone, withDay) {
    if (!iso) return '';
    const opts = { hour: '2-digit', minute: '2-digit', hour12: false };
    if (withDay) Object.assign(opts, { weekday: 'short', day: 'numeric', month: 'short' });
    const z = zone || homeZone;
    if (z) opts.timeZone = z;
    try { return new Intl.DateTimeFormat(locale, opts).format(new Date(iso)); } catch (e) { return iso; }
  }
  /** A working window's hours; one that ends on the next day (a 24-hour shift too) is marked so. */
  const hours = (w) => {
    const start = tod(w.start);
    const end = tod(w.end);
    // The mark stays whole on a narrow screen: "(+1 hari)" never splits across lines.
    return start + '–' + end + (w.end && end <= start ? ' ' + t('nextDay').replace(/ /g, '\u00a0') : '');
  };
  const placeText = (p) => t('place.' + (strip(p, 'WORK_PLACE_') || 'NONE'));
  const flagTexts = (flags) => (flags || []).map((f) => t('flag.' + strip(f, 'ATTENDANCE_FLAG_')));
  /** A day's flags as small warning badges. */
  const flagBadges = (flags) => flagTexts(flags).map((f) => el('span', { class: 'badge flag tone-warn', text: f }));

  function randomKey() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  }

  function deviceId() {
    let id = localStorage.getItem('jeda.deviceId');
    if (!id) { id = 'web-' + randomKey(); localStorage.setItem('jeda.deviceId', id); }
    return id;
  }

  // ---- offline queue (IndexedDB) ----
  function db() {
    return new Promise((resolve, reject) => {
      const r = indexedDB.open('jeda', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('queue', { keyPath: 'key' });
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  }
  async function store(mode, fn) {
    const d = await db();
    return new Promise((resolve, reject) => {
      const tx = d.transaction('queue', mode);
      const req = fn(tx.objectStore('queue'));
      tx.oncomplete = () => { d.close(); resolve(req ? req.result : undefined); };
      tx.onerror = () => { d.close(); reject(tx.error); };
    });
  }
  const queued = async () => (await store('readonly', (s) => s.getAll())).filter((i) => i.nip === nip)
    .sort((a, b) => a.deviceTime.localeCompare(b.deviceTime));
  const enqueue = (item) => store('readwrite', (s) => s.put(item));
  const dequeue = (key) => store('readwrite', (s) => s.delete(key));

  // ---- Today ----
  let schedule = null;

  async function today() {
    window.addEventListener('online', () => { network(); flush(); });
    window.addEventListener('offline', network);
    network();
    try {
      const s = await api('GET', '/v1/me/schedule');
      schedule = s.schedules && s.schedules[0];
      localStorage.setItem('jeda.schedule.' + nip, JSON.stringify(schedule));
    } catch (e) {
      const kept = localStorage.getItem('jeda.schedule.' + nip);
      schedule = kept ? JSON.parse(kept) : null;
      if (!schedule) $('s-place').textContent = explain(e);
    }
    if (schedule) showSchedule(schedule);
    showModes();
    $('checkout').addEventListener('click', () => press('out', checkedInMode || 'OFFICE'));
    await renderQueue();
    await Promise.all([attendance(), reach()]);
    flush();
    if (schedule && schedule.date) week(schedule.date);
    // Should the browser miss the "online" event, what waits is still sent soon after.
    setInterval(flush, 20000);
  }

  /** The week (Monday to Sunday) around today: planned place and hours, and each past day's status. */
  async function week(today) {
    const list = $('week');
    const base = utcDay(today).getTime();
    const monday = new Date(base - ((new Date(base).getUTCDay() + 6) % 7) * 86400000);
    const sunday = new Date(monday.getTime() + 6 * 86400000);
    const iso = (d) => d.toISOString().slice(0, 10);
    try {
      const s = await api('GET', '/v1/me/schedule?from=' + iso(monday) + '&to=' + iso(sunday));
      const months = Array.from(new Set([iso(monday).slice(0, 7), iso(sunday).slice(0, 7)]));
      const status = {};
      await Promise.all(months.map(async (m) => {
        try {
          const month = await api('GET', '/v1/me/attendance?month=' + m);
          (month.days || []).forEach((d) => { status[isoDate(d.date)] = d; });
        } catch (e) { /* the plan is still worth showing without the statuses */ }
      }));
      const todayIso = isoDate(today);
      list.replaceChildren(...(s.schedules || []).map((x) => {
        const date = isoDate(x.date);
        // Days still to come have no status yet, whatever the month's list says of them.
        const att = date <= todayIso ? status[date] : null;
        const st = att ? strip(att.status, 'DAY_STATUS_') : '';
        const label = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
          .format(utcDay(x.date));
        const plan = x.working ? placeText(x.place) + (x.work ? ' ' + hours(x.work) : '')
          : t('reason.' + strip(x.reason, 'SCHEDULE_REASON_'));
        return el('li', { class: date === todayIso ? 'now' : null, 'data-date': date },
          el('span', { class: 'wday', text: label }), el('span', { class: 'wplan', text: plan }),
          st && st !== 'UNSPECIFIED' ? el('span', { class: 'badge wstatus ' + dayTone(st), text: t('day.' + st) }) : null,
          att ? flagBadges(att.flags) : null);
      }));
    } catch (e) {
      list.replaceChildren(el('li', { text: explain(e) }));
    }
  }

  function network() {
    const n = $('net');
    if (!n) return;
    n.hidden = navigator.onLine;
    n.textContent = navigator.onLine ? '' : t('offline');
  }

  function showSchedule(s) {
    const zone = s.timeZone;
    $('s-place').textContent = s.working ? placeText(s.place) : t('notWorking');
    // Indonesia's zones as people say them (WIB, WITA, WIT); another zone by its name.
    const zoneText = ({ 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' })[zone] || zone;
    $('s-hours').textContent = s.working && s.work ? hours(s.work) + (zone ? ' ' + zoneText : '') : '–';
    $('s-core').textContent = s.working && s.core ? tod(s.core.start) + '–' + tod(s.core.end) : '–';
    const reason = strip(s.reason, 'SCHEDULE_REASON_');
    // policy-service describes the day in Indonesian; the English page keeps to the reason's own words.
    const described = s.description && lang === 'id' ? ' · ' + s.description : '';
    $('s-why').textContent = (reason ? t('reason.' + reason) : '–') + described;
  }

  /** The attendance modes today's schedule allows: its place and its allowed places. */
  function modes(s) {
    if (!s || !s.working) return [];
    const out = [];
    [s.place].concat(s.allowedPlaces || []).forEach((p) => {
      const m = { WORK_PLACE_OFFICE: 'OFFICE', WORK_PLACE_HOME: 'HOME', WORK_PLACE_OTHER_OFFICE: 'OTHER' }[p];
      if (m && !out.includes(m)) out.push(m);
    });
    return out;
  }

  function showModes() {
    const box = $('modes');
    box.replaceChildren();
    const ms = modes(schedule);
    if (!ms.length) { box.append(el('p', { class: 'note', text: schedule && !schedule.working ? t('notWorking') : t('noModes') })); return; }
    ms.forEach((m, i) => box.append(el('button', {
      type: 'button', class: i === 0 ? 'primary' : 'secondary', 'data-mode': m, id: 'checkin-' + m.toLowerCase(), text: t('mode.' + m),
    })));
    box.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => press('in', b.dataset.mode)));
  }

  let checkedInMode = null;

  async function attendance() {
    const status = $('att-status');
    if (!schedule || !schedule.date) { status.textContent = t('notCheckedIn'); return; }
    let record = null;
    try { record = await api('GET', '/v1/me/attendance/' + isoDate(schedule.date)); } catch (e) { record = null; }
    const events = (record && record.events) || [];
    const last = events[events.length - 1];
    checkedInMode = null;
    if (last && strip(last.kind, 'ATTENDANCE_EVENT_KIND_') === 'CHECK_IN') {
      checkedInMode = strip(last.mode, 'ATTENDANCE_MODE_');
      status.textContent = t('checkedIn', when(last.recordTime, schedule.timeZone), t('mode.' + checkedInMode));
    } else if (last) {
      status.textContent = t('checkedOut', when(last.recordTime, schedule.timeZone));
    } else {
      status.textContent = t('notCheckedIn');
    }
    $('modes').hidden = checkedInMode !== null;
    $('checkout').hidden = checkedInMode === null;
  }

  async function reach() {
    const list = $('reach');
    const rows = await Promise.all(['ROUTINE', 'URGENT', 'EMERGENCY'].map(async (u) => {
      try {
        const r = await api('GET', '/v1/officers/' + nip + '/reachability?urgency=' + u);
        const state = t('state.' + strip(r.state, 'REACHABILITY_STATE_'));
        const next = !r.reachable && r.nextReachableAt ? ' · ' + t('nextAt', when(r.nextReachableAt, r.timeZone, true)) : '';
        return el('li', { class: r.reachable ? 'yes' : 'no', 'data-urgency': u },
          el('strong', { text: t('urgency.' + u) }), ' ',
          el('span', { class: 'badge', text: r.reachable ? t('reachable') : t('notReachable') }),
          el('span', { class: 'sub', text: state + next }));
      } catch (e) {
        return el('li', { 'data-urgency': u }, el('strong', { text: t('urgency.' + u) }), ' ', explain(e));
      }
    }));
    list.replaceChildren(...rows);
  }

  function locate() {
    return new Promise((resolve, reject) => {
      if (!navigator.geolocation) { reject(new Error(t('geo.none'))); return; }
      navigator.geolocation.getCurrentPosition(resolve, (err) => {
        reject(new Error(err.code === 1 ? t('geo.denied') : t('geo.unavailable')));
      }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 });
    });
  }

  function say(kind, text) {
    $('result').replaceChildren(el('p', { class: kind, text }));
  }

  let busy = false;
  async function press(kind, mode) {
    if (busy) return;
    busy = true;
    const buttons = document.querySelectorAll('#modes button, #checkout');
    buttons.forEach((b) => { b.disabled = true; });
    // One key per press: a retry of this press (by the queue or a flaky network) is never counted twice.
    const key = randomKey();
    const deviceTime = new Date().toISOString();
    try {
      $('geo').textContent = t('locating');
      let pos;
      try { pos = await locate(); } catch (e) { $('geo').textContent = ''; say('problem', e.message); return; }
      const c = pos.coords;
      $('geo').textContent = t('accuracy', Math.round(c.accuracy));
      const item = {
        key, nip, kind, deviceTime,
        path: kind === 'in' ? '/v1/me/check-ins' : '/v1/me/check-outs',
        body: {
          mode: 'ATTENDANCE_MODE_' + mode, deviceTime,
          position: { latitude: c.latitude, longitude: c.longitude, accuracyMeters: c.accuracy },
          deviceId: deviceId(), idempotencyKey: key,
        },
      };
      // Remembered at the press, before anything else reaches the server.
      const hint = kind === 'in' ? clockHint() : null;
      if (hint) Object.assign(item.body, hint);
      if (!navigator.onLine) { await keep(item); return; }
      say('note', t('sending'));
      try {
        const ev = await api('POST', item.path, item.body, { 'Idempotency-Key': key });
        recorded(ev);
      } catch (e) {
        if (e instanceof Problem) say('problem', t('refused', explain(e)));
        else await keep(item);
      }
      await attendance();
      reach();
    } finally {
      busy = false;
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  async function keep(item) {
    await enqueue(item);
    say('warn', t('queued'));
    await renderQueue();
  }

  function recorded(ev) {
    const zone = ev.timeZone || (schedule && schedule.timeZone);
    const flags = (ev.flags || []).map((f) => t('flag.' + strip(f, 'ATTENDANCE_FLAG_')));
    const what = t('mode.' + strip(ev.mode, 'ATTENDANCE_MODE_')) + (flags.length ? ' (' + flags.join(', ') + ')' : '');
    say('ok', t('recorded', when(ev.recordTime, zone), what));
  }

  async function renderQueue() {
    const items = await queued();
    const box = $('queue-box');
    box.hidden = items.length === 0;
    $('queue').replaceChildren(...items.map((i) => el('li', { 'data-key': i.key },
      t('queueItem', t('mode.' + strip(i.body.mode, 'ATTENDANCE_MODE_')), when(i.deviceTime, null, true)))));
  }

  let flushing = false;
  /** Sends what waits on the device, oldest first, each with its own key, once the network is back. */
  async function flush() {
    if (flushing || !navigator.onLine) return;
    flushing = true;
    let sent = 0;
    try {
      for (const item of await queued()) {
        try {
          const ev = await api('POST', item.path, item.body, { 'Idempotency-Key': item.key });
          await dequeue(item.key);
          sent++;
          recorded(ev);
        } catch (e) {
          // A definite refusal ends the item; no network, a lost session or a busy server keep it.
          if (e instanceof Problem && e.status >= 400 && e.status < 500 && ![401, 403, 408, 429].includes(e.status)) {
            await dequeue(item.key);
            say('problem', t('refused', explain(e)));
          } else {
            break;
          }
        }
      }
    } finally {
      flushing = false;
      await renderQueue();
      if (sent > 0) {
        $('result').append(el('p', { class: 'ok', text: t('queueSent', sent) }));
        await attendance();
        reach();
      }
    }
  }

  // ---- Manager: inbox ----
  const weekdayNames = () => {
    const tpl = $('weekday-names');
    const out = {};
    if (tpl) tpl.content.querySelectorAll('[data-day]').forEach((s) => { out[s.dataset.day] = s.textContent; });
    return out;
  };

  function planDays(days) {
    const names = weekdayNames();
    return el('ul', { class: 'days' }, (days || []).map((d) => el('li', {
      text: (names[d.dayOfWeek] || d.dayOfWeek) + ': ' + placeText(d.place) + (d.startTime ? ' ' + tod(d.startTime) : ''),
    })));
  }

  async function names() {
    try {
      const b = await api('GET', '/v1/team/board');
      const m = {};
      (b.members || []).forEach((x) => { m[x.officer] = x.displayName; });
      return m;
    } catch (e) { return {}; }
  }

  async function inbox() {
    const status = $('inbox-status');
    status.textContent = t('loading');
    let box;
    try { box = await api('GET', '/v1/team/inbox'); } catch (e) { status.textContent = explain(e); return; }
    const who = await names();
    status.textContent = (box.plans || []).length + (box.dayExceptions || []).length === 0 ? t('inboxEmpty') : '';
    const none = () => el('li', { class: 'note', text: t('nothingWaiting') });
    const plansWaiting = (box.plans || []).map((p) => {
      const context = el('div', { class: 'context' });
      memberWeek(p.officer, isoDate(p.startDate)).then((m) => planContext(context, p, m));
      return decisionItem(p, 'plans', who, el('p', { text: t('period', day(p.startDate), day(p.endDate)) }),
        planDays(p.days), context);
    });
    const exceptionsWaiting = (box.dayExceptions || []).map((x) => {
      const context = el('div', { class: 'context' });
      memberWeek(x.officer, isoDate(x.date)).then((m) => exceptionContext(context, x, m));
      return decisionItem(x, 'day-exceptions', who, el('p', { text: day(x.date) + ': ' + placeText(x.place) }), context);
    });
    $('inbox-plans').replaceChildren(...(plansWaiting.length ? plansWaiting : [none()]));
    $('inbox-exceptions').replaceChildren(...(exceptionsWaiting.length ? exceptionsWaiting : [none()]));
  }

  // The officer's week and position, for deciding: one call per week asked about.
  const weeksAsked = {};
  function memberWeek(officer, dateIso) {
    const [y, m, d] = dateIso.split('-').map(Number);
    const monday = isoOf(mondayOf(new Date(y, m - 1, d)));
    if (!weeksAsked[monday]) weeksAsked[monday] = api('GET', '/v1/team/week?from=' + monday).catch(() => ({ members: [] }));
    return weeksAsked[monday].then((w) => (w.members || []).find((x) => x.officer === officer) || null);
  }

  /** The rules of the officer's position, in words. */
  function rules(position) {
    if (!position) return el('p', { class: 'note', text: t('rules.unknown') });
    const items = [];
    if (!position.fwaEligible) items.push(t('rules.notEligible'));
    if ((position.allowedPlaces || []).length) items.push(t('rules.places', position.allowedPlaces.map(placeText).join(', ')));
    if (position.maxRemoteDaysPerWeek !== undefined) items.push(t('rules.remote', position.maxRemoteDaysPerWeek || 0));
    if (position.startWindowBegin && position.startWindowEnd) items.push(t('rules.window', tod(position.startWindowBegin), tod(position.startWindowEnd)));
    if (position.coreStart && position.coreEnd) items.push(t('rules.core', tod(position.coreStart), tod(position.coreEnd)));
    if (position.weeklyWorkMinutes) items.push(t('rules.weekly', Math.round(position.weeklyWorkMinutes / 6) / 10));
    return el('div', { class: 'rules' }, el('h4', { text: t('rules.title', position.displayName || strip(position.name, 'positions/')) }),
      el('ul', {}, items.map((x) => el('li', { text: x }))));
  }

  const scheduleText = (x) => (!x ? '–' : x.working
    ? placeText(x.place) + (x.work ? ' ' + hours(x.work) : '')
    : t('reason.' + strip(x.reason, 'SCHEDULE_REASON_')));

  /** What the plan does to the officer's week: each weekday now and with the plan, and the rules. */
  function planContext(box, plan, member) {
    const names = weekdayNames();
    const order = Object.keys(names);
    const planned = {};
    (plan.days || []).forEach((d) => { planned[d.dayOfWeek] = d; });
    const rows = order.map((wd, i) => {
      const now = member && member.days ? member.days[i] : null;
      const p = planned[wd];
      if (!p && (!now || !now.working)) return null;
      const withPlan = p ? placeText(p.place) + (p.startTime ? ' ' + tod(p.startTime) : '') : t('place.NONE');
      const nowText = scheduleText(now);
      const changed = !now || !p || strip(now.place, 'WORK_PLACE_') !== strip(p.place, 'WORK_PLACE_');
      return el('tr', { class: changed ? 'changed' : null }, el('th', { scope: 'row', text: names[wd] }),
        el('td', { text: nowText }), el('td', { text: withPlan }));
    }).filter(Boolean);
    const remote = (plan.days || []).filter((d) => strip(d.place, 'WORK_PLACE_') !== 'OFFICE').length;
    const limit = member && member.position ? member.position.maxRemoteDaysPerWeek || 0 : null;
    box.replaceChildren(
      el('h4', { text: t('planWeek.title') }),
      el('div', { class: 'scroll' }, el('table', { class: 'compare' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('planWeek.day') }),
          el('th', { scope: 'col', text: t('planWeek.now') }), el('th', { scope: 'col', text: t('planWeek.plan') }))),
        el('tbody', {}, rows))),
      limit !== null ? el('p', { class: remote > limit ? 'problem' : 'note', text: t('planWeek.remote', remote, limit) }) : null,
      rules(member && member.position));
  }

  function exceptionContext(box, x, member) {
    const date = isoDate(x.date);
    const now = member && member.days ? member.days.find((d) => isoDate(d.date) === date) : null;
    box.replaceChildren(el('p', { class: 'note', text: t('exceptionWeek.now', scheduleText(now)) }),
      rules(member && member.position));
  }

  function decisionItem(item, kind, who, ...details) {
    const id = item.name.split('/')[1];
    const officer = who[item.officer] || strip(item.officer, 'officers/');
    const reasonId = 'reason-' + id;
    const out = el('p', { role: 'status', 'aria-live': 'polite', class: 'outcome' });
    const reason = el('textarea', { id: reasonId, rows: '2', maxlength: '500' });
    const approve = el('button', { type: 'button', class: 'primary approve', text: t('approve') });
    const reject = el('button', { type: 'button', class: 'secondary reject', text: t('reject') });
    const li = el('li', { class: 'card', 'data-name': item.name },
      el('h3', { text: officer }), ...details,
      item.note ? el('p', { class: 'note', text: t('noteLabel', item.note) }) : null,
      el('label', { for: reasonId, text: t('rejectReason') }), reason,
      el('div', { class: 'buttons' }, approve, reject), out);
    const decide = async (verb) => {
      if (verb === 'reject' && !reason.value.trim()) { out.textContent = t('rejectReasonRequired'); reason.focus(); return; }
      approve.disabled = true; reject.disabled = true;
      try {
        await api('POST', '/v1/team/' + kind + '/' + id + ':' + verb, verb === 'reject' ? { reason: reason.value.trim() } : undefined);
        out.textContent = verb === 'approve' ? t('approved') : t('rejected');
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

  // ---- Manager: team board, refreshing by polling with its ETag ----
  async function team() {
    const every = Number(body.dataset.refreshMs) || 15000;
    let etag = null;
    const load = async () => {
      try {
        const h = { Accept: 'application/json' };
        if (etag) h['If-None-Match'] = etag;
        const r = await fetch('/v1/team/board', { headers: h, credentials: 'same-origin', cache: 'no-store' });
        rememberClock(r);
        if (r.status === 304) { $('team-asof').textContent = t('checkedAt', when(new Date().toISOString())); return; }
        const text = await r.text();
        let b = null;
        try { b = text ? JSON.parse(text) : null; } catch (e) { b = null; }
        if (!r.ok) throw new Problem(r.status, b || { detail: text });
        etag = r.headers.get('ETag');
        $('team-asof').textContent = t('asOf', when(b.asOf));
        const members = b.members || [];
        if (!members.length) { $('team').replaceChildren(el('li', { text: t('teamEmpty') })); return; }
        $('team').replaceChildren(...members.map((m) => {
          const a = m.attendance;
          const rr = m.reachability;
          const att = a && a.checkedIn
            ? t('checkedInShort', t('mode.' + strip(a.mode, 'ATTENDANCE_MODE_')), when(a.since, rr && rr.timeZone))
            : t('notCheckedInShort');
          return el('li', { class: 'card member', 'data-officer': m.officer },
            el('h3', { text: m.displayName || strip(m.officer, 'officers/') }),
            el('p', { class: a && a.checkedIn ? 'ok' : 'note', text: att }),
            rr ? el('p', { class: rr.reachable ? 'yes' : 'no' },
              el('span', { class: 'badge', text: rr.reachable ? t('routineYes') : t('routineNo') }),
              el('span', { class: 'sub', text: t('state.' + strip(rr.state, 'REACHABILITY_STATE_'))
                + (rr.workLocation && strip(rr.workLocation, 'WORK_LOCATION_') !== 'UNSPECIFIED'
                  ? ' · ' + placeText(strip(rr.workLocation, 'WORK_LOCATION_')) : '') })) : null);
        }));
      } catch (e) {
        $('team-asof').textContent = explain(e);
      }
    };
    await load();
    setInterval(() => { if (!document.hidden) load(); }, every);
    teamWeek();
    rosters();
  }

  /** Who is at the office or at home on each day of a week. */
  function teamWeek() {
    let monday = mondayOf(new Date());
    const show = async () => {
      const table = $('teamweek');
      const names = weekdayNames();
      const shorts = weekdayShorts();
      const days = Array.from({ length: 7 }, (_, i) => new Date(monday.getTime() + i * 86400000));
      $('h-tweek').textContent = t('weekOf', day(isoOf(days[0])), day(isoOf(days[6])));
      try {
        const w = await api('GET', '/v1/team/week?from=' + isoOf(monday));
        const head = el('tr', {}, el('th', { scope: 'col', text: t('teamweekMember') }), days.map((d, i) => {
          const key = Object.keys(names)[i];
          return el('th', { scope: 'col', abbr: names[key] }, el('span', { text: shorts[key] || names[key] }),
            el('span', { class: 'sub', text: String(d.getUTCDate()) }));
        }));
        const rows = (w.members || []).map((m) => el('tr', { 'data-officer': m.officer },
          el('th', { scope: 'row', text: m.displayName || strip(m.officer, 'officers/') }),
          days.map((d, i) => {
            const x = (m.days || [])[i];
            if (!x) return el('td', { text: '–' });
            const place = x.working ? strip(x.place, 'WORK_PLACE_') : 'NONE';
            return el('td', { class: 'p-' + place.toLowerCase(), 'data-date': isoDate(x.date) },
              x.working ? placeText(x.place) : t('reason.' + strip(x.reason, 'SCHEDULE_REASON_')));
          })));
        table.replaceChildren(el('caption', { class: 'sr', text: $('h-tweek').textContent }), el('thead', {}, head),
          el('tbody', {}, rows.length ? rows : [el('tr', {}, el('td', { colspan: '8', text: t('teamEmpty') }))]));
      } catch (e) {
        table.replaceChildren(el('tbody', {}, el('tr', {}, el('td', { text: explain(e) }))));
      }
    };
    $('w-prev').addEventListener('click', () => { monday = new Date(monday.getTime() - 7 * 86400000); show(); });
    $('w-next').addEventListener('click', () => { monday = new Date(monday.getTime() + 7 * 86400000); show(); });
    show();
  }

  /** The unit's on-call rosters with the turn in force and the next ones. */
  async function rosters() {
    const box = $('rosters');
    try {
      const [r, who] = await Promise.all([api('GET', '/v1/team/on-call?turns=7'), names()]);
      const rs = r.rosters || [];
      if (!rs.length) { box.replaceChildren(el('p', { class: 'note', text: t('rosterEmpty') })); return; }
      const person = (o) => who[o] || strip(o || '–', 'officers/');
      box.replaceChildren(...rs.map((x) => el('div', { class: 'roster', 'data-roster': x.roster.name },
        el('h3', { text: x.roster.displayName || strip(x.roster.name, 'rosters/') }),
        el('ul', { class: 'turns' }, (x.slots || []).map((sl, i) => el('li', { class: i === 0 ? 'now' : null },
          t('rosterTurn', when(sl.startTime, null, true) + ' – ' + when(sl.endTime, null, true),
            person(sl.primary), person(sl.backup))))))));
    } catch (e) {
      box.replaceChildren(el('p', { text: explain(e) }));
    }
  }

  /** The Monday (UTC midnight) of the week of a device date. */
  function mondayOf(d) {
    const u = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
    return new Date(u.getTime() - ((u.getUTCDay() + 6) % 7) * 86400000);
  }

  const weekdayShorts = () => {
    const tpl = $('weekday-names');
    const out = {};
    if (tpl) tpl.content.querySelectorAll('[data-day]').forEach((x) => { out[x.dataset.day] = x.dataset.short || x.textContent; });
    return out;
  };

  // ---- Who asked about me ----
  async function asked() {
    const list = $('asked');
    try {
      const r = await api('GET', '/v1/me/inquiries?pageSize=100');
      // The officer's own look at "Today" is a question too; only other callers are listed.
      const items = (r.inquiries || []).filter((i) => i.client !== nip);
      if (!items.length) { list.replaceChildren(el('li', { text: t('askedEmpty') })); return; }
      list.replaceChildren(...items.map((i) => el('li', { class: 'card' },
        el('h3', { text: /^\d{18}$/.test(i.client) ? t('askedByOfficer', i.client) : i.client }),
        el('p', { text: t('urgency.' + strip(i.urgency, 'URGENCY_')) + ' · ' + when(i.askTime, null, true) }),
        el('p', { class: i.reachable ? 'yes' : 'no', text: t('askedAnswer', i.reachable ? t('reachable') : t('notReachable'),
          t('state.' + strip(i.state, 'REACHABILITY_STATE_'))) }))));
    } catch (e) {
      list.replaceChildren(el('li', { text: explain(e) }));
    }
  }

  // ---- My plans and the plan form ----
  /** How long the form waits after the last change before it asks the server to check the plan. */
  const CHECK_DELAY_MS = 500;

  /** Every broken rule of a refusal, in words, with the server's own message under each. */
  function violations(p) {
    return el('ul', { class: 'violations' }, p.violations.map((v) => el('li', { 'data-reason': v.reason },
      Object.prototype.hasOwnProperty.call(T, 'violation.' + v.reason) ? t('violation.' + v.reason) : v.message,
      el('span', { class: 'sub', text: v.message }))));
  }

  async function plans() {
    const form = $('plan-form');
    const start = $('p-start');
    const end = $('p-end');
    const problems = $('plan-problems');
    const next = new Date();
    next.setDate(next.getDate() + 1);
    const later = new Date(next);
    later.setMonth(later.getMonth() + 3);
    const ymd = (d) => d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
    if (!start.value) start.value = ymd(next);
    if (!end.value) end.value = ymd(later);

    /** The plan as the form has it now, or null when no day is chosen. */
    const plan = () => {
      const days = [];
      form.querySelectorAll('select.day-place').forEach((s) => {
        if (!s.value) return;
        days.push({ dayOfWeek: s.dataset.day, place: 'WORK_PLACE_' + s.value, startTime: $('time-' + s.dataset.day).value || '07:30' });
      });
      if (!days.length) return null;
      return { startDate: start.value, endDate: end.value, days, note: $('p-note').value.trim() };
    };

    /** Shows what the server said of the plan: every broken rule, or that it keeps them all. */
    const show = (e) => {
      if (!e) { problems.replaceChildren(el('p', { class: 'ok', text: t('planFits') })); return; }
      if (e instanceof Problem && e.violations.length) {
        problems.replaceChildren(el('p', { class: 'problem', text: t('planBroken') }), violations(e));
      } else {
        problems.replaceChildren(el('p', { class: 'problem', text: t('refused', explain(e)) }));
      }
    };

    // The rules are checked on the server as the officer fills the form, so every broken rule shows
    // before the plan is sent.
    const { check, cancel } = liveCheck(form, async () => {
      const body = plan();
      if (!body) { problems.replaceChildren(el('p', { class: 'problem', text: t('planNeedsDays') })); return false; }
      await api('POST', '/v1/me/plans?validateOnly=true', body);
    }, show);

    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      cancel();
      const submit = $('plan-submit');
      submit.disabled = true;
      try {
        // A plan that breaks a rule is not even created: no DRAFT is left behind by a refused send.
        if (!(await check())) {
          problems.prepend(el('p', { class: 'problem', text: t('planNotSent') }));
          return;
        }
        const draft = await api('POST', '/v1/me/plans', plan(), { 'Idempotency-Key': randomKey() });
        await api('POST', '/v1/me/plans/' + draft.name.split('/')[1] + ':submit');
        problems.replaceChildren(el('p', { class: 'ok', text: t('planSent') }));
      } catch (e) {
        // The rules may have changed between the check and the submission: said the same way.
        show(e);
      } finally {
        submit.disabled = false;
        listPlans();
      }
    });
    listPlans();
    exceptions();
  }

  /**
   * Checks a form on the server while it is filled (validateOnly: nothing is stored): each change
   * asks again after a short pause, and only the latest answer is shown. `validate` calls the API,
   * or answers false when the form is not complete yet; `show` gets null when every rule is kept,
   * else the refusal. `check()` answers true when every rule is kept; `cancel()` drops a pending ask.
   */
  function liveCheck(form, validate, show) {
    let checks = 0;
    let timer = null;
    const check = async () => {
      const mine = ++checks;
      try {
        if ((await validate()) === false) return false;
        if (mine === checks) show(null);
        return true;
      } catch (e) {
        if (mine === checks) show(e);
        return false;
      }
    };
    const checkSoon = () => { clearTimeout(timer); timer = setTimeout(check, CHECK_DELAY_MS); };
    form.addEventListener('change', checkSoon);
    form.addEventListener('input', checkSoon);
    return { check, cancel: () => clearTimeout(timer) };
  }

  /** The one-day exception form and the officer's exceptions with their state. */
  function exceptions() {
    const form = $('exception-form');
    const date = $('x-date');
    const problems = $('exception-problems');
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    if (!date.value) date.value = tomorrow.getFullYear() + '-' + pad(tomorrow.getMonth() + 1) + '-' + pad(tomorrow.getDate());
    const exception = () => ({ date: date.value, place: 'WORK_PLACE_' + $('x-place').value, note: $('x-note').value.trim() });
    const show = (e) => {
      if (!e) { problems.replaceChildren(el('p', { class: 'ok', text: t('exceptionFits') })); return; }
      if (e instanceof Problem && e.violations.length) {
        problems.replaceChildren(el('p', { class: 'problem', text: t('exceptionBroken') }), violations(e));
      } else {
        problems.replaceChildren(el('p', { class: 'problem', text: t('refused', explain(e)) }));
      }
    };
    // Checked on the server as it is filled, like the plan form.
    const { check, cancel } = liveCheck(form, async () => {
      if (!date.value) return false;
      await api('POST', '/v1/me/day-exceptions?validateOnly=true', exception());
    }, show);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      cancel();
      const submit = $('exception-submit');
      submit.disabled = true;
      try {
        if (!(await check())) {
          problems.prepend(el('p', { class: 'problem', text: t('exceptionNotSent') }));
          return;
        }
        await api('POST', '/v1/me/day-exceptions', exception());
        problems.replaceChildren(el('p', { class: 'ok', text: t('exceptionSent') }));
      } catch (e) {
        show(e);
      } finally {
        submit.disabled = false;
        listExceptions();
      }
    });
    listExceptions();
  }

  async function listExceptions() {
    const list = $('exceptions');
    try {
      const r = await api('GET', '/v1/me/day-exceptions?pageSize=50');
      const items = r.dayExceptions || [];
      if (!items.length) { list.replaceChildren(el('li', { class: 'note', text: t('exceptionsEmpty') })); return; }
      list.replaceChildren(...items.map((x) => el('li', { class: 'card', 'data-name': x.name },
        el('h3', { text: day(x.date) + ': ' + placeText(x.place) }),
        el('p', { class: 'badge state', text: t('planState.' + strip(x.state, 'PLAN_STATE_')) }),
        x.decisionReason ? el('p', { class: 'note', text: t('decision', x.decisionReason) }) : null)));
    } catch (e) {
      list.replaceChildren(el('li', { text: explain(e) }));
    }
  }

  async function listPlans() {
    const list = $('plans');
    try {
      const r = await api('GET', '/v1/me/plans?pageSize=50');
      const items = r.plans || [];
      if (!items.length) { list.replaceChildren(el('li', { text: t('plansEmpty') })); return; }
      list.replaceChildren(...items.map((p) => el('li', { class: 'card', 'data-name': p.name },
        el('h3', { text: t('period', day(p.startDate), day(p.endDate)) }),
        el('p', { class: 'badge state', text: t('planState.' + strip(p.state, 'PLAN_STATE_')) }),
        planDays(p.days),
        p.decisionReason ? el('p', { class: 'note', text: t('decision', p.decisionReason) }) : null)));
    } catch (e) {
      list.replaceChildren(el('li', { text: explain(e) }));
    }
  }

  // ---- My month: a calendar of planned places and attendance days; my on-call turns ----
  const isoOf = (d) => d.toISOString().slice(0, 10);
  /** Today's date where the officer works (their unit's zone), not the device's: YYYY-MM-DD. */
  function todayHome() {
    try {
      const parts = new Intl.DateTimeFormat('en-CA', { timeZone: homeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
        .formatToParts(new Date());
      const get = (type) => parts.find((x) => x.type === type).value;
      return get('year') + '-' + get('month') + '-' + get('day');
    } catch (e) {
      return isoOf(new Date(Date.now() - new Date().getTimezoneOffset() * 60000));
    }
  }

  async function month() {
    const params = new URLSearchParams(location.search);
    let ym = /^\d{4}-\d{2}$/.test(params.get('month') || '') ? params.get('month') : todayHome().slice(0, 7);
    const go = (delta) => {
      const [y, m] = ym.split('-').map(Number);
      const d = new Date(Date.UTC(y, m - 1 + delta, 1));
      ym = d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1);
      history.replaceState(null, '', '?month=' + ym);
      calendar(ym);
    };
    $('m-prev').addEventListener('click', () => go(-1));
    $('m-next').addEventListener('click', () => go(1));
    calendar(ym);
    onCallTurns();
  }

  async function calendar(ym) {
    const list = $('calendar');
    const [y, m] = ym.split('-').map(Number);
    const first = new Date(Date.UTC(y, m - 1, 1));
    const last = new Date(Date.UTC(y, m, 0));
    $('h-cal').textContent = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(first);
    list.setAttribute('aria-busy', 'true');
    try {
      const [s, att] = await Promise.all([
        api('GET', '/v1/me/schedule?from=' + isoOf(first) + '&to=' + isoOf(last)),
        api('GET', '/v1/me/attendance?month=' + ym).catch(() => ({ days: [] })),
      ]);
      const status = {};
      (att.days || []).forEach((d) => { status[isoDate(d.date)] = d; });
      const todayIso = todayHome();
      list.replaceChildren(...(s.schedules || []).map((x, i) => {
        const date = isoDate(x.date);
        const a = date <= todayIso ? status[date] : null;
        const st = a ? strip(a.status, 'DAY_STATUS_') : '';
        const hasStatus = st && st !== 'UNSPECIFIED';
        const plan = x.working ? placeText(x.place) + (x.work ? ' ' + hours(x.work) : '')
          : t('reason.' + strip(x.reason, 'SCHEDULE_REASON_'));
        const long = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })
          .format(utcDay(x.date));
        const flags = a ? flagTexts(a.flags) : [];
        const li = el('li', {
          'data-date': date, 'data-status': hasStatus ? st : null, 'data-flags': flags.length ? a.flags.join(' ') : null,
          class: [date === todayIso ? 'now' : '', x.working ? '' : 'off', hasStatus ? dayTone(st) : ''].join(' ').trim(),
        },
        el('span', { class: 'cday', text: String(utcDay(x.date).getUTCDate()) }),
        el('span', { class: 'cwday', text: new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(utcDay(x.date)) }),
        el('span', { class: 'cplan', text: plan }),
        hasStatus ? el('span', { class: 'badge cstatus ' + dayTone(st), text: t('day.' + st) }) : null,
        flagBadges(a ? a.flags : []),
        el('span', { class: 'sr', text: long }));
        if (i === 0) li.classList.add('col-' + (((utcDay(x.date).getUTCDay() + 6) % 7) + 1));
        return li;
      }));
    } catch (e) {
      list.replaceChildren(el('li', { text: explain(e) }));
    } finally {
      list.removeAttribute('aria-busy');
    }
  }

  /** How many of the officer's coming turns the month page lists. */
  const TURNS_SHOWN = 10;

  async function onCallTurns() {
    const list = $('oncall');
    try {
      const r = await api('GET', '/v1/me/on-call');
      const slots = (r.slots || []).slice(0, TURNS_SHOWN);
      if (!slots.length) { list.replaceChildren(el('li', { class: 'note', text: t('oncallEmpty') })); return; }
      const me = 'officers/' + nip;
      const rosterNames = {};
      (r.rosters || []).forEach((x) => { rosterNames[x.name] = x.displayName; });
      const nowMs = Date.now();
      list.replaceChildren(...slots.map((x) => {
        const inForce = Date.parse(x.startTime) <= nowMs && nowMs < Date.parse(x.endTime);
        return el('li', { class: inForce ? 'now' : null, 'data-roster': x.roster },
          el('span', { text: when(x.startTime, null, true) + ' – ' + when(x.endTime, null, true) }), ' ',
          el('span', { class: 'badge', text: x.primary === me ? t('oncallPrimary') : t('oncallBackup') }), ' ',
          inForce ? el('span', { class: 'badge tone-ok', text: t('oncallNow') }) : null,
          el('span', { class: 'sub', text: rosterNames[x.roster] || strip(x.roster, 'rosters/') }));
      }));
    } catch (e) {
      list.replaceChildren(el('li', { text: explain(e) }));
    }
  }

  // On a phone the menus scroll sideways: the page's own entry is brought into view.
  const showCurrent = () => document.querySelectorAll('nav.main, nav.subnav').forEach((nav) => {
    const on = nav.querySelector('a.on');
    if (!on || nav.scrollWidth <= nav.clientWidth) return;
    const n = nav.getBoundingClientRect();
    const a = on.getBoundingClientRect();
    nav.scrollLeft += (a.left - n.left) - (n.width - a.width) / 2;
  });
  showCurrent();
  window.addEventListener('resize', showCurrent);

  // Date fields look as the browser's own language has them; the chosen date is also said in the
  // page's language under the field ("Senin, 7 Desember 2026"), so that no one has to guess.
  const dateSaid = { date: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
    month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
    'datetime-local': { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit',
      minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' } };
  // A time field says its time too when the browser writes times with AM/PM and the page does not.
  const browser12h = /h1[12]/.test(new Intl.DateTimeFormat(navigator.language || 'en-US', { hour: 'numeric' })
    .resolvedOptions().hourCycle || '');
  if (browser12h) dateSaid.time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' };
  const sayDates = () => document.querySelectorAll('input[type=date], input[type=month], input[type=datetime-local]'
    + (browser12h ? ', input[type=time]:not(table.grid input)' : '')).forEach((input, i) => {
    const opts = dateSaid[input.type];
    const said = el('span', { class: 'said', id: (input.id || 'date-' + i) + '-said', 'aria-live': 'polite' });
    const box = el('span', { class: 'datebox' });
    input.replaceWith(box);
    box.append(input, said);
    input.setAttribute('aria-describedby', said.id);
    const say = () => {
      const v = input.value;
      const iso = input.type === 'date' ? v + 'T00:00:00Z' : input.type === 'month' ? v + '-01T00:00:00Z'
        : input.type === 'time' ? '2000-01-01T' + v.slice(0, 5) + ':00Z' : v.slice(0, 16) + ':00Z';
      const ms = v ? Date.parse(iso) : NaN;
      said.textContent = Number.isNaN(ms) ? '' : new Intl.DateTimeFormat(locale, opts).format(new Date(ms));
    };
    input.addEventListener('input', say);
    input.addEventListener('change', say);
    if (input.form) input.form.addEventListener('reset', () => setTimeout(say, 0));
    say();
  });

  if (body.dataset.page === 'signin' && window.caches) {
    // Signed out (or never in): no page of the previous person stays in this browser's cache.
    caches.keys().then((keys) => keys.forEach((k) => caches.delete(k))).catch(() => {});
  }
  if ('serviceWorker' in navigator && body.dataset.page !== 'signin') {
    navigator.serviceWorker.register('/sw.js').catch(() => {});
  }
  const pages = { today, inbox, team, asked, plans, month };
  const run = pages[body.dataset.page];
  if (run) run();
  // After the page's script has put its first dates into the fields.
  sayDates();
})();
