package dev.gitfoundry.operator.source;

import dev.gitfoundry.api.v1alpha1.GitSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/** One log line per outcome, with the source and revision as keys (also in JSON logs). */
final class SourceLog {
  private static final Logger LOG = LoggerFactory.getLogger("dev.gitfoundry.operator.source");

  private SourceLog() {}

  static LoggingEventBuilder of(GitSource source, String revision) {
    return LOG.atInfo()
        .addKeyValue(
            "source", source.getMetadata().getNamespace() + "/" + source.getMetadata().getName())
        .addKeyValue("revision", revision);
  }
}
