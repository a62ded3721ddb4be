package dev.gitfoundry.e2e.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a flight recording says the time and the memory went: CPU samples by thread, by hottest
 * method (self) and by non-JDK method on the stack (inclusive); allocation samples by class and by
 * the first non-JDK frame; garbage collections. {@code bash tests/bench.sh jfr <file.jfr> [top]}.
 */
public final class FlightRecordingSummary {
  private FlightRecordingSummary() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: FlightRecordingSummary <file.jfr> [top]");
      System.exit(2);
    }
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Map<String, Long> threads = new HashMap<>();
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> inclusive = new HashMap<>();
    Map<String, Long> allocatedClasses = new HashMap<>();
    Map<String, Long> allocationSites = new HashMap<>();
    Map<String, Long> cpuByProduct = new HashMap<>();
    Map<String, Long> allocationByProduct = new HashMap<>();
    Map<String, Map<String, Long>> siteStacks = new HashMap<>();
    long samples = 0;
    long allocated = 0;
    long collections = 0;
    Duration pauses = Duration.ZERO;
    long maxHeapUsed = 0;
    long oldObjects = 0;
    Map<String, Long> liveHolders = new HashMap<>();
    Map<String, Long> liveSites = new HashMap<>();
    try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
      while (recording.hasMoreEvents()) {
        RecordedEvent event = recording.readEvent();
        switch (event.getEventType().getName()) {
          case "jdk.ExecutionSample" -> {
            samples++;
            RecordedThread thread = event.getThread("sampledThread");
            add(threads, thread == null ? "?" : normalize(thread.getJavaName()), 1);
            List<RecordedFrame> frames = frames(event.getStackTrace());
            if (!frames.isEmpty()) {
              add(self, name(frames.get(0)), 1);
            }
            add(cpuByProduct, firstProduct(frames), 1);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
              String name = name(frame);
              if (!jdk(name) && seen.add(name)) {
                add(inclusive, name, 1);
              }
            }
          }
          case "jdk.ObjectAllocationSample" -> {
            long weight = event.getLong("weight");
            allocated += weight;
            add(allocatedClasses, event.getClass("objectClass").getName(), weight);
            List<RecordedFrame> frames = frames(event.getStackTrace());
            String site = firstNonJdk(frames);
            add(allocationSites, site, weight);
            add(allocationByProduct, firstProduct(frames), weight);
            siteStacks
                .computeIfAbsent(site, k -> new HashMap<>())
                .merge(stack(frames), weight, Long::sum);
          }
          case "jdk.GarbageCollection" -> {
            collections++;
            pauses = pauses.plus(event.getDuration("sumOfPauses"));
          }
          case "jdk.OldObjectSample" -> {
            oldObjects++;
            add(liveHolders, holderChain(event.getValue("object")), 1);
            add(liveSites, firstNonJdk(frames(event.getStackTrace())), 1);
          }
          case "jdk.GCHeapSummary" ->
              maxHeapUsed = Math.max(maxHeapUsed, event.getLong("heapUsed"));
          default -> {}
        }
      }
    }
    System.out.printf(
        "%s: %d CPU samples, %.1f MiB allocated (sampled weight)%n",
        args[0], samples, allocated / 1048576.0);
    System.out.printf(
        "GC: %d collections, %.2f s of pauses, heap used at most %.1f MiB%n",
        collections, pauses.toMillis() / 1000.0, maxHeapUsed / 1048576.0);
    print("CPU samples by thread", threads, samples, top, "");
    print("CPU, hottest methods (self)", self, samples, top, "");
    print("CPU, non-JDK methods on the stack (inclusive)", inclusive, samples, top, "");
    print("CPU by first Gitfoundry frame on the stack", cpuByProduct, samples, top, "");
    print("allocation by class", allocatedClasses, allocated, top, "MiB");
    print(
        "allocation by first Gitfoundry frame on the stack",
        allocationByProduct,
        allocated,
        top,
        "MiB");
    print("allocation by first non-JDK frame", allocationSites, allocated, top, "MiB");
    System.out.println();
    System.out.println("heaviest stack of each of the 8 largest allocation sites:");
    allocationSites.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(8)
        .forEach(
            site -> {
              Map.Entry<String, Long> heaviest =
                  siteStacks.get(site.getKey()).entrySet().stream()
                      .max(Map.Entry.comparingByValue())
                      .orElseThrow();
              System.out.printf(
                  "  %s (%.1f MiB of %.1f MiB):%n%s",
                  site.getKey(),
                  heaviest.getValue() / 1048576.0,
                  site.getValue() / 1048576.0,
                  heaviest.getKey());
            });
    print(
        "live objects (old object samples) by what holds them, non-JDK referrers up to the GC root",
        liveHolders,
        oldObjects,
        top,
        "");
    print("live objects (old object samples) by allocation site", liveSites, oldObjects, top, "");
  }

  /**
   * The sampled object's type and the non-JDK types on its reference chain up to the GC root
   * (recorded with path-to-gc-roots=true), e.g. {@code LinkedHashMap <- FieldsV1 <-
   * ManagedFieldsEntry <- ObjectMeta <- Deployment <- CacheImpl}.
   */
  private static String holderChain(RecordedObject object) {
    StringBuilder chain = new StringBuilder(typeOf(object));
    String last = null;
    RecordedObject current = referrerOf(object);
    int depth = 0;
    while (current != null && depth++ < 200) {
      String type = typeOf(current);
      if (!jdk(type) && !type.equals(last)) {
        chain.append(" <- ").append(simple(type));
        last = type;
      }
      current = referrerOf(current);
    }
    return chain.toString();
  }

  private static RecordedObject referrerOf(RecordedObject object) {
    if (object == null || !object.hasField("referrer")) {
      return null;
    }
    RecordedObject reference = object.getValue("referrer");
    if (reference == null || !reference.hasField("object")) {
      return null;
    }
    return reference.getValue("object");
  }

  private static String typeOf(RecordedObject object) {
    if (object == null || !object.hasField("type")) {
      return "?";
    }
    RecordedClass type = object.getValue("type");
    return type == null ? "?" : type.getName();
  }

  private static String simple(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  /** The first frame of Gitfoundry's own code: which product path caused the work. */
  private static String firstProduct(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String name = name(frame);
      if (name.startsWith("dev.gitfoundry.")) {
        return name;
      }
    }
    return "(no Gitfoundry frame: library or JDK threads)";
  }

  /** The top 14 frames, one per line. */
  private static String stack(List<RecordedFrame> frames) {
    StringBuilder text = new StringBuilder();
    for (RecordedFrame frame : frames.subList(0, Math.min(14, frames.size()))) {
      text.append("      ")
          .append(name(frame))
          .append(':')
          .append(frame.getLineNumber())
          .append('\n');
    }
    return text.toString();
  }

  private static List<RecordedFrame> frames(RecordedStackTrace stack) {
    return stack == null ? List.of() : stack.getFrames();
  }

  private static String name(RecordedFrame frame) {
    RecordedMethod method = frame.getMethod();
    return method == null ? "?" : method.getType().getName() + "." + method.getName();
  }

  private static boolean jdk(String name) {
    return name.startsWith("java.")
        || name.startsWith("jdk.")
        || name.startsWith("sun.")
        || name.startsWith("javax.")
        || name.equals("?");
  }

  private static String firstNonJdk(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String name = name(frame);
      if (!jdk(name)) {
        return name;
      }
    }
    return frames.isEmpty() ? "?" : name(frames.get(0));
  }

  /** Thread names without their numbers, so that pools add up. */
  private static String normalize(String thread) {
    return thread == null ? "?" : thread.replaceAll("\\d+", "#");
  }

  private static void add(Map<String, Long> counts, String key, long amount) {
    counts.merge(key, amount, Long::sum);
  }

  private static void print(
      String title, Map<String, Long> counts, long total, int top, String unit) {
    System.out.println();
    System.out.println(title + ":");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                System.out.printf(
                    "  %5.1f%%  %s  %s%n",
                    total == 0 ? 0 : 100.0 * e.getValue() / total,
                    unit.equals("MiB")
                        ? String.format("%8.1f MiB", e.getValue() / 1048576.0)
                        : String.format("%8d", e.getValue()),
                    e.getKey()));
  }
}
