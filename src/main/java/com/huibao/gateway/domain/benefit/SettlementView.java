package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.coverage.GenericName;
import com.huibao.gateway.domain.coverage.LineContext;
import com.huibao.gateway.domain.institution.Institution;
import com.huibao.gateway.domain.institution.InstitutionKind;
import com.huibao.gateway.domain.institution.Institutions;
import com.huibao.gateway.domain.plan.Channel;
import com.huibao.gateway.domain.plan.ItemKind;
import com.huibao.gateway.domain.settlement.FeeLine;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.settlement.SettlementBasis;
import java.time.LocalDate;
import java.util.List;

/**
 * What the engine derives once per settlement, shared by every policy and responsibility: the lines in order with
 * their list-matching contexts, the main diagnosis, the dates, the institution's facts (the settlement's own, else
 * the registry's, else what its national code says), the channel, and per line — computed on first use — the
 * generic-name key, the kind of item and the day of the cost.
 */
final class SettlementView {
    final Settlement settlement;
    final List<FeeLine> lines;
    final int n;
    final String[] sns;
    final LineContext[] contexts;
    final String mainDiagnosis;
    final LocalDate setlDate;
    final Institution institution;
    final InstitutionKind institutionKind;
    /** {@code hosp_lv}: the settlement's, else the registry's; null when unknown. */
    final String hospitalLevel;
    /** The administrative division the institution lies in; null when unknown. */
    final String institutionRegion;

    final Channel channel;
    final boolean invoice;
    private String[] genericKeys;
    private ItemKind[] kinds;
    private LocalDate[] lineDates;
    private LocalDate admissionDate;

    SettlementView(Settlement s, Institutions institutions, String[] sns) {
        this.settlement = s;
        this.lines = s.lines();
        this.n = lines.size();
        this.sns = sns;
        this.mainDiagnosis = s.mainDiagnosis().orElse(null);
        this.setlDate = s.setlDate();
        String code = s.setlinfo().fixmedinsCode();
        this.institution = institutions.find(code);
        this.institutionKind = institution != null ? institution.kind() : kindFromCode(code);
        String level = blankToNull(s.setlinfo().hospLv());
        this.hospitalLevel = level != null ? level : institution != null ? blankToNull(institution.level()) : null;
        this.institutionRegion = institutionRegion(s, institution, code);
        this.channel = Channel.of(s.setlinfo().medType(), institutionKind);
        this.invoice = s.basis() == SettlementBasis.INVOICE;
        this.contexts = new LineContext[n];
        for (int i = 0; i < n; i++) {
            FeeLine l = lines.get(i);
            contexts[i] = new LineContext(
                    l.medListCodg(),
                    setlDate,
                    mainDiagnosis,
                    code,
                    s.setlinfo().medType(),
                    l.hasPreapproval(),
                    institution);
        }
    }

    /** The admission date ({@link Settlement#admissionDate()}), on first use. */
    LocalDate admissionDate() {
        if (admissionDate == null) {
            admissionDate = settlement.admissionDate();
        }
        return admissionDate;
    }

    /** The line's generic-name key (its national catalogue name, else the institution's name for it), or null. */
    String genericKey(int i) {
        if (genericKeys == null) {
            genericKeys = new String[n];
            for (int k = 0; k < n; k++) {
                FeeLine l = lines.get(k);
                String key = GenericName.key(l.facts().hilistName());
                genericKeys[k] = key != null ? key : GenericName.key(l.medinsListName());
            }
        }
        return genericKeys[i];
    }

    ItemKind kind(int i) {
        if (kinds == null) {
            kinds = new ItemKind[n];
            for (int k = 0; k < n; k++) {
                kinds[k] =
                        ItemKind.of(lines.get(k).medChrgitmType(), lines.get(k).medListCodg());
            }
        }
        return kinds[i];
    }

    LocalDate lineDate(int i) {
        if (lineDates == null) {
            lineDates = new LocalDate[n];
            for (int k = 0; k < n; k++) {
                lineDates[k] = settlement.lineDate(lines.get(k));
            }
        }
        return lineDates[i];
    }

    /**
     * National institution codes are a kind letter (H hospital, P pharmacy), the 6-digit division and a serial: what
     * a code says when the registry does not know it.
     */
    private static InstitutionKind kindFromCode(String code) {
        return code != null && code.startsWith("P") ? InstitutionKind.PHARMACY : InstitutionKind.HOSPITAL;
    }

    private static String institutionRegion(Settlement s, Institution institution, String code) {
        if (institution != null && blankToNull(institution.admdvs()) != null) {
            return institution.admdvs();
        }
        String area = blankToNull(s.setlinfo().mdtrtareaAdmvs());
        if (area != null) {
            return area;
        }
        if (code != null && code.length() >= 7 && (code.charAt(0) == 'H' || code.charAt(0) == 'P')) {
            for (int i = 1; i < 7; i++) {
                if (!Character.isDigit(code.charAt(i))) {
                    return null;
                }
            }
            return code.substring(1, 7);
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
