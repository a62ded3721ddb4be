package dev.gitfoundry.gitsync;

/** Git's file modes that a snapshot keeps; submodules are not files and are left out. */
public enum FileKind {
  REGULAR,
  EXECUTABLE,
  SYMLINK
}
