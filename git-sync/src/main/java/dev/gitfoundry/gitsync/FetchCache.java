package dev.gitfoundry.gitsync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The bare, shallow repository one poller fetches into. Keeping it between fetches lets a depth-1
 * fetch send only what changed; deleting it is always safe (the next fetch starts over).
 */
final class FetchCache {
  private final Path gitDirectory;

  FetchCache(Path directory) {
    this.gitDirectory = directory.resolve("git");
  }

  /** A stable, file-system-safe directory name per repository and branch. */
  static String directoryName(RepositoryKey key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(key.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  Repository open() throws IOException {
    Repository repository = new FileRepositoryBuilder().setGitDir(gitDirectory.toFile()).build();
    if (!repository.getObjectDatabase().exists()) {
      try {
        repository.create(true);
      } catch (IllegalStateException e) {
        // half-created by an earlier crash: start over
        repository.close();
        delete();
        return open();
      }
    }
    return repository;
  }

  /** Bytes on disk under objects/, to measure what a fetch brought. */
  long objectBytes() {
    Path objects = gitDirectory.resolve("objects");
    if (!Files.isDirectory(objects)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(objects)) {
      return files.filter(Files::isRegularFile).mapToLong(FetchCache::sizeOf).sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  long packCount() {
    try (Stream<Path> packs = Files.list(gitDirectory.resolve("objects/pack"))) {
      return packs.filter(p -> p.getFileName().toString().endsWith(".pack")).count();
    } catch (IOException e) {
      return 0;
    }
  }

  /** Removes the cache; returns false if something could not be deleted. */
  boolean delete() {
    if (!Files.exists(gitDirectory)) {
      return true;
    }
    try (Stream<Path> files = Files.walk(gitDirectory)) {
      files
          .sorted(Comparator.comparingInt(Path::getNameCount).reversed())
          .forEach(FetchCache::remove);
      return true;
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static void remove(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
