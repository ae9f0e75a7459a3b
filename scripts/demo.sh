#!/usr/bin/env bash
# Walks through one direct settlement against a running gateway (scripts/run.sh in another terminal), signing each
# request with the DEMO hospital key of config/demo/keys. Prints what each policy pays and what the patient owes.
# Usage: scripts/demo.sh [base URL, default http://localhost:${GATEWAY_HTTP_PORT:-8080}]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-http://localhost:${GATEWAY_HTTP_PORT:-8080}}
jar=target/huibao-gateway.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package >&2
settlement=config/demo/settlement-inpatient.json
sign() { # method path [body-file]
  java -jar "$jar" sign --key config/demo/keys/demo-hospital.private.jwk --client demo-hospital \
    --aud "${GATEWAY_ID:-huibao-gateway}" --method "$1" --path "$2" ${3:+--body "$3"}
}

echo "== readiness: $base/health/ready"
curl -fsS "$base/health/ready"; echo

path=/v1/direct-settlements/preview
preview() { # settlement-file title
  echo "== $2"
  curl -sS -X POST "$base$path" -H "Authorization: Bearer $(sign POST "$path" "$1")" \
    -H 'Content-Type: application/json' --data-binary "@$1" | python3 -c '
import json, sys
r = json.load(sys.stdin)
if "policies" not in r:
    print(json.dumps(r, ensure_ascii=False, indent=1))
    sys.exit(1)
for p in r["policies"]:
    why = "  (%s)" % p["reason"] if p.get("reason") else ""
    print("  policy %-14s pays %10s%s" % (p["policy_no"], p["payout"], why))
    for x in p["responsibilities"]:
        if x["payable"] != "0.00":
            print("      %-24s %10s%s" % (x["id"], x["payable"], "  (capped: %s)" % x["capped_by"] if x["capped_by"] else ""))
print("  payout total               %10s" % r["payout_total"])
print("  residual self-pay          %10s" % r["residual_self_pay"])
print("  insurers pay the hospital  %10s" % r["insurer_pays_hospital"])
print("  patient pays in cash       %10s" % r["patient_cash_due"])
'
}
preview config/demo/settlement-inpatient.json \
  "preview of settlement S20260315000001 (张三: 26,800.00 inpatient bill, patient's share 9,035.00; shared/examples)"
preview config/demo/settlement-hmb2025-car-t.json \
  "preview of settlement S20260512000031 (李四: CAR-T admission under 沪惠保 2025, config/plans/huiminbao-2025.json)"

echo "== 沪惠保 2025 as written, one claim per benefit (李四, policy HMB25-000002, two consecutive claim-free editions)"
echo "   offline: java -jar $jar adjudicate --plans config/plans/huiminbao-2025.json ... (docs/PLANS.md)"
for f in config/demo/settlement-hmb2025-car-t.json config/demo/hmb2025/*.json; do
  python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])), ensure_ascii=False))' "$f"
done | java -jar "$jar" adjudicate --plans config/plans/huiminbao-2025.json \
  --lists config/lists/huiminbao-2025-lists.json --policies config/demo/policies.json \
  --institutions config/institutions,config/demo/institutions - | python3 -c '
import json, sys
names = {"CAR_T": "CAR-T治疗药品", "DOMESTIC_SPECIAL_DRUGS": "国内特定高额药品", "OVERSEAS_SPECIAL_DRUGS": "海外特殊药品",
         "PROTON_HEAVY_ION": "质子、重离子", "INPATIENT_SELF_PAY": "特定住院自费医疗费用"}
for line in sys.stdin:
    r = json.loads(line)
    if "policies" not in r:
        print(json.dumps(r, ensure_ascii=False)); sys.exit(1)
    for p in r["policies"]:
        for x in p["responsibilities"]:
            if x["payable"] != "0.00":
                print("  %-18s %-22s pays %10s%s" % (r["setl_id"], names.get(x["id"], x["id"]), x["payable"],
                      "  (capped: %s)" % x["capped_by"] if x["capped_by"] else ""))
'

# ---- 特药: application → approval → designated-pharmacy purchases → reversal; a Boao invoice claim -------------
call() { # client method path [body-file] → prints "HTTP <status>" then the body
  local key=config/demo/keys/$1.private.jwk tok
  tok=$(java -jar "$jar" sign --key "$key" --client "$1" --aud "${GATEWAY_ID:-huibao-gateway}" \
    --method "$2" --path "$3" ${4:+--body "$4"})
  curl -sS -X "$2" "$base$3" -H "Authorization: Bearer $tok" ${4:+-H 'Content-Type: application/json' --data-binary "@$4"} \
    -w '\nHTTP %{http_code}\n'
}
field() { python3 -c 'import json,sys; print(json.loads(sys.stdin.read().rsplit("\n",2)[0])'"$1"')'; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
run=$(date +%s)
today=$(TZ=Asia/Shanghai date +%F); until=$(TZ=Asia/Shanghai date -d '+29 days' +%F)
now=$(TZ=Asia/Shanghai date '+%F %T')
drug=XL01XEA147A001010181836

echo "== 特药: 张三 lets INS-HMB read his specialty-drug applications (purpose PRE_AUTHORIZATION, on the H5 page)"
id_token=$(curl -fsS -X POST "$base/demo/patient-token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id_token"])')
curl -fsS -o /dev/null -X POST "$base/v1/me/consents" -H "Authorization: Bearer $id_token" \
  -H 'Content-Type: application/json' --data-binary \
  "{\"insurer_id\":\"INS-HMB\",\"purposes\":[\"PRE_AUTHORIZATION\"],\"covers_from\":\"2025-07-01\",\"expires_at\":\"2030-01-01T00:00:00+08:00\"}"

cat > "$tmp/apply.json" <<JSON
{"policy_no":"HMB26-000001","psn_cert_type":"01","certno":"310101198001010011",
 "drug":{"code":"$drug","generic_name":"奥希替尼"},"quantity":3,"days_supply":90,"diagnosis":"C34.1",
 "prescriber":"王医生","documents":["$(printf 'prescription %s' "$run" | sha256sum | cut -c1-64)"]}
JSON
app=$(call demo-hospital POST /v1/pre-authorizations "$tmp/apply.json")
pa=$(echo "$app" | field '["id"]')
echo "  the hospital applies for 3 boxes of 奥希替尼 (C34.1): $(echo "$app" | field '["state"]') ($pa)"

echo "{\"decision\":\"APPROVE\",\"quantity\":3,\"valid_from\":\"$today\",\"valid_to\":\"$until\"}" > "$tmp/approve.json"
approval=$(call demo-insurer-hmb POST "/v1/pre-authorizations/$pa/decision" "$tmp/approve.json" | field '["approval_no"]')
echo "  INS-HMB approves 3 boxes, $today to $until: approval number $approval"

purchase() { # setl_id boxes → a designated pharmacy's sale at 15,000.00 a box (outside the catalogue: all self-paid)
  local total=$(( 15000 * $2 )).00
  cat > "$tmp/$1.json" <<JSON
{"setlinfo":{"setl_id":"$1","mdtrt_id":"M-$1","psn_no":"P-1","psn_cert_type":"01","certno":"310101198001010011",
 "psn_name":"张三","insutype":"310","med_type":"41","setl_time":"$now","fixmedins_code":"DEMO-PHARMACY-01",
 "medfee_sumamt":"$total","fulamt_ownpay_amt":"$total","overlmt_selfpay":"0.00","preselfpay_amt":"0.00",
 "inscp_scp_amt":"0.00","act_pay_dedc":"0.00","hifp_pay":"0.00","hifmi_pay":"0.00","hifob_pay":"0.00","maf_pay":"0.00",
 "cvlserv_pay":"0.00","oth_pay":"0.00","fund_pay_sumamt":"0.00","psn_part_amt":"$total","acct_pay":"0.00",
 "psn_cash_pay":"$total","hosp_part_amt":"0.00"},
 "diseinfo":[{"diag_code":"C34.100","maindiag_flag":"1"}],
 "feedetail":[{"feedetl_sn":"1","med_list_codg":"$drug","medins_list_name":"奥希替尼片","med_chrgitm_type":"09",
  "chrgitm_lv":"03","cnt":$2,"pric":"15000.00","det_item_fee_sumamt":"$total","fulamt_ownpay_amt":"$total",
  "overlmt_amt":"0.00","preselfpay_amt":"0.00","inscp_scp_amt":"0.00","selfpay_prop":"1","preapproval_no":"$approval"}]}
JSON
  call demo-pharmacy PUT "/v1/direct-settlements/$1" "$tmp/$1.json"
}
remaining() { call demo-hospital GET "/v1/pre-authorizations/$pa" | field '["quantity_remaining"]'; } # the applicant reads it
first=$(purchase "PH-$run-1" 2)
echo "  the pharmacy sells 2 boxes (30,000.00): 沪惠保 pays $(echo "$first" | field '["payout_total"]'), the patient pays $(echo "$first" | field '["patient_cash_due"]'); $(remaining) box(es) left"
second=$(purchase "PH-$run-2" 1)
echo "  then 1 box: 沪惠保 pays $(echo "$second" | field '["payout_total"]'); $(remaining) left"
third=$(purchase "PH-$run-3" 1)
echo "  a 4th box is refused: $(echo "$third" | tail -1), $(echo "$third" | field '["code"]')"
call demo-pharmacy POST "/v1/direct-settlements/PH-$run-1/reversal" >/dev/null
echo "  the first sale is reversed (冲正): $(remaining) box(es) left again"

echo "== a Boao invoice claim: 李四's Lumakras bought at 海南博鳌超级医院 (海外特殊药品, no basic insurance)"
cat > "$tmp/invoice.json" <<JSON
{"policy_no":"HMB25-000002","receipt":{"receipt_no":"INV-BOAO-DEMO","fixmedins_code":"DEMO-BOAO-1","psn_cert_type":"01",
 "certno":"310104199002020022","psn_name":"李四","time":"2026-03-10 10:00:00","diagnosis":"C34.1",
 "items":[{"code":"BOAO-SOTORASIB-120","generic_name":"Lumakras","name":"Lumakras 120mg","quantity":1,
  "price":"50000.00","amount":"50000.00","preapproval_no":"BOAO-PA-2026-0310"}]},
 "documents":["$(printf 'invoice INV-BOAO-DEMO' | sha256sum | cut -c1-64)"]}
JSON
inv=$(call demo-insurer-hmb POST /v1/invoice-claims "$tmp/invoice.json")
echo "  INS-HMB claims the 50,000.00 invoice: pays $(echo "$inv" | field '["payout"]') (claim $(echo "$inv" | field '["claim_id"]'), $(echo "$inv" | field '["state"]'))"

# ---- after the counter: eligibility, a confirm, a partial refund, a payment, reconciliation, a reversal ---------
echo "== after the counter (张三, the worked inpatient example, settled 2026-03-15)"
echo '{"psn_cert_type":"01","certno":"310101198001010011","date":"2026-03-15"}' > "$tmp/eligibility.json"
balances() {
  call demo-hospital POST /v1/eligibility "$tmp/eligibility.json" | python3 -c '
import json, sys
r = json.loads(sys.stdin.read().rsplit("\n", 2)[0])
for p in r["policies"]:
    pools = ", ".join("%s %s left of %s" % (d["pool"], d["left"], d["amount"]) for d in p["deductibles"])
    print("    %-13s %-9s deductible %s; overall cap left %s" % (p["policy_no"], p["insurer_id"], pools, p["overall_cap"]["left"]))
'
}
echo "  eligibility before admission (POST /v1/eligibility):"; balances
setl="S-DEMO-$run"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["setlinfo"]["setl_id"]=sys.argv[2]; json.dump(d, open(sys.argv[3],"w"), ensure_ascii=False)' \
  config/demo/settlement-inpatient.json "$setl" "$tmp/$setl.json"
confirmed=$(call demo-hospital PUT "/v1/direct-settlements/$setl" "$tmp/$setl.json")
echo "  confirmed $setl: insurers pay the hospital $(echo "$confirmed" | field '["insurer_pays_hospital"]'), the patient $(echo "$confirmed" | field '["patient_cash_due"]')"
pmi_claim=$(echo "$confirmed" | field '["policies"][1]["claim_id"]')
echo "  eligibility after it:"; balances
cat > "$tmp/refund.json" <<JSON
{"refund_id":"RF-$run","setlinfo":{"medfee_sumamt":"-1000.00","fulamt_ownpay_amt":"-1000.00","psn_part_amt":"-1000.00","psn_cash_pay":"-1000.00"},
 "feedetail":[{"feedetl_sn":"4R","init_feedetl_sn":"4","med_list_codg":"XL01XX0000000000000000","medins_list_name":"目录外抗肿瘤药",
  "med_chrgitm_type":"09","chrgitm_lv":"03","cnt":-1,"pric":"1000.00","det_item_fee_sumamt":"-1000.00","fulamt_ownpay_amt":"-1000.00",
  "overlmt_amt":"0.00","preselfpay_amt":"0.00","inscp_scp_amt":"0.00","selfpay_prop":"1.00"}]}
JSON
refunded=$(call demo-hospital POST "/v1/direct-settlements/$setl/refunds" "$tmp/refund.json")
echo "  one box of the out-of-catalogue drug returned (退费 1,000.00): PMI-778899 pays $(echo "$refunded" | field '["claims"][1]["payout"]') instead of $(echo "$refunded" | field '["claims"][1]["payout_before"]'), the patient $(echo "$refunded" | field '["patient_cash_due"]')"
owed=$(echo "$refunded" | field '["insurer_pays_hospital"]')
cat > "$tmp/payment.json" <<JSON
{"batch_id":"PMI-TX-$run","payee":"H31010100001","amount":"1000.00","value_date":"2026-03-20","items":[{"claim_id":"$pmi_claim","amount":"1000.00"}]}
JSON
paid=$(call demo-insurer-pmi POST /v1/payments "$tmp/payment.json")
echo "  INS-PMI remits 1,000.00 on its claim: $(echo "$paid" | field '["items"][0]["outcome"]'), $(echo "$paid" | field '["items"][0]["outstanding"]') outstanding"
echo "{\"stmt_begndate\":\"2026-03-15\",\"stmt_enddate\":\"2026-03-15\",\"refd_setl_flag\":\"0\",\"setl_cnt\":1,\"insurer_pays_hospital\":\"$owed\"}" > "$tmp/totals.json"
rec=$(call demo-hospital POST /v1/reconciliation/totals "$tmp/totals.json")
echo "  the hospital pushes its totals for 2026-03-15 (1 settlement, insurers owe $owed): $(echo "$rec" | field '["stmt_rslt"]')"
echo "$rec" | python3 -c '
import json, sys
r = json.loads(sys.stdin.read().rsplit("\n", 2)[0])
for i in r["insurers"]:
    print("    %-8s net %9s  paid %9s  outstanding %9s  owed back %8s" % (i["insurer_id"], i["net"], i["paid"], i["outstanding"], i["receivable"]))
'
call demo-hospital POST "/v1/direct-settlements/$setl/reversal" >/dev/null
echo "  reversed (冲正): what INS-PMI paid on it is now owed back by the hospital; the year is as it was:"; balances
