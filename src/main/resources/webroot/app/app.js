// 惠保 H5: a patient's policies, authorizations, claims and access log, from the same API as everyone else.
(function () {
  'use strict';
  const PURPOSES = { DIRECT_SETTLEMENT: '直赔', QUICK_CLAIM: '快赔', PROACTIVE_CLAIM: '主动赔',
    PRE_AUTHORIZATION: '特药申请', POLICY_SERVICE: '保单服务' };
  const ACTIONS = { DIRECT_SETTLEMENT_PREVIEW: '直赔试算', DIRECT_SETTLEMENT_CONFIRM: '直赔结算',
    DIRECT_SETTLEMENT_READ: '查看直赔结算', QUICK_CLAIM: '快赔调取', CLAIM_READ: '查看理赔',
    POLICY_READ: '查看保单', PRE_AUTHORIZATION_READ: '查看特药申请' };
  const ROLES = { INSURER: '保险公司', HOSPITAL: '医院', PHARMACY: '药店' };
  const CHANNELS = { DIRECT_SETTLEMENT: '直赔', QUICK_CLAIM: '快赔', PROACTIVE_CLAIM: '主动赔',
    INVOICE_CLAIM: '发票理赔' };
  const PREAUTH_STATES = { REQUESTED: '审核中', APPROVED: '已批准', DENIED: '未批准', WITHDRAWN: '已撤回',
    EXPIRED: '已过期' };
  const STATES = { APPROVED: '已核定', PAID: '已支付', REVERSED: '已冲正' };
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
  const day = (iso) => iso ? iso.substring(0, 10) : '';
  const time = (iso) => iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '';

  async function loadPolicies() {
    const { policies } = await api('GET', '/v1/me/policies');
    fill($('policies'), policies.map(p => li([p.policy_no + ' · ' + p.insurer_id,
      '方案 ' + p.plan_id + '，保障期 ' + p.effective_from + ' 至 ' + p.effective_to + '，证件 ' + p.certno])), '暂无保单');
    const insurers = [...new Set(policies.map(p => p.insurer_id))];
    $('grant-insurer').replaceChildren(...insurers.map(i => { const o = document.createElement('option');
      o.value = i; o.textContent = i; return o; }));
  }

  async function loadConsents() {
    const { consents } = await api('GET', '/v1/me/consents');
    fill($('consents'), consents.map(c => {
      const purposes = c.purposes.map(p => PURPOSES[p] || p).join('、');
      let button = null;
      if (!c.revoked_at) {
        button = document.createElement('button');
        button.type = 'button';
        button.className = 'revoke';
        button.textContent = '撤销授权';
        button.dataset.consent = c.id;
        button.addEventListener('click', async () => {
          if (!window.confirm('撤销后 ' + c.insurer_id + ' 将无法再调取您的数据，确定撤销？')) return;
          await api('DELETE', '/v1/me/consents/' + c.id);
          await refresh();
        });
      }
      const item = li([c.insurer_id + ' · ' + purposes,
        '覆盖 ' + c.covers_from + ' 起的结算，至 ' + time(c.expires_at) + ' 止',
        c.revoked_at ? '已于 ' + time(c.revoked_at) + ' 撤销' : '有效（授权于 ' + time(c.granted_at) + '）'], button);
      if (c.revoked_at) item.classList.add('revoked');
      item.dataset.insurer = c.insurer_id;
      return item;
    }), '尚未授权任何保险公司');
  }

  async function loadClaims() {
    const { claims } = await api('GET', '/v1/me/claims');
    fill($('claims'), claims.map(c => li([(CHANNELS[c.channel] || c.channel) + ' · ' + c.insurer_id + ' 赔付 ¥' + c.payout,
      '结算 ' + c.setl_id + '（' + day(c.setl_time) + '），保单 ' + c.policy_no + '，' + (STATES[c.state] || c.state),
      '本次结算您还需自付 ¥' + c.residual_self_pay])), '暂无理赔');
  }

  async function loadAccess() {
    const { entries } = await api('GET', '/v1/me/access-log');
    fill($('access'), entries.map(e => li([(ACTIONS[e.action] || e.action) + ' · ' + e.actor_tenant,
      time(e.at) + '，' + (ROLES[e.actor_role] || e.actor_role) + ' ' + e.actor_id + '，用途：'
        + (PURPOSES[e.purpose] || e.purpose) + '，对象 ' + e.subject])), '暂无访问记录');
  }

  function applicant(by) {
    if (by === 'PATIENT') return '本人';
    const [role, code] = String(by || '').split(':');
    return (ROLES[role] || role) + (code ? ' ' + code : '');
  }

  async function loadPreAuthorizations() {
    const { pre_authorizations } = await api('GET', '/v1/me/pre-authorizations');
    fill($('preauths'), pre_authorizations.map(p => {
      const drug = p.drug.generic_name || p.drug.code;
      const lines = [drug + ' · ' + (PREAUTH_STATES[p.state] || p.state),
        '申请 ' + p.quantity_requested + '（' + p.days_supply + ' 天用量），保单 ' + p.policy_no + '，'
          + p.insurer_id + '，' + applicant(p.requested_by) + ' 于 ' + time(p.requested_at) + ' 提交'];
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

  async function refresh() {
    await Promise.all([loadPolicies(), loadConsents(), loadPreAuthorizations(), loadClaims(), loadAccess()]);
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
