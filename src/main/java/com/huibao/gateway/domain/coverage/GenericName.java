package com.huibao.gateway.domain.coverage;

import java.util.List;
import java.util.Locale;

/**
 * The key under which a drug's generic (chemical) name matches across brands, strengths and dosage forms
 * (docs/PLANS.md, "Matching by generic name"): the text before any specification (a space or bracket), with
 * full-width characters folded, Latin letters in lower case, hyphens and dots removed, a leading 注射用 and a
 * trailing dosage form (注射液, 片, 胶囊, …) removed, and common salt names (盐酸, 甲磺酸, …, 二钠) removed. So
 * {@code 注射用培美曲塞二钠 0.5g}, {@code 培美曲塞二钠注射液} and {@code 培美曲塞} share the key {@code 培美曲塞}.
 */
public final class GenericName {
    /** Dosage forms, longest first so that the longest suffix is removed. */
    private static final List<String> FORMS = List.of(
            "氯化钠注射液", "葡萄糖注射液", "注射用浓溶液", "注射用冻干粉", "冻干粉针剂", "口服混悬液", "干混悬剂", "缓释胶囊", "肠溶胶囊", "软胶囊", "硬胶囊", "缓释片",
            "控释片", "肠溶片", "分散片", "咀嚼片", "泡腾片", "口崩片", "薄膜衣片", "口腔崩解片", "注射液", "注射剂", "浓溶液", "粉针剂", "冻干粉", "口服液", "口服溶液",
            "混悬液", "滴眼液", "颗粒剂", "喷雾剂", "气雾剂", "吸入剂", "吸入粉雾剂", "胶囊剂", "片剂", "胶囊", "颗粒", "眼膏", "软膏", "乳膏", "凝胶", "贴剂",
            "栓剂", "糖浆", "合剂", "溶液", "粉针", "片", "丸", "散", "栓");
    /** Salt names before the substance (盐酸伊立替康) and after it (培美曲塞二钠). */
    private static final List<String> SALT_PREFIXES = List.of(
            "对甲苯磺酸", "甲苯磺酸", "甲磺酸", "乙磺酸", "苯磺酸", "氢溴酸", "盐酸", "硫酸", "磷酸", "马来酸", "富马酸", "枸橼酸", "酒石酸", "琥珀酸", "乳酸",
            "醋酸", "硝酸");

    private static final List<String> SALT_SUFFIXES = List.of("二钠", "二钾", "钠", "钾", "钙", "镁");

    private GenericName() {}

    /** The matching key of a name, or null for a blank name. */
    public static String key(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = fold(name.charAt(i));
            if (c == ' ' || c == '(' || c == '[' || c == '*' || c == '\t') {
                if (b.length() > 0) {
                    break;
                }
                continue;
            }
            if (c == '-' || c == '·' || c == '.' || c == '_' || c == '\'') {
                continue;
            }
            b.append(Character.toLowerCase(c));
        }
        String s = b.toString();
        if (s.startsWith("注射用") && s.length() > 3) {
            s = s.substring(3);
        }
        s = stripSuffix(s, FORMS, 2);
        for (String salt : SALT_PREFIXES) {
            if (s.startsWith(salt) && s.length() >= salt.length() + 2) {
                s = s.substring(salt.length());
                break;
            }
        }
        s = stripSuffix(s, SALT_SUFFIXES, 3);
        return s.isEmpty() ? null : s.toLowerCase(Locale.ROOT);
    }

    /** {@code s} without the first of {@code suffixes} it ends with, if at least {@code keep} characters remain. */
    private static String stripSuffix(String s, List<String> suffixes, int keep) {
        for (String suffix : suffixes) {
            if (s.endsWith(suffix) && s.length() >= suffix.length() + keep) {
                return s.substring(0, s.length() - suffix.length());
            }
        }
        return s;
    }

    /** Full-width ASCII (including brackets) to half-width, the ideographic space to a space. */
    private static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        return c == '\u3000' ? ' ' : c;
    }
}
