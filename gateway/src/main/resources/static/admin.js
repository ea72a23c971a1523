// Jeda's administration pages: units and offices, positions, officers, calendars, rosters, the
// admin changes and the CSV imports. Like app.js, every datum comes from the public REST API
// (/v1/admin/...) with the session cookie; the API checks the role and the admin scope, and a
// refusal is shown in words. Texts come from the server's bundles (body data-texts).
'use strict';

(() => {
  const body = document.body;
  if (body.dataset.page !== 'admin') return;
  const T = body.dataset.texts ? JSON.parse(body.dataset.texts) : {};
  const lang = body.dataset.lang || 'id';
  const locale = lang === 'en' ? 'en-GB' : 'id-ID';
  const canEdit = body.dataset.canEdit === 'true';
  const section = body.dataset.section;
  const csrfMeta = document.querySelector('meta[name="csrf-token"]');
  const csrf = csrfMeta ? csrfMeta.content : '';
  const $ = (id) => document.getElementById(id);
  const status = $('admin-status');
  // The unit a scoped token administers ('' for a national one): lists start there.
  const scopeUnit = ['*', '-', ''].includes(body.dataset.scope || '') ? '' : String(body.dataset.scope).replace(/^units\//, '');
  const startAtScope = (select) => { if (scopeUnit && select) select.value = scopeUnit; };

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

  const strip = (v, prefix) => (typeof v === 'string' && v.startsWith(prefix) ? v.slice(prefix.length) : (v || ''));
  const hhmm = (t0) => (t0 ? String(t0).slice(0, 5) : '');

  class Problem extends Error {
    constructor(httpStatus, p) {
      super(p.detail || p.reason || String(httpStatus));
      this.status = httpStatus;
      this.reason = p.reason || '';
      this.metadata = p.metadata || {};
      this.violations = p.violations || [];
    }
  }

  /** A read is tried again (three times in all, a second apart) while the service behind answers 503 or 504. */
  async function api(method, path, payload) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call(method, path, payload);
      } catch (e) {
        if (method !== 'GET' || attempt >= 3 || !(e instanceof Problem) || ![503, 504].includes(e.status)) throw e;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  async function call(method, path, payload) {
    const h = { Accept: 'application/json' };
    if (method !== 'GET') {
      h['X-CSRF-Token'] = csrf;
      if (payload !== undefined) h['Content-Type'] = 'application/json';
    }
    const r = await fetch(path, { method, headers: h, credentials: 'same-origin', cache: 'no-store',
      body: payload === undefined ? undefined : JSON.stringify(payload) });
    const text = await r.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (!r.ok) throw new Problem(r.status, json || { detail: text });
    return json || {};
  }

  /** A refusal or failure in words: the reason's own sentence when the bundle has one, else the server's. */
  function say(e) {
    if (!(e instanceof Problem)) {
      status.className = 'status problem';
      status.textContent = t('admin.error', e.message || String(e));
      return;
    }
    const known = Object.prototype.hasOwnProperty.call(T, 'admin.reason.' + e.reason);
    const scope = e.metadata.scope || body.dataset.scope || '';
    status.className = 'status problem';
    status.textContent = known ? t('admin.reason.' + e.reason, scope === '*' ? t('admin.national') : scope,
      e.metadata.resource || '') : t('admin.error', (e.reason ? e.reason + ': ' : '') + e.message);
  }

  function done(key, ...args) {
    status.className = 'status ok';
    status.textContent = t(key, ...args);
  }

  function fill(tbody, rows) {
    tbody.replaceChildren(...rows);
    if (!rows.length) {
      const cols = tbody.closest('table').querySelectorAll('thead th').length;
      tbody.append(el('tr', {}, el('td', { colspan: cols, class: 'note', text: t('admin.none') })));
    }
    labelCells(tbody);
  }

  /**
   * Each cell named by its column's heading (data-label): on a phone a row is shown as a card of
   * "heading: value" lines (app.css), and the table's roles are kept for screen readers.
   */
  function labelCells(tbody) {
    const table = tbody.closest('table');
    // A column whose heading only a screen reader hears (a row's button) gets no label on the card.
    const heads = [...table.querySelectorAll('thead th')].map((th) => (th.querySelector('.sr') ? '' : th.textContent.trim()));
    table.setAttribute('role', 'table');
    table.querySelectorAll('thead, tbody').forEach((g) => g.setAttribute('role', 'rowgroup'));
    table.querySelectorAll('tr').forEach((tr) => tr.setAttribute('role', 'row'));
    table.querySelectorAll('thead th').forEach((th) => th.setAttribute('role', 'columnheader'));
    tbody.querySelectorAll('tr').forEach((tr) => [...tr.children].forEach((td, i) => {
      td.setAttribute('role', 'cell');
      if (!td.hasAttribute('colspan') && heads[i]) td.setAttribute('data-label', heads[i]);
      if (!heads[i]) td.classList.add('act');
    }));
  }

  function formValues(form) {
    const out = {};
    new FormData(form).forEach((v, k) => { out[k] = typeof v === 'string' ? v.trim() : v; });
    return out;
  }

  /** Submits a form through fn; the button waits, a refusal is said, success reloads the section. */
  function onSubmit(form, fn) {
    if (!form) return;
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const button = form.querySelector('button[type=submit]');
      if (button) button.disabled = true;
      try {
        await fn(formValues(form));
      } catch (e) {
        say(e);
      } finally {
        if (button) button.disabled = false;
      }
    });
  }

  // ---------------------------------------------------------------- time zones (no DST in Indonesia)

  const zoneShort = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

  function offsetOf(ms, zone) {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric',
      month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(ms));
    const g = (k) => Number(parts.find((p) => p.type === k).value);
    return Date.UTC(g('year'), g('month') - 1, g('day'), g('hour'), g('minute'), g('second')) - ms;
  }

  /** A datetime-local value read as a wall time of the zone, as an RFC 3339 instant. */
  function zonedToIso(local, zone) {
    const asUtc = Date.parse(local + ':00Z');
    return new Date(asUtc - offsetOf(asUtc, zone)).toISOString();
  }

  function inZone(iso, zone, opts) {
    return new Intl.DateTimeFormat(locale, Object.assign({ timeZone: zone }, opts)).format(new Date(iso));
  }

  // ---------------------------------------------------------------- shared look-ups

  let unitsCache = null;
  async function units() {
    if (unitsCache) return unitsCache;
    const out = [];
    let token = '';
    do {
      const r = await api('GET', '/v1/admin/units?pageSize=500' + (token ? '&pageToken=' + encodeURIComponent(token) : ''));
      out.push(...(r.units || []));
      token = r.nextPageToken || '';
    } while (token && out.length < 5000);
    unitsCache = out;
    return out;
  }

  async function positions() {
    const r = await api('GET', '/v1/admin/positions?pageSize=500');
    return r.positions || [];
  }

  async function fillUnitSelects() {
    const list = await units();
    document.querySelectorAll('select.unit-select').forEach((s) => {
      const keep = s.value;
      const opts = list.map((u) => el('option', { value: strip(u.name, 'units/'),
        text: u.displayName + ' (' + strip(u.name, 'units/') + ')' }));
      if (s.dataset.empty) opts.unshift(el('option', { value: '', text: t('admin.any') }));
      s.replaceChildren(...opts);
      if (keep) s.value = keep;
    });
    return list;
  }

  // ---------------------------------------------------------------- units and offices

  async function showUnits() {
    const list = await fillUnitSelects();
    fill($('units').tBodies[0], list.map((u) => el('tr', { 'data-unit': strip(u.name, 'units/') },
      el('td', { text: strip(u.name, 'units/') }), el('td', { text: u.displayName }),
      el('td', { text: strip(u.parent, 'units/') }), el('td', { text: zoneShort[u.timeZone] || u.timeZone }),
      el('td', {}, el('ul', { class: 'plain' }, (u.offices || []).map((o) => el('li', { 'data-office': o.id,
        text: o.displayName + ': ' + (o.geofence && o.geofence.center ? o.geofence.center.latitude + ', '
          + o.geofence.center.longitude : '') + ' · ' + (o.geofence ? o.geofence.radiusMeters : '') + ' m' })))))));
  }

  async function units_() {
    await showUnits();
    onSubmit($('unit-form'), async (v) => {
      const unit = { displayName: v.displayName, timeZone: v.timeZone };
      if (v.parent) unit.parent = 'units/' + v.parent;
      await api('POST', '/v1/admin/units?unitId=' + encodeURIComponent(v.unitId), unit);
      unitsCache = null;
      $('unit-form').reset();
      await showUnits();
      done('admin.saved.unit', v.displayName);
    });
    onSubmit($('office-form'), async (v) => {
      const u = await api('GET', '/v1/admin/units/' + encodeURIComponent(v.unit));
      const offices = (u.offices || []).filter((o) => o.id !== v.id);
      offices.push({ id: v.id, displayName: v.displayName, geofence: { center: { latitude: Number(v.latitude),
        longitude: Number(v.longitude) }, radiusMeters: Number(v.radius) } });
      await api('PATCH', '/v1/admin/units/' + encodeURIComponent(v.unit) + '?updateMask=offices', { offices });
      unitsCache = null;
      await showUnits();
      done('admin.saved.office', v.displayName);
    });
  }

  // ---------------------------------------------------------------- positions

  async function positions_() {
    const form = $('position-form');
    let editing = null;
    async function show() {
      const list = await positions();
      fill($('positions').tBodies[0], list.map((p) => {
        const id = strip(p.name, 'positions/');
        const places = (p.allowedPlaces || []).map((x) => t('place.' + strip(x, 'WORK_PLACE_'))).join(', ');
        const flexi = strip(p.flexiTime, 'FLEXI_TIME_KIND_');
        const edit = canEdit ? el('button', { type: 'button', class: 'link', 'data-edit': id, text: t('admin.edit') }) : null;
        if (edit) edit.addEventListener('click', () => {
          editing = id;
          form.positionId.value = id;
          form.positionId.readOnly = true;
          form.displayName.value = p.displayName;
          form.fwaEligible.checked = !!p.fwaEligible;
          form.querySelectorAll('input[name=place]').forEach((c) => {
            c.checked = (p.allowedPlaces || []).some((x) => strip(x, 'WORK_PLACE_') === c.value);
          });
          form.maxRemoteDaysPerWeek.value = p.maxRemoteDaysPerWeek;
          form.flexiTime.value = flexi;
          form.startWindowBegin.value = hhmm(p.startWindowBegin);
          form.startWindowEnd.value = hhmm(p.startWindowEnd);
          form.coreStart.value = hhmm(p.coreStart);
          form.coreEnd.value = hhmm(p.coreEnd);
          // The times said beside the fields follow what was put in them.
          form.querySelectorAll('input[type=time]').forEach((i) => i.dispatchEvent(new Event('input')));
          form.scrollIntoView();
        });
        return el('tr', { 'data-position': id }, el('td', { text: id }), el('td', { text: p.displayName }),
          el('td', { text: p.fwaEligible ? t('admin.yes') : t('admin.no') }), el('td', { text: places }),
          el('td', { text: String(p.maxRemoteDaysPerWeek) }), el('td', { text: t('admin.flexi.' + flexi) }),
          el('td', { class: 'nowrap', text: hhmm(p.startWindowBegin) + '–' + hhmm(p.startWindowEnd) }),
          el('td', { class: 'nowrap', text: hhmm(p.coreStart) + '–' + hhmm(p.coreEnd) }), el('td', {}, edit));
      }));
    }
    await show();
    onSubmit(form, async (v) => {
      const p = { displayName: v.displayName, fwaEligible: form.fwaEligible.checked,
        allowedPlaces: ['OFFICE'].concat([...form.querySelectorAll('input[name=place]:checked')].map((c) => c.value)),
        maxRemoteDaysPerWeek: Number(v.maxRemoteDaysPerWeek || 0), flexiTime: v.flexiTime,
        startWindowBegin: v.startWindowBegin, startWindowEnd: v.startWindowEnd, coreStart: v.coreStart, coreEnd: v.coreEnd };
      if (editing) {
        await api('PATCH', '/v1/admin/positions/' + encodeURIComponent(editing) + '?updateMask=displayName,fwaEligible,'
          + 'allowedPlaces,maxRemoteDaysPerWeek,flexiTime,startWindowBegin,startWindowEnd,coreStart,coreEnd', p);
      } else {
        await api('POST', '/v1/admin/positions?positionId=' + encodeURIComponent(v.positionId), p);
      }
      editing = null;
      form.positionId.readOnly = false;
      form.reset();
      await show();
      done('admin.saved.position', v.displayName);
    });
  }

  // ---------------------------------------------------------------- officers

  async function officers_() {
    await fillUnitSelects();
    const posList = await positions().catch(() => []);
    document.querySelectorAll('select.position-select').forEach((s) => s.replaceChildren(...posList.map((p) =>
      el('option', { value: strip(p.name, 'positions/'), text: p.displayName }))));
    const form = $('officer-form');
    startAtScope($('f-unit'));
    const tokens = [''];
    let pageNo = 0;
    let editing = null;
    let shown = [];
    function render() {
      const q = $('f-search').value.trim().toLowerCase();
      const rows = shown.filter((o) => !q || o.displayName.toLowerCase().includes(q) || o.nip.includes(q));
      fill($('officers').tBodies[0], rows.map((o) => {
        const edit = canEdit ? el('button', { type: 'button', class: 'link', text: t('admin.edit') }) : null;
        if (edit) edit.addEventListener('click', () => {
          editing = o.nip;
          form.nip.value = o.nip;
          form.nip.readOnly = true;
          form.displayName.value = o.displayName;
          form.unit.value = strip(o.unit, 'units/');
          form.position.value = strip(o.position, 'positions/');
          form.manager.value = strip(o.manager, 'officers/');
          form.scrollIntoView();
        });
        return el('tr', { 'data-nip': o.nip }, el('td', { text: o.nip }), el('td', { text: o.displayName }),
          el('td', { text: strip(o.unit, 'units/') }), el('td', { text: strip(o.position, 'positions/') }),
          el('td', { text: strip(o.manager, 'officers/') }), el('td', {}, edit));
      }));
    }
    async function load() {
      const unit = $('f-unit').value;
      const q = $('f-search').value.trim();
      if (/^\d{18}$/.test(q)) {
        // A whole NIP: that officer, wherever the page is.
        try {
          shown = [await api('GET', '/v1/admin/officers/' + q)];
        } catch (e) {
          shown = [];
          say(e);
        }
        render();
        return;
      }
      const r = await api('GET', '/v1/admin/officers?pageSize=50' + (unit ? '&unit=' + encodeURIComponent(unit) : '')
        + (tokens[pageNo] ? '&pageToken=' + encodeURIComponent(tokens[pageNo]) : ''));
      shown = r.officers || [];
      tokens[pageNo + 1] = r.nextPageToken || '';
      $('prev').disabled = pageNo === 0;
      $('next').disabled = !r.nextPageToken;
      $('page-no').textContent = t('admin.page', pageNo + 1);
      render();
    }
    $('f-unit').addEventListener('change', () => { pageNo = 0; tokens.length = 1; load().catch(say); });
    $('f-search').addEventListener('input', () => {
      if (/^\d{18}$/.test($('f-search').value.trim())) load().catch(say); else render();
    });
    $('officer-filter').addEventListener('submit', (e) => { e.preventDefault(); load().catch(say); });
    $('prev').addEventListener('click', () => { pageNo = Math.max(0, pageNo - 1); load().catch(say); });
    $('next').addEventListener('click', () => { pageNo += 1; load().catch(say); });
    await load();
    onSubmit(form, async (v) => {
      const o = { nip: v.nip, displayName: v.displayName, unit: 'units/' + v.unit, position: 'positions/' + v.position,
        manager: v.manager ? 'officers/' + v.manager : '' };
      if (editing) {
        await api('PATCH', '/v1/admin/officers/' + editing + '?updateMask=displayName,unit,position,manager', o);
      } else {
        if (!o.manager) delete o.manager;
        await api('POST', '/v1/admin/officers', o);
      }
      editing = null;
      form.nip.readOnly = false;
      form.reset();
      await load();
      done('admin.saved.officer', v.displayName);
    });
  }

  // ---------------------------------------------------------------- calendars

  async function calendar_() {
    // The year is set before anything is awaited, so that a year chosen while the page still loads
    // is not reset; and only the latest listing fills the tables (an earlier, slower answer for
    // another year must not overwrite it).
    const year = $('year');
    year.value = new Date().getFullYear();
    let shown = 0;
    await fillUnitSelects();
    const dateText = (d) => (typeof d === 'string' ? d : '');
    // A date in the page's language ("Sen, 8 Feb 2027"), its ISO form kept in datetime.
    const dateCell = (d) => el('td', {}, dateText(d) ? el('time', { datetime: dateText(d), text: new Intl.DateTimeFormat(locale,
      { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
      .format(new Date(dateText(d) + 'T00:00:00Z')) }) : null);
    async function show() {
      const mine = ++shown;
      const r = await api('GET', '/v1/admin/calendar-days?pageSize=500&year=' + Number(year.value));
      if (mine !== shown) return;
      fill($('days').tBodies[0], (r.calendarDays || []).map((d) => {
        const kind = strip(d.kind, 'CALENDAR_DAY_KIND_');
        const del = canEdit ? el('button', { type: 'button', class: 'link', text: t('admin.delete') }) : null;
        if (del) del.addEventListener('click', async () => {
          try {
            await api('DELETE', '/v1/admin/calendar-days/' + encodeURIComponent(strip(d.name, 'calendarDays/')));
            await show();
            done('admin.deleted');
          } catch (e) { say(e); }
        });
        return el('tr', { 'data-date': dateText(d.date) }, dateCell(d.date),
          el('td', { text: t('admin.kind.' + kind) }), el('td', { text: d.description || '' }),
          el('td', { text: d.unit ? strip(d.unit, 'units/') : t('admin.any') }), el('td', {}, del));
      }));
      const p = await api('GET', '/v1/admin/ramadan-periods?pageSize=500');
      if (mine !== shown) return;
      fill($('ramadan').tBodies[0], (p.ramadanPeriods || []).map((x) => el('tr', {},
        dateCell(x.startDate), dateCell(x.endDate),
        el('td', { text: hhmm(x.startTime) }), el('td', { text: (x.weeklyWorkMinutes / 60).toLocaleString(locale) }))));
    }
    year.addEventListener('change', () => show().catch(say));
    $('year-form').addEventListener('submit', (e) => { e.preventDefault(); show().catch(say); });
    await show();
    onSubmit($('day-form'), async (v) => {
      const day = { date: v.date, kind: v.kind, description: v.description };
      if (v.kind === 'AGENCY_DAY' && v.unit) day.unit = 'units/' + v.unit;
      await api('POST', '/v1/admin/calendar-days', day);
      await show();
      done('admin.saved.day', v.date);
    });
    onSubmit($('ramadan-form'), async (v) => {
      await api('POST', '/v1/admin/ramadan-periods', { startDate: v.startDate, endDate: v.endDate });
      await show();
      done('admin.saved.ramadan', v.startDate);
    });
  }

  // ---------------------------------------------------------------- rosters and the on-call calendar

  /** An officer by name with the NIP after it, or the NIP alone when policy-service knows no name. */
  const person = (officer, name) => (name ? name + ' (' + strip(officer, 'officers/') + ')' : strip(officer, 'officers/'));

  async function rosters_() {
    const list = await fillUnitSelects();
    const zoneOf = (unit) => (list.find((u) => u.name === unit) || {}).timeZone || 'Asia/Jakarta';
    let current = null;
    async function openRoster(r) {
      current = r;
      const zone = zoneOf(r.unit);
      $('roster-detail').hidden = false;
      $('roster-title').textContent = t('admin.oncall', r.displayName, zoneShort[zone] || zone);
      const s = await api('GET', '/v1/admin/rosters/' + encodeURIComponent(strip(r.name, 'rosters/')) + '/slots?pageSize=28');
      const slots = s.slots || [];
      const fmt = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
      $('slots').replaceChildren(...slots.map((x) => el('li', { class: x.overridden ? 'overridden' : '',
        'data-start': x.startTime },
        el('span', { class: 'when', text: inZone(x.startTime, zone, fmt) + ' – ' + inZone(x.endTime, zone,
          { hour: '2-digit', minute: '2-digit' }) }),
        el('span', { class: 'who', text: t('admin.primary', person(x.primary, x.primaryDisplayName))
          + (x.backup ? ' · ' + t('admin.backup', person(x.backup, x.backupDisplayName)) : '')
          + (x.overridden ? ' · ' + t('admin.overridden') : '') }))));
      document.querySelectorAll('select.slot-select').forEach((sel) => sel.replaceChildren(...slots.map((x) =>
        el('option', { value: x.startTime, text: inZone(x.startTime, zone, fmt) + ' · '
          + (x.primaryDisplayName || strip(x.primary, 'officers/')) }))));
    }
    async function show() {
      const r = await api('GET', '/v1/admin/rosters?pageSize=100' + (scopeUnit ? '&unit=' + encodeURIComponent(scopeUnit) : ''));
      const rosters = r.rosters || [];
      fill($('rosters').tBodies[0], rosters.map((x) => {
        const open = el('button', { type: 'button', class: 'link', text: t('admin.open') });
        open.addEventListener('click', () => openRoster(x).catch(say));
        return el('tr', { 'data-roster': strip(x.name, 'rosters/') }, el('td', { text: x.displayName }),
          el('td', { text: strip(x.unit, 'units/') }),
          el('td', { text: (x.members || []).map((m) => strip(m.officer, 'officers/')).join(', ') }),
          el('td', { text: t('admin.hours', x.turnHours) }), el('td', {}, open));
      }));
      return rosters;
    }
    const rosters = await show();
    if (rosters.length) await openRoster(rosters[0]);
    onSubmit($('roster-form'), async (v) => {
      const zone = zoneOf('units/' + v.unit);
      const members = v.members.split(/\n+/).map((l) => l.trim()).filter(Boolean).map((l) => {
        const [officer, backup] = l.split(/[,;\s]+/);
        const m = { officer: 'officers/' + officer };
        if (backup) m.backupOfficer = 'officers/' + backup;
        return m;
      });
      const created = await api('POST', '/v1/admin/rosters?rosterId=' + encodeURIComponent(v.rosterId), {
        displayName: v.displayName, unit: 'units/' + v.unit, members, turnHours: Number(v.turnHours),
        startTime: zonedToIso(v.startTime, zone) });
      $('roster-form').reset();
      await show();
      await openRoster(created);
      done('admin.saved.roster', v.displayName);
    });
    onSubmit($('override-form'), async (v) => {
      const zone = zoneOf(current.unit);
      await api('POST', '/v1/admin/rosters/' + encodeURIComponent(strip(current.name, 'rosters/')) + '/overrides', {
        officer: 'officers/' + v.officer, startTime: zonedToIso(v.startTime, zone), endTime: zonedToIso(v.endTime, zone),
        reason: v.reason });
      await openRoster(current);
      done('admin.saved.override');
    });
    onSubmit($('swap-form'), async (v) => {
      await api('POST', '/v1/admin/rosters/' + encodeURIComponent(strip(current.name, 'rosters/')) + ':swap', {
        firstSlotTime: v.first, secondSlotTime: v.second, reason: v.reason });
      await openRoster(current);
      done('admin.saved.swap');
    });
  }

  // ---------------------------------------------------------------- admin changes

  async function changes_() {
    await fillUnitSelects();
    startAtScope($('c-unit'));
    const tokens = [''];
    let pageNo = 0;
    async function load() {
      const unit = $('c-unit').value;
      const r = await api('GET', '/v1/admin/changes?pageSize=50' + (unit ? '&unit=' + encodeURIComponent(unit) : '')
        + (tokens[pageNo] ? '&pageToken=' + encodeURIComponent(tokens[pageNo]) : ''));
      tokens[pageNo + 1] = r.nextPageToken || '';
      $('prev').disabled = pageNo === 0;
      $('next').disabled = !r.nextPageToken;
      $('page-no').textContent = t('admin.page', pageNo + 1);
      fill($('changes').tBodies[0], (r.changes || []).map((c) => el('tr', {},
        el('td', { text: new Date(c.changeTime).toLocaleString(locale) }), el('td', { text: c.actor }),
        el('td', { text: c.action }), el('td', { text: c.resource }), el('td', { text: strip(c.unit, 'units/') }))));
    }
    $('c-unit').addEventListener('change', () => { pageNo = 0; tokens.length = 1; load().catch(say); });
    $('prev').addEventListener('click', () => { pageNo = Math.max(0, pageNo - 1); load().catch(say); });
    $('next').addEventListener('click', () => { pageNo += 1; load().catch(say); });
    await load();
  }

  // ---------------------------------------------------------------- CSV imports: dry run, then apply

  async function import_() {
    const form = $('import-form');
    const apply = $('i-apply');
    let checked = null;
    const send = async (validateOnly) => {
      const file = $('i-file').files[0];
      if (!file) throw new Error(t('admin.import.nofile'));
      const csv = await file.text();
      const kind = $('i-kind').value;
      return { kind, csv, r: await api('POST', '/v1/admin/' + kind + ':import', { csv, validateOnly }) };
    };
    const showProblems = (problems) => {
      $('problems').hidden = !problems.length;
      $('problems').tBodies[0].replaceChildren(...problems.map((p) => el('tr', { 'data-line': p.line },
        el('td', { text: String(p.line) }), el('td', { text: p.field }),
        el('td', { text: Object.prototype.hasOwnProperty.call(T, 'admin.import.reason.' + p.reason)
          ? t('admin.import.reason.' + p.reason) : p.reason }), el('td', { text: p.message }))));
      labelCells($('problems').tBodies[0]);
    };
    const reset = () => { checked = null; apply.disabled = true; $('i-summary').textContent = ''; showProblems([]); };
    $('i-file').addEventListener('change', reset);
    $('i-kind').addEventListener('change', reset);
    onSubmit(form, async () => {
      reset();
      const { kind, csv, r } = await send(true);
      const problems = r.problems || [];
      showProblems(problems);
      $('i-summary').className = problems.length ? 'problem' : 'ok';
      $('i-summary').textContent = problems.length ? t('admin.import.bad', r.rows || 0, problems.length)
        : t('admin.import.good', r.rows || 0);
      if (!problems.length && canEdit) {
        checked = { kind, csv };
        apply.disabled = false;
      }
    });
    apply.addEventListener('click', async () => {
      if (!checked) return;
      apply.disabled = true;
      try {
        const r = await api('POST', '/v1/admin/' + checked.kind + ':import', { csv: checked.csv, validateOnly: false });
        $('i-summary').className = 'ok';
        $('i-summary').textContent = t('admin.import.done', r.imported || 0);
        checked = null;
      } catch (e) {
        if (e.violations && e.violations.length) {
          showProblems(e.violations.map((v) => ({ line: Number(String(v.subject || '').replace('line ', '')) || '',
            field: String(v.message || '').split(':')[0], reason: v.reason, message: v.message })));
        }
        say(e);
        apply.disabled = false;
      }
    });
  }

  const sections = { units: units_, positions: positions_, officers: officers_, calendar: calendar_,
    rosters: rosters_, changes: changes_, import: import_ };
  const run = sections[section];
  if (run) run().catch(say);
})();
