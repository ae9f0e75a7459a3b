package com.huibao.gateway.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.domain.institution.InstitutionKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The institution registry: codes mapped by id or name across files, re-read when an operator edits a file. */
class InstitutionDirectoryTest {
    @Test
    void an_operator_maps_listed_institutions_to_codes_without_a_restart() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/institutions-" + UUID.randomUUID()));
        Files.writeString(
                dir.resolve("list.json"),
                "{\"institutions\": [{\"id\": \"A-1\", \"name\": \"甲医院\", "
                        + "\"admdvs\": \"310104\", \"sets\": [\"S\"]}, {\"name\": \"乙药房\", \"kind\": \"PHARMACY\"},"
                        + "{\"fixmedins_code\": \"H31010100009\", \"name\": \"丙医院\", \"hosp_lv\": \"05\"}]}");
        InstitutionDirectory registry = new InstitutionDirectory(List.of(dir));
        assertThat(registry.current().size()).isEqualTo(1);
        assertThat(registry.current().find("H31010100009").level()).isEqualTo("05");

        Path codes = dir.resolve("codes.json");
        Files.writeString(codes, "{\"codes\": {\"A-1\": \"H31010400001\", \"乙药房\": \"P31010500002\"}}");
        assertThat(registry.reloadIfChanged()).isTrue();
        assertThat(registry.current().find("H31010400001").inSet("S")).isTrue();
        assertThat(registry.current().find("P31010500002").kind()).isEqualTo(InstitutionKind.PHARMACY);

        Files.writeString(codes, "{broken");
        Files.setLastModifiedTime(codes, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(registry.reloadIfChanged()).isTrue();
        assertThat(registry.current().size())
                .as("a broken file is skipped, the others stay")
                .isEqualTo(1);
        assertThat(registry.reloadIfChanged()).isFalse();
    }
}
