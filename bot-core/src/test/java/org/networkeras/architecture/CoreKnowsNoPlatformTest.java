package org.networkeras.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

final class CoreKnowsNoPlatformTest {

  private final JavaClasses core =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.networkeras");

  @Test
  void coreDependsOnNoPlatformSdk() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("net.dv8tion..", "org.telegram..")
        .because("bot-core is platform-neutral: adapters translate, core decides")
        .check(core);
  }

  @Test
  void coreDecidesByCapabilitiesNeverByThePlatformsName() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.networkeras.chat")
        .should()
        .accessField(org.networkeras.chat.Platform.class, "DISCORD")
        .orShould()
        .accessField(org.networkeras.chat.Platform.class, "TELEGRAM")
        .because(
            "an adapter declares what it can do (Capabilities) and core asks for that, so a new"
                + " platform needs no change in the core's commands")
        .check(core);
  }

  @Test
  void coreReadsTimeOnlyThroughAnInjectedClock() {
    noClasses()
        .should()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(java.time.LocalDateTime.class, "now")
        .orShould()
        .callMethod(java.time.ZonedDateTime.class, "now")
        .because("every component takes a java.time.Clock, so tests never wait for time")
        .check(core);
  }
}
