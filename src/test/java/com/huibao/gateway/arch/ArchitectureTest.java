package com.huibao.gateway.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layering of STYLE.md and docs/ARCHITECTURE.md, written as allow-lists (what each layer may use, everything else
 * forbidden) as BuckPal and Gravitee do:
 * <pre>
 *   boot ──▶ adapter.{http, pg, webhook, cli} ──▶ app (use cases, ports) ──▶ domain
 *                 └──────────▶ codec, crypto ──────┘
 * </pre>
 * {@link ArchitectureRulesBiteTest} breaks each rule on purpose with a fixture and sees it fail.
 */
@AnalyzeClasses(packages = "com.huibao.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
public class ArchitectureTest {
    static final String ROOT = "com.huibao.gateway";

    /** The domain is plain Java: itself and the JDK's value types, nothing else. */
    @ArchTest
    public static final ArchRule domain_depends_on_itself_and_java_only = classes()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("..domain..", "java.lang..", "java.util..", "java.math..", "java.time..")
            .because("money and benefit rules are plain Java: no Vert.x, SQL, JSON or I/O");

    /** Use cases see the domain, their ports and a Future; nothing of any technology. */
    @ArchTest
    public static final ArchRule app_depends_on_domain_ports_and_futures_only = classes()
            .that()
            .resideInAPackage("..app..")
            .should()
            .onlyDependOnClassesThat(DescribedPredicate.describe(
                    "in domain, app, java.lang/util/time/math/net.URI or io.vertx.core.Future",
                    (JavaClass c) -> c.getPackageName().startsWith(ROOT + ".domain")
                            || c.getPackageName().startsWith(ROOT + ".app")
                            || c.getPackageName().startsWith("java.lang")
                            || c.getPackageName().startsWith("java.util")
                            || c.getPackageName().startsWith("java.time")
                            || c.getPackageName().startsWith("java.math")
                            || c.getName().equals("java.net.URI")
                            || c.getName().equals("io.vertx.core.Future")
                            || c.getName().equals("io.vertx.core.CompositeFuture")
                            || c.getName().equals("io.vertx.core.Promise")));

    /** Document formats: the domain and app types they write and read, and Jackson. */
    @ArchTest
    public static final ArchRule codecs_know_no_adapter = classes()
            .that()
            .resideInAPackage(ROOT + ".codec..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    ROOT + ".codec..",
                    ROOT + ".domain..",
                    ROOT + ".app..",
                    "java..",
                    "com.fasterxml.jackson..",
                    "org.slf4j..");

    /** Cryptography: primitives and JOSE, signing what the app asks to be signed; no adapter, no I/O framework. */
    @ArchTest
    public static final ArchRule crypto_knows_no_adapter = classes()
            .that()
            .resideInAPackage(ROOT + ".crypto..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    ROOT + ".crypto..",
                    ROOT + ".domain..",
                    ROOT + ".app..",
                    ROOT + ".codec..",
                    "java..",
                    "javax..",
                    "com.nimbusds..",
                    "org.bouncycastle..",
                    "org.conscrypt..",
                    "org.slf4j..",
                    "com.fasterxml.jackson..");

    /** Adapters talk to each other only through the app's ports, wired by boot. */
    @ArchTest
    public static final ArchRule adapters_do_not_depend_on_each_other =
            slices().matching(ROOT + ".adapter.(*)..").should().notDependOnEachOther();

    @ArchTest
    public static final ArchRule nothing_but_boot_knows_the_composition_root = noClasses()
            .that()
            .resideOutsideOfPackage(ROOT + ".boot..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(ROOT + ".boot..");

    /** The top-level layers form no cycle, and neither do the packages inside domain, app or an adapter. */
    @ArchTest
    public static final ArchRule layers_are_free_of_cycles =
            slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    public static final ArchRule domain_packages_are_free_of_cycles =
            slices().matching(ROOT + ".domain.(*)..").should().beFreeOfCycles();

    @ArchTest
    public static final ArchRule app_packages_are_free_of_cycles =
            slices().matching(ROOT + ".app.(*)..").should().beFreeOfCycles();

    /** SQL lives in adapter.pg: no one else touches a SQL client (boot only holds the pool it hands over). */
    @ArchTest
    public static final ArchRule sql_only_in_the_pg_adapter = noClasses()
            .that()
            .resideOutsideOfPackages(ROOT + ".adapter.pg..", ROOT + ".boot..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.vertx.sqlclient..", "io.vertx.pgclient..", "java.sql..", "org.postgresql..", "org.flywaydb..");

    @ArchTest
    public static final ArchRule pg_classes_live_in_the_pg_adapter = classes()
            .that()
            .haveSimpleNameStartingWith("Pg")
            .and()
            .haveSimpleNameNotStartingWith("Policy")
            .should()
            .resideInAPackage(ROOT + ".adapter.pg..");

    @ArchTest
    public static final ArchRule handlers_live_in_the_http_adapter =
            classes().that().haveSimpleNameEndingWith("Handlers").should().resideInAPackage(ROOT + ".adapter.http..");

    /** A use case is one operation: one public method besides its constructor, in the app layer. */
    @ArchTest
    public static final ArchRule a_use_case_has_one_operation = classes()
            .that()
            .haveSimpleNameEndingWith("UseCase")
            .should()
            .resideInAPackage(ROOT + ".app..")
            .andShould(haveExactlyOnePublicMethod());

    /** Use cases do not call each other; what two share is a domain rule or a helper of the app. */
    @ArchTest
    public static final ArchRule use_cases_are_independent = noClasses()
            .that()
            .haveSimpleNameEndingWith("UseCase")
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("UseCase");

    static ArchCondition<JavaClass> haveExactlyOnePublicMethod() {
        return new ArchCondition<>("have exactly one public method") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                long n = c.getMethods().stream()
                        .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
                        .filter(m -> !m.getModifiers().contains(JavaModifier.SYNTHETIC) && !isRecordAccessor(m))
                        .count();
                events.add(new SimpleConditionEvent(c, n == 1, c.getName() + " has " + n + " public methods"));
            }
        };
    }

    private static boolean isRecordAccessor(JavaMethod m) {
        return m.getOwner().isRecord() && m.getRawParameterTypes().isEmpty();
    }
}
