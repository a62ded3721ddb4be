package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** A compile problem found in the repository. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SourceDiagnostic {
  @JsonProperty("severity")
  @JsonPropertyDescription("error or warning.")
  private String severity;

  @JsonProperty("file")
  @JsonPropertyDescription("Repository-relative path of the file.")
  private String file;

  @JsonProperty("line")
  @JsonPropertyDescription("1-based line in the file.")
  private Integer line;

  @JsonProperty("column")
  @JsonPropertyDescription("1-based column in the line.")
  private Integer column;

  @JsonProperty("app")
  @JsonPropertyDescription("CF app name the problem belongs to, if any.")
  private String app;

  @JsonProperty("message")
  @JsonPropertyDescription("What is wrong and how to fix it.")
  @Required
  private String message;

  public String getSeverity() {
    return severity;
  }

  public void setSeverity(String severity) {
    this.severity = severity;
  }

  public String getFile() {
    return file;
  }

  public void setFile(String file) {
    this.file = file;
  }

  public Integer getLine() {
    return line;
  }

  public void setLine(Integer line) {
    this.line = line;
  }

  public Integer getColumn() {
    return column;
  }

  public void setColumn(Integer column) {
    this.column = column;
  }

  public String getApp() {
    return app;
  }

  public void setApp(String app) {
    this.app = app;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SourceDiagnostic other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(severity, other.severity)
        && Objects.equals(file, other.file)
        && Objects.equals(line, other.line)
        && Objects.equals(column, other.column)
        && Objects.equals(app, other.app)
        && Objects.equals(message, other.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(severity, file, line, column, app, message);
  }
}
