package com.huibao.gateway.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huibao.gateway.harness.BenchData;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Text deflated with and without a preset dictionary, and what a reader does with either. */
class DeflatedTest {
    private static final String SAMPLE = "{\"setl_id\":\"S20260315000001\",\"psn_part_amt\":\"13241.51\"}";

    @Test
    void text_deflated_with_either_dictionary_or_none_reads_back() {
        String settlement = new String(BenchData.settlement("S-1", 1, 1), StandardCharsets.UTF_8);
        for (DeflateDictionary d : DeflateDictionary.values()) {
            assertThat(Deflated.text(Deflated.of(settlement, d), 1 << 20))
                    .as("%s", d)
                    .isEqualTo(settlement);
        }
        assertThat(Deflated.text(Deflated.of(settlement, null), 1 << 20)).isEqualTo(settlement);
    }

    @Test
    void rows_written_with_each_dictionary_read_forever() {
        // deflated when the dictionaries were added (2026-12-05): a changed dictionary would no longer read them
        assertThat(Deflated.text(
                        Base64.getDecoder().decode("eD++KKDSqwbKA8Ma1GDGbFCjtV6AJaCRiSFwGblSLQC1sg8r"), 1 << 10))
                .isEqualTo(SAMPLE);
        assertThat(Deflated.text(
                        Base64.getDecoder().decode("eD9LEh7Fq0bMmWNOmSsVFOeB7YlPzAXapWRobGRiqGdqqFQLALWyDys="),
                        1 << 10))
                .isEqualTo(SAMPLE);
    }

    @Test
    void a_settlement_not_among_the_dictionarys_sources_deflates_smaller_with_it() {
        byte[] settlement = BenchData.settlement("S-2", 2, 2);
        int without = Deflated.of(settlement, null).length;
        int with = Deflated.of(settlement, DeflateDictionary.SETTLEMENT_1).length;
        assertThat(with).as("%d with against %d without", with, without).isLessThan(without * 95 / 100);
    }

    @Test
    void a_dictionary_the_gateway_does_not_know_is_refused_by_name() {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setDictionary("some other dictionary".getBytes(StandardCharsets.US_ASCII));
        deflater.setInput(SAMPLE.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        byte[] out = new byte[256];
        int n = deflater.deflate(out);
        deflater.end();

        assertThatThrownBy(() -> Deflated.text(out, n, 1 << 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dictionary this gateway does not know");
    }

    @Test
    void each_dictionary_is_named_by_its_own_checksum() {
        for (DeflateDictionary d : DeflateDictionary.values()) {
            assertThat(DeflateDictionary.byAdler(d.adler())).isEqualTo(d);
        }
    }
}
