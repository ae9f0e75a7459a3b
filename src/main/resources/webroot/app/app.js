// 惠保 H5: a patient's policies, authorizations, claims and access log, from the same API as everyone else.
(function () {
  'use strict';
  // Every text lives in zh-CN.json (also the API's reason_text); loaded before anything is shown.
  let T = { reasons: {}, purposes: {}, actions: {}, roles: {}, channels: {}, claim_states: {}, preauth_states: {} };
  const say = (table, code) => (T[table] && T[table][code]) || code;
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
  const yuan = (m) => '¥' + m;

  function balanceLines(b) {
    if (!b) return [];
    const out = b.deductibles.map(d => '免赔额剩余 ' + yuan(d.left) + '（共 ' + yuan(d.amount) + '，已用 ' + yuan(d.used) + '）');
    b.benefits.forEach(r => {
      if (r.left !== null) out.push((r.name || r.id) + '：剩余额度 ' + yuan(r.left) + '（年度上限 ' + yuan(r.annual_cap) + '）');
    });
    if (b.overall_cap.left !== null) out.push('保单总额度剩余 ' + yuan(b.overall_cap.left));
    return out;
  }

  async function loadPolicies() {
    const { policies } = await api('GET', '/v1/me/policies');
    fill($('policies'), policies.map(p => {
      const lines = [(p.plan_name || p.plan_id) + ' · ' + p.insurer_name,
        '保单号 ' + p.policy_no + '，保障期 ' + day(p.effective_from) + ' 至 ' + day(p.effective_to) + '，证件 ' + p.certno];
      if (p.claim_free_editions) lines.push('已连续 ' + p.claim_free_editions + ' 个保障年度无理赔，免赔额按此确定');
      const item = li(lines.concat(balanceLines(p.balance)));
      item.dataset.policy = p.policy_no;
      item.classList.add('policy');
      return item;
    }), '暂无保单');
    const insurers = new Map(policies.map(p => [p.insurer_id, p.insurer_name]));
    $('grant-insurer').replaceChildren(...[...insurers].map(([id, name]) => { const o = document.createElement('option');
      o.value = id; o.textContent = name; return o; }));
  }

  async function loadConsents() {
    const { consents } = await api('GET', '/v1/me/consents');
    fill($('consents'), consents.map(c => {
      const purposes = c.purposes.map(p => say('purposes', p)).join('、');
      let button = null;
      if (!c.revoked_at) {
        button = document.createElement('button');
        button.type = 'button';
        button.className = 'revoke';
        button.textContent = '撤销授权';
        button.dataset.consent = c.id;
        button.addEventListener('click', async () => {
          if (!window.confirm('撤销后 ' + (insurerNames.get(c.insurer_id) || c.insurer_id) + ' 将无法再调取您的数据，确定撤销？')) return;
          await api('DELETE', '/v1/me/consents/' + c.id);
          await refresh();
        });
      }
      const item = li([(insurerNames.get(c.insurer_id) || c.insurer_id) + ' · ' + purposes,
        '覆盖 ' + day(c.covers_from) + ' 起的结算，至 ' + day(c.expires_at) + ' 止',
        c.revoked_at ? '已于 ' + time(c.revoked_at) + ' 撤销' : '有效（授权于 ' + time(c.granted_at) + '）'], button);
      if (c.revoked_at) item.classList.add('revoked');
      item.dataset.insurer = c.insurer_id;
      return item;
    }), '尚未授权任何保险公司');
  }

  async function loadClaims() {
    const { claims } = await api('GET', '/v1/me/claims');
    fill($('claims'), claims.map(c => {
      const item = li([say('channels', c.channel) + ' · ' + c.insurer_name + ' 赔付 ' + yuan(c.payout),
        (c.fixmedins_name || '') + ' ' + wall(c.setl_time) + ' 的结算，' + say('claim_states', c.state),
        '本次结算您还需自付 ' + yuan(c.residual_self_pay)]);
      item.dataset.claim = c.claim_id;
      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'link detail';
      more.textContent = '查看明细';
      more.addEventListener('click', () => showClaim(c.claim_id));
      item.appendChild(more);
      return item;
    }), '暂无理赔');
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
    h.textContent = (e.fixmedins_name || '') + ' ' + wall(e.setl_time) + ' 的结算';
    parts.push(h);
    parts.push(row('医疗费用总额', e.bill.medfee_sumamt, 'bill'));
    parts.push(row('基本医保支付', e.bill.fund_pay_sumamt, 'fund'));
    if (e.bill.hosp_part_amt !== '0.00') parts.push(row('医院承担', e.bill.hosp_part_amt, 'hospital'));
    parts.push(row('您需负担（医保结算后）', e.bill.psn_part_amt, 'share'));
    e.policies.forEach(p => {
      const d = row((p.plan_name || p.policy_no) + ' · ' + p.insurer_name + ' 赔付', p.payout, 'payout');
      d.dataset.state = p.state;
      parts.push(d);
      p.benefits.filter(b => b.payable !== '0.00' || b.capped_text).forEach(b => {
        const note = document.createElement('div');
        note.className = 'muted benefit';
        let t = '  ' + (b.name || b.id) + '：可赔付费用 ' + yuan(b.eligible);
        if (b.deductible !== '0.00') t += '，扣除免赔额 ' + yuan(b.deductible);
        if (b.ratio) t += '，按 ' + Math.round(parseFloat(b.ratio) * 100) + '% 赔付';
        t += '，赔付 ' + yuan(b.payable);
        if (b.capped_text) t += '。' + b.capped_text;
        note.textContent = t;
        parts.push(note);
      });
    });
    parts.push(row('您还需自付', e.residual_self_pay, 'residual'));
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
    fill($('access'), entries.map(e => li([say('actions', e.action) + ' · ' + e.actor_name,
      time(e.at) + '，' + say('roles', e.actor_role) + '（' + e.actor_id + '），用途：'
        + say('purposes', e.purpose) + '，对象 ' + e.subject])), '暂无访问记录');
  }

  function applicant(by) {
    if (by === 'PATIENT') return '本人';
    const [role, code] = String(by || '').split(':');
    return say('roles', role) + (code ? ' ' + code : '');
  }

  async function loadPreAuthorizations() {
    const { pre_authorizations } = await api('GET', '/v1/me/pre-authorizations');
    fill($('preauths'), pre_authorizations.map(p => {
      const drug = p.drug.generic_name || p.drug.code;
      const lines = [drug + ' · ' + say('preauth_states', p.state),
        '申请 ' + p.quantity_requested + '（' + p.days_supply + ' 天用量），保单 ' + p.policy_no + '，'
          + (insurerNames.get(p.insurer_id) || p.insurer_id) + '，' + applicant(p.requested_by) + ' 于 ' + time(p.requested_at) + ' 提交'];
      if (p.state === 'APPROVED') {
        lines.push('批准号 ' + p.approval_no + '：批准 ' + p.quantity_approved + '，已用 ' + p.quantity_used
          + '，剩余 ' + p.quantity_remaining + '，有效期 ' + p.valid_from + ' 至 ' + p.valid_to);
      }
      if (p.reason) lines.push('说明：' + p.reason);
      let button = null;
      if (p.state === 'REQUESTED') {
        button = document.createElement('button');
        button.type = 'button';
        button.className = 'revoke';
        button.textContent = '撤回申请';
        button.addEventListener('click', async () => {
          if (!window.confirm('撤回后保险公司将不再审核这份申请，确定撤回？')) return;
          await api('POST', '/v1/me/pre-authorizations/' + p.id + '/withdrawal');
          await refresh();
        });
      }
      const item = li(lines, button);
      item.dataset.state = p.state;
      item.dataset.id = p.id;
      return item;
    }), '暂无特药申请');
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
      $('grant-result').textContent = '已授权';
      await refresh();
    } catch (e) {
      $('grant-result').textContent = '授权失败：' + e.message;
    }
  });
  $('refresh').addEventListener('click', refresh);

  async function start(t) {
    token = t;
    T = await fetch('zh-CN.json').then(r => r.json());
    $('signin').hidden = true;
    $('content').hidden = false;
    const today = new Date();
    $('grant-from').value = new Date(today.getFullYear(), 0, 1).toISOString().substring(0, 10);
    $('grant-until').value = new Date(today.getFullYear() + 1, today.getMonth(), today.getDate())
      .toISOString().substring(0, 10);
    try { await refresh(); } catch (e) { $('signin-error').textContent = e.message; }
  }

  // The app hands over its ID token in the fragment (#id_token=…); demo mode offers a demo sign-in.
  const fromApp = new URLSearchParams(window.location.hash.substring(1)).get('id_token');
  if (fromApp) {
    history.replaceState(null, '', window.location.pathname);
    start(fromApp);
  } else {
    fetch('/demo/patient-token', { method: 'POST' }).then(r => r.ok ? r.json() : null).then(j => {
      if (!j) return;
      const b = $('demo-login');
      b.hidden = false;
      b.addEventListener('click', () => start(j.id_token));
    });
  }
})();
