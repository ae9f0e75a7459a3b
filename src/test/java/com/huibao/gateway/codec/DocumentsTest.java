package com.huibao.gateway.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.domain.coverage.LineContext;
import com.huibao.gateway.domain.coverage.ListCatalog;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.coverage.MatchLevel;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import com.huibao.gateway.support.Examples;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentsTest {
    @Test
    void plan_errors_are_all_named() {
        ArrayNode plans = (ArrayNode) Examples.json("plans.json");
        ObjectNode r0 = (ObjectNode) plans.get(0).get("responsibilities").get(0);
        r0.put("ratio", "1.20");
        ((ObjectNode) r0.get("match")).put("list", "NO-SUCH-LIST");
        ((ObjectNode) plans.get(0).get("responsibilities").get(2)).put("deductible_pool", "NOPE");
        assertThatThrownBy(() -> PlanJson.readAll(plans, Examples.lists()::contains))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::code)
                                .containsExactlyInAnyOrder("RATIO_OUT_OF_RANGE", "UNKNOWN_LIST", "UNKNOWN_POOL"));
    }

    @Test
    void overlapping_list_versions_are_refused() {
        ListVersion a =
                new ListVersion("L", "1", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-07-01"), List.of());
        ListVersion b = new ListVersion("L", "2", LocalDate.parse("2026-06-30"), null, List.of());
        ListVersion c = new ListVersion("L", "3", LocalDate.parse("2026-07-01"), null, List.of());
        assertThatThrownBy(() -> ListCatalog.of(List.of(a, b)))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.violations().get(0).code()).isEqualTo("OVERLAPPING_LIST_VERSIONS"));
        assertThat(ListCatalog.of(List.of(a, c))
                        .inForce("L", LocalDate.parse("2026-07-01"))
                        .version())
                .isEqualTo("3");
    }

    @Test
    void csv_with_bom_quotes_and_chinese_names_reads_like_json() {
        String csv = "\uFEFFcode,match,name,payment_standard,diagnosis_prefixes,requires_preapproval\n"
                + "XL01XEA147A001010181836,exact,\"奥希替尼片, 80mg\",,C34;C33,是\n"
                + "C031201063,prefix,\"创新介入耗材 \"\"通用名\"\"\",6000.00,,false\n";
        ListVersion v =
                ListCsv.read("HMB-X", "1", LocalDate.parse("2026-01-01"), null, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(v.entries()).hasSize(2);
        assertThat(v.entries().get(0).name()).isEqualTo("奥希替尼片, 80mg");
        assertThat(v.entries().get(0).diagnosisPrefixes()).containsExactly("C34", "C33");
        assertThat(v.entries().get(0).requiresPreapproval()).isTrue();
        assertThat(v.entries().get(1).name()).isEqualTo("创新介入耗材 \"通用名\"");
        assertThat(v.entries().get(1).match()).isEqualTo(MatchLevel.PREFIX);
        assertThat(v.entries().get(1).paymentStandard()).isEqualTo(Money.parse("6000.00"));
        LineContext line = new LineContext(
                "C03120106300001025300001321", LocalDate.parse("2026-03-15"), "C34.9", "H1", "21", false);
        assertThat(v.match(line).entry()).isSameAs(v.entries().get(1));
    }

    @Test
    void csv_errors_name_the_line_and_column() {
        String csv = "code,payment_standard,requires_preapproval\nX1,12.345,maybe\n,1.00,true\n";
        assertThatThrownBy(() -> ListCsv.read(
                        "L", "1", LocalDate.parse("2026-01-01"), null, csv.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field)
                                .containsExactlyInAnyOrder(
                                        "csv[line 2].payment_standard",
                                        "csv[line 2].requires_preapproval",
                                        "csv[line 3].code"));
    }

    @Test
    void json_depth_and_duplicate_keys_are_refused() {
        String deep = "[".repeat(100) + "]".repeat(100);
        assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(InvalidDocumentException.class);
        assertThatThrownBy(() -> Json.parse("{\"a\":1,\"a\":2}")).isInstanceOf(InvalidDocumentException.class);
    }

    @Test
    void a_duplicate_key_at_any_depth_is_named_and_the_setting_that_found_it_is_not() {
        for (String doc : List.of(
                "{\"feedetail\":[{\"cnt\":\"1\"},{\"cnt\":\"1\",\"pric\":\"2\",\"cnt\":\"3\"}]}",
                "{\"cnt\":null,\"a\":{},\"cnt\":\"3\"}")) {
            assertThatThrownBy(() -> Json.parse(doc))
                    .isInstanceOfSatisfying(
                            InvalidDocumentException.class,
                            e -> assertThat(e.violations())
                                    .extracting(Violation::code, Violation::detail)
                                    .containsExactly(tuple("INVALID_JSON", "Duplicate field 'cnt'")));
        }
    }

    @Test
    void prefix_index_finds_entries_at_every_level_in_document_order() {
        StringBuilder csv = new StringBuilder("code,match,name\n");
        for (int i = 0; i < 5000; i++) {
            csv.append(String.format("C%09d,exact,e%d%n", i, i));
        }
        csv.append("C03,prefix,class\nC0312,prefix,subclass\n");
        ListVersion v = ListCsv.read(
                "L", "1", LocalDate.parse("2026-01-01"), null, csv.toString().getBytes(StandardCharsets.UTF_8));
        LineContext line = new LineContext("C0312999", LocalDate.parse("2026-03-15"), null, "H", "21", false);
        assertThat(v.match(line).entry().name()).isEqualTo("class");
        LineContext exact = new LineContext("C000004321", LocalDate.parse("2026-03-15"), null, "H", "21", false);
        assertThat(v.match(exact).entry().name()).isEqualTo("e4321");
    }

    @Test
    void prefixes_with_colliding_hashes_are_told_apart() {
        // "Aa" and "BB" share String.hashCode(); so do "AaAa" and "BBBB".
        String csv = "code,match,name\nAa,prefix,first\nBB,prefix,second\nBBBB,prefix,deeper\n";
        ListVersion v =
                ListCsv.read("L", "1", LocalDate.parse("2026-01-01"), null, csv.getBytes(StandardCharsets.UTF_8));
        assertThat(v.match(new LineContext("BBx", LocalDate.parse("2026-03-15"), null, "H", "21", false))
                        .entry()
                        .name())
                .isEqualTo("second");
        assertThat(v.match(new LineContext("Aax", LocalDate.parse("2026-03-15"), null, "H", "21", false))
                        .entry()
                        .name())
                .isEqualTo("first");
        assertThat(v.match(new LineContext("AaAa", LocalDate.parse("2026-03-15"), null, "H", "21", false))
                        .entry()
                        .name())
                .isEqualTo("first");
        assertThat(v.match(new LineContext("Cc", LocalDate.parse("2026-03-15"), null, "H", "21", false))
                        .matched())
                .isFalse();
    }
}
