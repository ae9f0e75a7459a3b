package com.huibao.gateway.domain;

import static com.huibao.gateway.support.SettlementBuilder.fee;
import static com.huibao.gateway.support.SettlementBuilder.settlement;
import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.codec.InstitutionDirectory;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.benefit.PolicyCase;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.coverage.GenericName;
import com.huibao.gateway.domain.coverage.ListCatalog;
import com.huibao.gateway.domain.coverage.ListEntry;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.institution.Institution;
import com.huibao.gateway.domain.institution.InstitutionKind;
import com.huibao.gateway.domain.institution.Institutions;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.support.Shipped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shipped lists and registry hold every entry the published lists have (config/lists/source, built by
 * scripts/build-hmb2025-config), and the national 商保创新药目录 sample plan pays inside its window only.
 */
class ShippedListsTest {
    private static final ListCatalog LISTS = Shipped.lists();
    private static final LocalDate DAY = LocalDate.of(2026, 3, 15);

    private static List<String[]> csv(String file) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("config/lists/source", file), StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream()
                .map(l -> l.split(",", -1))
                .toList();
    }

    private static List<ListEntry> entries(String list, LocalDate day) {
        ListVersion v = LISTS.inForce(list, day);
        assertThat(v).as(list + " in force on " + day).isNotNull();
        return v.entries();
    }

    @Test
    void the_source_lists_are_the_shared_files_unchanged() throws IOException {
        Path shared = Path.of("../shared/hmb2025");
        if (!Files.isDirectory(shared)) {
            return;
        }
        for (String f : List.of(
                "car-t-drugs.csv",
                "car-t-hospitals.csv",
                "designated-pharmacies.csv",
                "domestic-special-drugs.csv",
                "overseas-special-drugs.csv",
                "TERMS.md")) {
            assertThat(Files.readAllBytes(Path.of("config/lists/source/hmb2025", f)))
                    .as(f)
                    .isEqualTo(Files.readAllBytes(shared.resolve(f)));
        }
        assertThat(Files.readAllBytes(Path.of("config/lists/source/chiidl-2025.csv")))
                .isEqualTo(Files.readAllBytes(Path.of("../shared/chiidl-2025.csv")));
    }

    @Test
    void every_published_drug_is_on_its_list_by_generic_name() throws IOException {
        assertThat(entries("HMB25-DOMESTIC-DRUGS", DAY))
                .hasSize(48)
                .extracting(e -> GenericName.key(e.code()))
                .containsExactlyElementsOf(csv("hmb2025/domestic-special-drugs.csv").stream()
                        .map(r -> GenericName.key(r[2]))
                        .toList());
        assertThat(entries("HMB25-OVERSEAS-DRUGS", DAY)).hasSize(28);
        assertThat(entries("HMB25-CAR-T", DAY))
                .hasSize(4)
                .allSatisfy(e -> assertThat(e.institutionSets()).containsExactly("HMB25-CAR-T:" + e.code()));
        assertThat(entries("HMB25-DOMESTIC-DRUGS", DAY))
                .allSatisfy(e -> assertThat(e.diagnosisPrefixes()).isNotEmpty());
        assertThat(LISTS.inForce("HMB25-DOMESTIC-DRUGS", LocalDate.of(2026, 7, 1)))
                .isNull();
    }

    @Test
    void the_registry_holds_the_36_car_t_hospitals_with_their_drugs_and_the_40_pharmacies() throws IOException {
        Institutions demo = new InstitutionDirectory(
                        List.of(Path.of("config/institutions"), Path.of("config/demo/institutions")))
                .current();
        Map<String, Institution> byName = demo.all().stream()
                .filter(i -> i.code().startsWith("DEMO-CART-"))
                .collect(Collectors.toMap(Institution::code, i -> i));
        assertThat(byName).hasSize(36);
        for (String[] row : csv("hmb2025/car-t-hospitals.csv")) {
            Institution i = byName.get(String.format("DEMO-CART-%02d", Integer.parseInt(row[0])));
            assertThat(i.name()).isEqualTo(row[1]);
            for (String drug : row[3].split("、")) {
                assertThat(i.inSet("HMB25-CAR-T:" + drug.trim()))
                        .as(row[1] + " " + drug)
                        .isTrue();
            }
            assertThat(i.admdvs()).startsWith("31");
        }
        assertThat(demo.all().stream().filter(i -> i.kind() == InstitutionKind.PHARMACY))
                .hasSize(40)
                .allSatisfy(
                        i -> assertThat(i.inSet("HMB25-DESIGNATED-PHARMACIES")).isTrue());
        assertThat(demo.all().stream().filter(i -> i.inSet("HMB25-BOAO"))).hasSize(4);
        // without an operator's mapping of names to codes, no institution of the published lists is usable
        assertThat(new InstitutionDirectory(List.of(Path.of("config/institutions")))
                        .current()
                        .size())
                .isZero();
    }

    @Test
    void the_national_innovative_drug_list_has_its_19_drugs_from_2026_to_2027() {
        assertThat(entries("CHIIDL-2025", LocalDate.of(2026, 1, 1))).hasSize(19);
        assertThat(LISTS.inForce("CHIIDL-2025", LocalDate.of(2027, 12, 31))).isNotNull();
        assertThat(LISTS.inForce("CHIIDL-2025", LocalDate.of(2025, 12, 31))).isNull();
        assertThat(LISTS.inForce("CHIIDL-2025", LocalDate.of(2028, 1, 1))).isNull();
    }

    @Test
    void the_sample_plan_pays_a_listed_innovative_drug_inside_the_lists_window() {
        Plan sample = Shipped.plans().get("CHIIDL-SAMPLE-2026");
        BenefitEngine engine = new BenefitEngine(LISTS);
        Policy p = new Policy(
                "CH-1",
                sample.planId(),
                sample.insurerId(),
                "01",
                "310101198001010011",
                LocalDate.of(2025, 7, 1),
                LocalDate.of(2027, 7, 1),
                List.of());
        // 多奈单抗 (donanemab) 30,000 self-paid: 80 % = 24,000.00
        PolicyResult in2026 = engine.adjudicate(
                        settlement()
                                .medType("11")
                                .at(LocalDateTime.of(2026, 2, 1, 9, 0))
                                .add(fee("1").name("多奈单抗注射液 350mg/20ml").selfPaid("30000.00"))
                                .build(),
                        List.of(PolicyCase.allowed(p, sample, Accumulators.EMPTY)))
                .policies()
                .get(0);
        assertThat(in2026.payout()).isEqualTo(Money.parse("24000.00"));
        // the day before the list is in force: nothing
        PolicyResult before = engine.adjudicate(
                        settlement()
                                .medType("11")
                                .at(LocalDateTime.of(2025, 12, 31, 9, 0))
                                .add(fee("1").name("多奈单抗注射液 350mg/20ml").selfPaid("30000.00"))
                                .build(),
                        List.of(PolicyCase.allowed(p, sample, Accumulators.EMPTY)))
                .policies()
                .get(0);
        assertThat(before.payout()).isEqualTo(Money.ZERO);
    }
}
