// 惠保 H5: a patient's policies, authorizations, claims and access log, from the same API as everyone else.
(function () {
  'use strict';
  // Every text lives in zh-CN.json (also the API's reason_text); loaded before anything is shown.
  let T = { reasons: {}, purposes: {}, actions: {}, roles: {}, channels: {}, claim_states: {}, preauth_states: {} };
  const say = (table, code) => (T[table] && T[table][code]) || code;
  // A sentence of the text file with its {placeholders} filled.
  const fmt = (key, vars) => String((T.ui && T.ui[key]) || key)
    .replace(/\{(\w+)\}/g, (m, k) => (vars && vars[k] != null ? vars[k] : ''));
  let token = null;

  const $ = (id) => document.getElementById(id);
  const text = (s) => document.createTextNode(s == null ? '' : String(s));
  function li(lines, extra) {
    const item = document.createElement('li');
    lines.forEach((l, i) => {
      const d = document.createElement('div');
      d.className = i === 0 ? 'row' : 'muted';
      d.appendChild(text(l));
      item.appendChild(d);
    });
    if (extra) item.appendChild(extra);
    return item;
  }
  function fill(list, items, empty) {
    list.replaceChildren(...(items.length ? items : [li([empty])]));
  }
  async function api(method, path, body) {
    const res = await fetch(path, {
      method, headers: Object.assign({ Authorization: 'Bearer ' + token },
        body ? { 'Content-Type': 'application/json' } : {}),
      body: body ? JSON.stringify(body) : undefined });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(json.detail || json.title || ('HTTP ' + res.status));
    return json;
  }
  // Dates and times as people in Shanghai read them, whatever the phone's time zone.
  const SHANGHAI = { timeZone: 'Asia/Shanghai' };
  const day = (iso) => iso ? (iso.length <= 10 ? iso
    : new Date(iso).toLocaleDateString('zh-CN', SHANGHAI)) : '';
  const time = (iso) => iso ? new Date(iso).toLocaleString('zh-CN', Object.assign({ hour12: false }, SHANGHAI)) : '';
  const wall = (local) => local ? local.replace('T', ' ').substring(0, 16) : '';
  const yuan = (m) => fmt('yuan', { amount: m });

  function balanceLines(b) {
    if (!b) return [];
    const out = b.deductibles.map(d => fmt('deductible_left',
      { left: yuan(d.left), amount: yuan(d.amount), used: yuan(d.used) }));
    b.benefits.forEach(r => {
      if (r.left !== null) out.push(fmt('benefit_left', { name: r.name || r.id, left: yuan(r.left), cap: yuan(r.annual_cap) }));
    });
    if (b.overall_cap.left !== null) out.push(fmt('overall_left', { left: yuan(b.overall_cap.left) }));
    return out;
  }

  async function loadPolicies() {
    const { policies } = await api('GET', '/v1/me/policies');
    fill($('policies'), policies.map(p => {
      const lines = [(p.plan_name || p.plan_id) + ' · ' + p.insurer_name,
        fmt('policy_line', { no: p.policy_no, from: day(p.effective_from), to: day(p.effective_to), certno: p.certno })];
      if (p.edition) lines.push(fmt('edition', { edition: p.edition }));
      if (p.claim_free_editions) lines.push(fmt('claim_free', { n: p.claim_free_editions }));
      const item = li(lines.concat(balanceLines(p.balance)));
      item.dataset.policy = p.policy_no;
      item.classList.add('policy');
      return item;
    }), fmt('no_policies'));
    const insurers = new Map(policies.map(p => [p.insurer_id, p.insurer_name]));
    $('grant-insurer').replaceChildren(...[...insurers].map(([id, name]) => { const o = document.createElement('option');
      o.value = id; o.textContent = name; return o; }));
  }

  async function loadConsents() {
    const { consents } = await api('GET', '/v1/me/consents');
    fill($('consents'), consents.map(c => {
      const purposes = c.purposes.map(p => say('purposes', p)).join(fmt('list_sep'));
      let button = null;
      if (!c.revoked_at) {
        button = document.createElement('button');
        button.type = 'button';
        button.className = 'revoke';
        button.textContent = fmt('revoke');
        button.dataset.consent = c.id;
        button.addEventListener('click', async () => {
          if (!window.confirm(fmt('revoke_confirm', { insurer: insurerNames.get(c.insurer_id) || c.insurer_id }))) return;
          await api('DELETE', '/v1/me/consents/' + c.id);
          await refresh();
        });
      }
      const item = li([(insurerNames.get(c.insurer_id) || c.insurer_id) + ' · ' + purposes,
        fmt('consent_window', { from: day(c.covers_from), until: day(c.expires_at) }),
        c.revoked_at ? fmt('consent_revoked', { at: time(c.revoked_at) })
          : fmt('consent_active', { at: time(c.granted_at) })], button);
      if (c.revoked_at) item.classList.add('revoked');
      item.dataset.insurer = c.insurer_id;
      return item;
    }), fmt('no_consents'));
  }

  async function loadClaims() {
    const { claims } = await api('GET', '/v1/me/claims');
    fill($('claims'), claims.map(c => {
      const item = li([fmt('claim_title', { channel: say('channels', c.channel), insurer: c.insurer_name,
        payout: yuan(c.payout) }),
        fmt('claim_where', { where: c.fixmedins_name || '', when: wall(c.setl_time), state: say('claim_states', c.state) }),
        fmt('claim_residual', { residual: yuan(c.residual_self_pay) })]);
      item.dataset.claim = c.claim_id;
      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'link detail';
      more.textContent = fmt('claim_more');
      more.addEventListener('click', () => showClaim(c.claim_id));
      item.appendChild(more);
      return item;
    }), fmt('no_claims'));
  }

  // The explanation of one claim's settlement: every amount on screen, adding up to what is left to pay.
  function row(label, amount, cls) {
    const d = document.createElement('div');
    d.className = 'money ' + (cls || '');
    const l = document.createElement('span');
    l.textContent = label;
    const a = document.createElement('span');
    a.className = 'amount';
    a.dataset.amount = amount;
    a.textContent = yuan(amount);
    d.append(l, a);
    return d;
  }

  async function showClaim(id) {
    const e = await api('GET', '/v1/me/claims/' + encodeURIComponent(id));
    const box = $('claim-detail');
    const parts = [];
    const h = document.createElement('h3');
    h.textContent = fmt('eob_title', { where: e.fixmedins_name || '', when: wall(e.setl_time) });
    parts.push(h);
    parts.push(row(fmt('eob_bill'), e.bill.medfee_sumamt, 'bill'));
    parts.push(row(fmt('eob_fund'), e.bill.fund_pay_sumamt, 'fund'));
    if (e.bill.hosp_part_amt !== '0.00') parts.push(row(fmt('eob_hospital'), e.bill.hosp_part_amt, 'hospital'));
    parts.push(row(fmt('eob_share'), e.bill.psn_part_amt, 'share'));
    e.policies.forEach(p => {
      const d = row(fmt('eob_policy', { plan: p.plan_name || p.policy_no, insurer: p.insurer_name }), p.payout, 'payout');
      d.dataset.state = p.state;
      parts.push(d);
      p.benefits.filter(b => b.payable !== '0.00' || b.capped_text).forEach(b => {
        const note = document.createElement('div');
        note.className = 'muted benefit';
        let t = fmt('eob_benefit', { name: b.name || b.id, eligible: yuan(b.eligible) });
        if (b.deductible !== '0.00') t += fmt('eob_deductible', { amount: yuan(b.deductible) });
        if (b.ratio) t += fmt('eob_ratio', { percent: Math.round(parseFloat(b.ratio) * 100) });
        t += fmt('eob_paid', { amount: yuan(b.payable) });
        if (b.capped_text) t += fmt('eob_capped', { text: b.capped_text });
        note.textContent = t;
        parts.push(note);
      });
    });
    parts.push(row(fmt('eob_residual'), e.residual_self_pay, 'residual'));
    e.residual_reasons.forEach(w => {
      const d = row('  ' + w.reason_text, w.amount, 'reason');
      parts.push(d);
    });
    box.replaceChildren(...parts);
    box.hidden = false;
    box.dataset.claim = id;
    box.scrollIntoView();
  }

  async function loadAccess() {
    const { entries } = await api('GET', '/v1/me/access-log');
    fill($('access'), entries.map(e => li([fmt('access_title', { action: say('actions', e.action), who: e.actor_name }),
      fmt('access_line', { at: time(e.at), role: say('roles', e.actor_role), id: e.actor_id,
        purpose: say('purposes', e.purpose), subject: e.subject })])), fmt('no_access'));
  }

  function applicant(by) {
    if (by === 'PATIENT') return fmt('applicant_self');
    const [role, code] = String(by || '').split(':');
    return say('roles', role) + (code ? ' ' + code : '');
  }

  async function loadPreAuthorizations() {
    const { pre_authorizations } = await api('GET', '/v1/me/pre-authorizations');
    fill($('preauths'), pre_authorizations.map(p => {
      const drug = p.drug.generic_name || p.drug.code;
      const lines = [drug + ' · ' + say('preauth_states', p.state),
        fmt('preauth_asked', { quantity: p.quantity_requested, days: p.days_supply, policy: p.policy_no,
          insurer: insurerNames.get(p.insurer_id) || p.insurer_id, by: applicant(p.requested_by), at: time(p.requested_at) })];
      if (p.state === 'APPROVED') {
        lines.push(fmt('preauth_approved', { no: p.approval_no, approved: p.quantity_approved, used: p.quantity_used,
          left: p.quantity_remaining, from: p.valid_from, to: p.valid_to }));
      }
      if (p.reason) lines.push(fmt('preauth_reason', { reason: p.reason }));
      let button = null;
      if (p.state === 'REQUESTED') {
        button = document.createElement('button');
        button.type = 'button';
        button.className = 'revoke';
        button.textContent = fmt('withdraw');
        button.addEventListener('click', async () => {
          if (!window.confirm(fmt('withdraw_confirm'))) return;
          await api('POST', '/v1/me/pre-authorizations/' + p.id + '/withdrawal');
          await refresh();
        });
      }
      const item = li(lines, button);
      item.dataset.state = p.state;
      item.dataset.id = p.id;
      return item;
    }), fmt('no_preauths'));
  }

  let insurerNames = new Map();

  async function refresh() {
    await loadPolicies();
    insurerNames = new Map([...$('grant-insurer').options].map(o => [o.value, o.textContent]));
    await Promise.all([loadConsents(), loadPreAuthorizations(), loadClaims(), loadAccess()]);
  }

  $('grant').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const purposes = [...document.querySelectorAll('input[name=purpose]:checked')].map(i => i.value);
    try {
      await api('POST', '/v1/me/consents', { insurer_id: $('grant-insurer').value, purposes,
        covers_from: $('grant-from').value, expires_at: $('grant-until').value + 'T00:00:00+08:00' });
      $('grant-result').textContent = fmt('granted');
      await refresh();
    } catch (e) {
      $('grant-result').textContent = fmt('grant_failed', { message: e.message });
    }
  });
  $('refresh').addEventListener('click', refresh);

  async function start(t) {
    token = t;
    $('signin').hidden = true;
    $('content').hidden = false;
    const today = new Date();
    $('grant-from').value = new Date(today.getFullYear(), 0, 1).toISOString().substring(0, 10);
    $('grant-until').value = new Date(today.getFullYear() + 1, today.getMonth(), today.getDate())
      .toISOString().substring(0, 10);
    try { await refresh(); } catch (e) { $('signin-error').textContent = e.message; }
  }

  // The page's own words come from the text file too: every element with data-t="ui key".
  async function texts() {
    T = await fetch('zh-CN.json').then(r => r.json());
    document.querySelectorAll('[data-t]').forEach(el => { el.textContent = fmt(el.dataset.t); });
    document.title = fmt('title');
  }

  // The app hands over its ID token in the fragment (#id_token=…); demo mode offers a demo sign-in.
  const ready = texts();
  const fromApp = new URLSearchParams(window.location.hash.substring(1)).get('id_token');
  if (fromApp) {
    history.replaceState(null, '', window.location.pathname);
    ready.then(() => start(fromApp));
  } else {
    fetch('/demo/patient-token', { method: 'POST' }).then(r => r.ok ? r.json() : null).then(j => {
      if (!j) return;
      const b = $('demo-login');
      b.hidden = false;
      b.addEventListener('click', () => ready.then(() => start(j.id_token)));
    });
  }
})();
