package dev.gitfoundry.compiler;

import static dev.gitfoundry.compiler.CompilerFixtures.compileValid;
import static dev.gitfoundry.compiler.CompilerFixtures.forApp;
import static dev.gitfoundry.compiler.CompilerFixtures.locatedErrors;
import static dev.gitfoundry.compiler.CompilerFixtures.onlyApp;
import static dev.gitfoundry.compiler.CompilerFixtures.singleError;
import static dev.gitfoundry.compiler.CompilerFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** cf-manifest.md §2 through the whole compiler: memory, disk, log rate and sidecar memory. */
class ByteSizeRulesTest {
  private static final String UNIT = "must use a supported unit: B, K, KB, M, MB, G, GB, T, or TB";

  private static String app(String attributes) {
    return "applications:\n- name: a\n" + attributes;
  }

  @ParameterizedTest(name = "memory: {0} = {1} MB")
  @CsvSource({
    "512M, 512",
    "512m, 512",
    "512MB, 512",
    "512mb, 512",
    "1G, 1024",
    "1.5G, 1536",
    "1.2G, 1228",
    "1024MiB, 1024",
    "1048576B, 1",
    "'\"128M \"', 128",
  })
  void memoryForms(String value, long megabytes) {
    assertThat(web(compileValid(app("  memory: " + value + "\n"))).getMemoryMB())
        .isEqualTo(megabytes);
  }

  @ParameterizedTest(name = "disk_quota: {0} = {1} MB")
  @CsvSource({"1.5G, 1536", "2G, 2048", "256M, 256", "1T, 1048576"})
  void diskForms(String value, long megabytes) {
    assertThat(web(compileValid(app("  disk_quota: " + value + "\n"))).getDiskMB())
        .isEqualTo(megabytes);
    assertThat(web(compileValid(app("  disk-quota: " + value + "\n"))).getDiskMB())
        .isEqualTo(megabytes);
  }

  @Test
  void defaultsAreCloudControllers() {
    var web = web(compileValid(app("  instances: 1\n")));
    assertThat(web.getMemoryMB()).isEqualTo(1024L);
    assertThat(web.getDiskMB()).isEqualTo(1024L);
    assertThat(web.getLogRateLimitBytesPerSecond()).isNull();
  }

  @ParameterizedTest(name = "memory: {0}")
  @ValueSource(strings = {"512", "0", "'512'", "1.5", "512X"})
  void aUnitIsRequired(String value) {
    assertThat(singleError(app("  memory: " + value + "\n")))
        .isEqualTo(forApp("a", "Process \"web\": Memory " + UNIT));
  }

  @Test
  void diskNeedsAUnitToo() {
    assertThat(singleError(app("  disk_quota: '1024'\n")))
        .isEqualTo(forApp("a", "Process \"web\": Disk quota " + UNIT));
  }

  @ParameterizedTest(name = "memory: {0}")
  @ValueSource(strings = {"abc", "M", "lots"})
  void notANumber(String value) {
    assertThat(singleError(app("  memory: " + value + "\n")))
        .isEqualTo(forApp("a", "Process \"web\": Memory is not a number"));
  }

  @ParameterizedTest(name = "memory: {0}")
  @ValueSource(strings = {"1048575B", "-1MB", "0M", "0.5M"})
  void atLeastOneMegabyte(String value) {
    assertThat(singleError(app("  memory: " + value + "\n")))
        .isEqualTo(forApp("a", "Process \"web\": Memory must be greater than 0MB"));
  }

  @Test
  void diskAtLeastOneMegabyte() {
    assertThat(singleError(app("  disk_quota: 1048575B\n")))
        .isEqualTo(forApp("a", "Process \"web\": Disk quota must be greater than 0MB"));
  }

  @ParameterizedTest(name = "log-rate-limit-per-second: {0} = {1}")
  @CsvSource({"-1, -1", "0, 0", "-1B, -1", "16K, 16384", "1M, 1048576", "'\"0\"', 0", "1B, 1"})
  void logRateLimit(String value, long bytes) {
    assertThat(
            web(compileValid(app("  log-rate-limit-per-second: " + value + "\n")))
                .getLogRateLimitBytesPerSecond())
        .isEqualTo(bytes);
  }

  @ParameterizedTest(name = "log-rate-limit-per-second: {0}")
  @ValueSource(strings = {"-2B", "-1K", "-5M"})
  void logRateLimitBelowMinusOne(String value) {
    assertThat(singleError(app("  log-rate-limit-per-second: " + value + "\n")))
        .isEqualTo(
            forApp(
                "a",
                "Process \"web\": Log rate limit must be an integer greater than or equal to -1"));
  }

  @Test
  void logRateLimitOtherThanMinusOneAndZeroNeedsAUnit() {
    assertThat(singleError(app("  log-rate-limit-per-second: 100\n")))
        .startsWith(forApp("a", "Process \"web\": Log rate limit"))
        .endsWith(UNIT);
  }

  @Test
  void logRateLimitAboveInt64() {
    assertThat(singleError(app("  log-rate-limit-per-second: 9000000T\n")))
        .isEqualTo(
            forApp(
                "a",
                "Process \"web\": Log rate limit must be an integer greater than or equal to -1"));
  }

  @Test
  void processEntriesUseTheirTypeAsPrefix() {
    var compilation =
        CompilerFixtures.compile(
            app("  processes:\n  - type: worker\n    memory: 12\n    disk_quota: 0.1M\n"));
    assertThat(locatedErrors(compilation))
        .containsExactly(
            "5:13: " + forApp("a", "Process \"worker\": Memory " + UNIT),
            "6:17: " + forApp("a", "Process \"worker\": Disk quota must be greater than 0MB"));
  }

  @ParameterizedTest(name = "sidecar memory: {0} = {1} MB")
  @CsvSource({"256, 256", "256M, 256", "256MB, 256", "1G, 1024", "'\"64\"', 64"})
  void sidecarMemoryFallsBackToMegabytes(String value, long megabytes) {
    var app =
        onlyApp(
            compileValid(
                app(
                    "  memory: 2G\n  sidecars:\n  - name: s\n    command: run\n    process_types: [web]\n"
                        + "    memory: "
                        + value
                        + "\n")));
    assertThat(app.getSpec().getSidecars().get(0).getMemoryMB()).isEqualTo(megabytes);
  }

  @Test
  void sidecarMemoryNotANumber() {
    assertThat(
            singleError(
                app(
                    "  sidecars:\n  - name: n\n    command: run\n    process_types: [web]\n"
                        + "    memory: abc\n")))
        .isEqualTo(forApp("a", "Sidecar \"n\": Memory in mb is not a number"));
  }

  @Test
  void sidecarMemoryMustBePositive() {
    assertThat(
            singleError(
                app(
                    "  sidecars:\n  - name: n\n    command: run\n    process_types: [web]\n"
                        + "    memory: 0\n")))
        .isEqualTo(forApp("a", "Sidecar \"n\": Memory in mb must be greater than 0"));
  }
}
