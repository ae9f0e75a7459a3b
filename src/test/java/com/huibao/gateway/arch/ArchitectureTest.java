package com.huibao.gateway.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of STYLE.md: a pure domain, use cases that know only ports, adapters around them. */
@AnalyzeClasses(packages = "com.huibao.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule domain_is_pure = noClasses().that().resideInAPackage("..domain..")
      .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "java.sql..", "io.netty..",
          "com.fasterxml..", "org.postgresql..", "..adapter..", "..app..", "..boot..");

  @ArchTest
  static final ArchRule app_knows_only_domain_and_futures = noClasses().that().resideInAPackage("..app..")
      .should().dependOnClassesThat().resideInAnyPackage("..adapter..", "..boot..", "java.sql..", "io.netty..",
          "io.vertx.sqlclient..", "io.vertx.pgclient..", "io.vertx.ext..", "com.fasterxml..");

  @ArchTest
  static final ArchRule adapters_do_not_reach_the_composition_root = noClasses().that()
      .resideInAPackage("..adapter..").should().dependOnClassesThat().resideInAPackage("..boot..");
}
