package dev.gitfoundry.compiler.yaml;

import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one YAML document the way the cf CLI does (go-yaml v2, YAML 1.1), but safely: only the
 * standard tags, a size cap, and a cap on how far anchors may expand, so a "billion laughs" file is
 * an error instead of an outage.
 */
public final class YamlReader {
  /** Cloud Controller refuses manifests over 1 MB; we refuse files over it before parsing. */
  public static final int MAX_BYTES = 1024 * 1024;

  /** Nodes one document may expand to through aliases; real manifests stay far below. */
  static final int MAX_EXPANDED_NODES = 250_000;

  private static final int MAX_DEPTH = 200;

  private final ScalarConstructor scalars = new ScalarConstructor();

  /** Building a resolver registers a dozen patterns; one per reader is enough. */
  private final Resolver resolver = new Resolver();

  /** Returns the document's root, or null for an empty document. */
  public YamlNode read(byte[] bytes, Consumer<YamlWarning> warnings) throws YamlSyntaxException {
    if (bytes.length > MAX_BYTES) {
      throw new YamlSyntaxException(
          "Manifest size is too large. The maximum supported size is 1MB.", Position.START);
    }
    String text = decode(bytes);
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      // Composing shares aliased nodes (no expansion); Expansion below caps the expanded size.
      // A fixed cap of 100 aliases rejected real manifests (150 apps each merging *defaults)
      // that go-yaml, and so cf push, accepts.
      options.setMaxAliasesForCollections(MAX_EXPANDED_NODES);
      options.setAllowRecursiveKeys(false);
      options.setCodePointLimit(MAX_BYTES + 1);
      options.setNestingDepthLimit(MAX_DEPTH);
      Composer composer =
          new Composer(
              new ParserImpl(new StreamReader(new StringReader(text)), options), resolver, options);
      root = composer.getSingleNode();
    } catch (MarkedYAMLException e) {
      throw new YamlSyntaxException(syntaxMessage(e), position(e.getProblemMark()));
    } catch (YAMLException e) {
      throw new YamlSyntaxException("yaml: " + firstLine(e.getMessage()), Position.START);
    }
    if (root == null) {
      return null;
    }
    return new Expansion(warnings).convert(root, 0);
  }

  private static String decode(byte[] bytes) throws YamlSyntaxException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new YamlSyntaxException("yaml: invalid UTF-8: the file is not text", Position.START);
    }
  }

  private static String syntaxMessage(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? firstLine(e.getMessage()) : e.getProblem();
    Mark mark = e.getProblemMark();
    String line = mark == null ? "" : "line " + (mark.getLine() + 1) + ": ";
    return "yaml: " + line + problem;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid YAML";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  static Position position(Mark mark) {
    return mark == null ? Position.START : new Position(mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** One pass over the composed graph; aliases are shared nodes, so expansion is counted. */
  private final class Expansion {
    private final Consumer<YamlWarning> warnings;
    private final IdentityHashMap<Node, Boolean> inProgress = new IdentityHashMap<>();
    private int produced;

    Expansion(Consumer<YamlWarning> warnings) {
      this.warnings = warnings;
    }

    YamlNode convert(Node node, int depth) throws YamlSyntaxException {
      if (++produced > MAX_EXPANDED_NODES) {
        throw new YamlSyntaxException(
            "yaml: document expands to more than "
                + MAX_EXPANDED_NODES
                + " values through anchors and aliases",
            position(node.getStartMark()));
      }
      if (depth > MAX_DEPTH || inProgress.containsKey(node)) {
        throw new YamlSyntaxException(
            "yaml: an alias refers to the value that contains it", position(node.getStartMark()));
      }
      inProgress.put(node, Boolean.TRUE);
      try {
        if (node instanceof ScalarNode scalar) {
          return scalar(scalar);
        }
        if (node instanceof SequenceNode sequence) {
          checkTag(node, Tag.SEQ);
          List<YamlNode> items = new ArrayList<>();
          for (Node item : sequence.getValue()) {
            items.add(convert(item, depth + 1));
          }
          return new YamlList(items, position(node.getStartMark()));
        }
        checkTag(node, Tag.MAP);
        return mapping((MappingNode) node, depth);
      } finally {
        inProgress.remove(node);
      }
    }

    private YamlMap mapping(MappingNode node, int depth) throws YamlSyntaxException {
      Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
      List<YamlMap> merged = new ArrayList<>();
      for (NodeTuple tuple : node.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (keyNode.getTag().equals(Tag.MERGE)) {
          collectMerge(tuple.getValueNode(), depth, merged);
          continue;
        }
        String key = keyText(keyNode);
        YamlNode value = convert(tuple.getValueNode(), depth + 1);
        if (entries.containsKey(key)) {
          warnings.accept(
              new YamlWarning(
                  "duplicate key '" + key + "': cf uses the last value",
                  position(keyNode.getStartMark())));
        }
        entries.put(key, new YamlMap.Entry(key, position(keyNode.getStartMark()), value));
      }
      // Merge keys: explicit keys win, then earlier merged maps win over later ones.
      for (YamlMap source : merged) {
        for (YamlMap.Entry entry : source.entries().values()) {
          entries.putIfAbsent(entry.key(), entry);
        }
      }
      return new YamlMap(entries, position(node.getStartMark()));
    }

    private void collectMerge(Node value, int depth, List<YamlMap> merged)
        throws YamlSyntaxException {
      YamlNode converted = convert(value, depth + 1);
      if (converted instanceof YamlMap map) {
        merged.add(map);
        return;
      }
      if (converted instanceof YamlList list) {
        for (YamlNode item : list.items()) {
          if (!(item instanceof YamlMap map)) {
            throw new YamlSyntaxException(
                "yaml: map merge requires map or sequence of maps as the value", item.position());
          }
          merged.add(map);
        }
        return;
      }
      throw new YamlSyntaxException(
          "yaml: map merge requires map or sequence of maps as the value", converted.position());
    }

    private String keyText(Node keyNode) throws YamlSyntaxException {
      if (!(keyNode instanceof ScalarNode scalar)) {
        throw new YamlSyntaxException(
            "yaml: only scalar mapping keys are supported in manifests",
            position(keyNode.getStartMark()));
      }
      YamlScalar key = scalar(scalar);
      return key.isNull() ? "" : key.text();
    }

    private YamlScalar scalar(ScalarNode node) throws YamlSyntaxException {
      Tag tag = node.getTag();
      Position at = position(node.getStartMark());
      if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP) || tag.equals(Tag.BINARY)) {
        // go-yaml v2 decodes timestamps into interface{} as plain strings.
        return new YamlScalar(node.getValue(), node.getValue(), at);
      }
      if (tag.equals(Tag.NULL)
          || tag.equals(Tag.BOOL)
          || tag.equals(Tag.INT)
          || tag.equals(Tag.FLOAT)) {
        Object value;
        try {
          value = scalars.construct(node);
        } catch (RuntimeException e) {
          throw new YamlSyntaxException(
              "yaml: cannot decode " + tag + " `" + node.getValue() + "`", at);
        }
        return new YamlScalar(normalize(value), node.getValue(), at);
      }
      throw new YamlSyntaxException(
          "yaml: unsupported tag " + tag + " (only standard YAML types)", at);
    }

    private void checkTag(Node node, Tag expected) throws YamlSyntaxException {
      if (!node.getTag().equals(expected)) {
        throw new YamlSyntaxException(
            "yaml: unsupported tag " + node.getTag() + " (only standard YAML types)",
            position(node.getStartMark()));
      }
    }
  }

  private static Object normalize(Object value) {
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof BigInteger big && big.bitLength() < 64) {
      return big.longValue();
    }
    return value;
  }

  /** Exposes SnakeYAML's YAML 1.1 scalar constructors (ints in any base, floats, bools, null). */
  private static final class ScalarConstructor extends SafeConstructor {
    ScalarConstructor() {
      super(new LoaderOptions());
    }

    Object construct(ScalarNode node) {
      return constructObject(node);
    }
  }
}
