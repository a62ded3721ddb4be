package dev.gitfoundry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Where something is declared in the repository. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SourceLocation {
  @JsonProperty("file")
  @JsonPropertyDescription("Repository-relative path of the manifest file.")
  private String file;

  @JsonProperty("line")
  @JsonPropertyDescription("1-based line of the declaration.")
  private Integer line;

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

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SourceLocation other) || o.getClass() != getClass()) {
      return false;
    }
    return Objects.equals(file, other.file) && Objects.equals(line, other.line);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, line);
  }
}
