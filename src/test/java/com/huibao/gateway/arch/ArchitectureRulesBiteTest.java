package com.huibao.gateway.arch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huibao.gateway.adapter.http.archfixture.HandlerReachingIntoPg;
import com.huibao.gateway.adapter.pg.PgErrors;
import com.huibao.gateway.app.archfixture.TwoThingsUseCase;
import com.huibao.gateway.domain.archfixture.DomainTypeUsingVertx;
import com.huibao.gateway.domain.archfixtureb.PointsBack;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureTest} fails when broken on purpose: fixture classes under {@code archfixture}
 * packages (test sources only, so the real check never sees them) break one rule each.
 */
class ArchitectureRulesBiteTest {
    private static final JavaClasses FIXTURES = new ClassFileImporter()
            .importClasses(
                    DomainTypeUsingVertx.class,
                    PointsBack.class,
                    HandlerReachingIntoPg.class,
                    PgErrors.class,
                    TwoThingsUseCase.class);

    @Test
    void a_domain_type_using_vertx_breaks_the_domain_allow_list() {
        fails(ArchitectureTest.domain_depends_on_itself_and_java_only, "DomainTypeUsingVertx");
    }

    @Test
    void two_domain_packages_importing_each_other_are_a_cycle() {
        fails(ArchitectureTest.domain_packages_are_free_of_cycles, "Cycle");
    }

    @Test
    void an_http_class_using_the_pg_adapter_breaks_adapter_isolation() {
        fails(ArchitectureTest.adapters_do_not_depend_on_each_other, "HandlerReachingIntoPg");
    }

    @Test
    void a_use_case_with_two_operations_and_a_pool_breaks_three_rules() {
        fails(ArchitectureTest.a_use_case_has_one_operation, "TwoThingsUseCase has 2 public methods");
        fails(ArchitectureTest.sql_only_in_the_pg_adapter, "io.vertx.sqlclient.Pool");
        fails(ArchitectureTest.app_depends_on_domain_ports_and_futures_only, "io.vertx.sqlclient.Pool");
    }

    private static void fails(ArchRule rule, String naming) {
        assertThatThrownBy(() -> rule.check(FIXTURES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(naming);
    }
}
