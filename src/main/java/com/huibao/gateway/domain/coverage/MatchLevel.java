package com.huibao.gateway.domain.coverage;

/**
 * How a list entry matches a fee line: its code against the line's whole {@code med_list_codg}, against a prefix of
 * it (a consumable's generic-name level is its first 10 characters, class levels its first 3/5/7, the product its
 * first 20), or its name against the line's generic name ({@link GenericName}: brands, strengths, forms and salts
 * set aside), for lists published by generic name (沪惠保's drug lists, the national 商保创新药目录).
 */
public enum MatchLevel {
    EXACT,
    PREFIX,
    GENERIC_NAME
}
