package com.huibao.gateway.domain.plan;

/** What a fee line is: a drug, a consumable (medical material) or a service (tests, treatment, beds, …). */
public enum ItemKind {
    DRUG,
    CONSUMABLE,
    SERVICE;

    /**
     * By charge category ({@code med_chrgitm_type} 09/10/11 drugs, 08 materials, any other a service) when sent,
     * else by the national code's form (drugs {@code X…}/{@code Z…}, consumables {@code C…} of 20 or 27 characters).
     */
    public static ItemKind of(String chargeCategory, String code) {
        if (chargeCategory != null && !chargeCategory.isEmpty()) {
            return switch (chargeCategory) {
                case "09", "10", "11" -> DRUG;
                case "08" -> CONSUMABLE;
                default -> SERVICE;
            };
        }
        if (code != null && code.length() >= 20) {
            char c = code.charAt(0);
            if (c == 'X' || c == 'Z') {
                return DRUG;
            }
            if (c == 'C') {
                return CONSUMABLE;
            }
        }
        return SERVICE;
    }
}
