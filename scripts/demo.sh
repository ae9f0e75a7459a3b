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
