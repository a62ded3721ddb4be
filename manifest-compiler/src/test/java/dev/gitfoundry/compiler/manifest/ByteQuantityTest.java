package dev.gitfoundry.compiler.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** cf-manifest.md §2: the ByteQuantity regex, binary units, megabyte truncation. */
class ByteQuantityTest {

  @ParameterizedTest(name = "{0} = {1} MB")
  @CsvSource({
    "512M, 512",
    "512m, 512",
    "512MB, 512",
    "512mb, 512",
    "512Mb, 512",
    "1G, 1024",
    "1g, 1024",
    "1GB, 1024",
    "1.5G, 1536",
    "1.2G, 1228",
    "1024MiB, 1024",
    "1024mib, 1024",
    "1Gi, 1024",
    "2048K, 2",
    "2048KB, 2",
    "2048KiB, 2",
    "1T, 1048576",
    "1TB, 1048576",
    "1048576B, 1",
    "1048575B, 0",
    "' 256M ', 256",
    "0.5M, 0",
    "-1MB, -1",
  })
  void acceptedForms(String text, long megabytes) {
    ByteQuantity.Parsed parsed = ByteQuantity.parse(text);
    assertThat(parsed.ok()).isTrue();
    assertThat(parsed.megabytes()).isEqualTo(megabytes);
  }

  @ParameterizedTest
  @CsvSource({"16K, 16384", "1B, 1", "-1B, -1", "1.5K, 1536", "1M, 1048576"})
  void bytes(String text, long bytes) {
    assertThat(ByteQuantity.parse(text).bytes()).isEqualTo(BigInteger.valueOf(bytes));
  }

  @ParameterizedTest
  @ValueSource(strings = {"512", "0", "-1", "1.5", "512X", "512 M", "512MBB", "12PB", "1E"})
  void aUnitIsRequired(String text) {
    assertThat(ByteQuantity.parse(text).problem()).isEqualTo(ByteQuantity.Problem.NO_UNIT);
    assertThat(ByteQuantity.Problem.NO_UNIT.text)
        .isEqualTo("must use a supported unit: B, K, KB, M, MB, G, GB, T, or TB");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "M", "", " ", ".5G", "G1", "one gig", "+1G"})
  void theNumberMustStartTheValue(String text) {
    assertThat(ByteQuantity.parse(text).problem()).isEqualTo(ByteQuantity.Problem.NOT_A_NUMBER);
    assertThat(ByteQuantity.Problem.NOT_A_NUMBER.text).isEqualTo("is not a number");
  }
}
