package dev.gitfoundry.local;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * The {@code app.ini} of a local Gitea (SQLite, no SSH, HTTP on loopback, loopback webhooks), the
 * same for the process of the demo and the container of the tests; only paths and user differ.
 * Every secret Gitea would otherwise generate and write back is set here, so the file may be
 * read-only.
 *
 * @param workPath Gitea's work path; data, repositories and the database go below it
 * @param staticRoot templates, locales and public assets (no bindata build)
 * @param runUser the user Gitea runs as; it refuses to start as another
 * @param port the HTTP port on 127.0.0.1
 */
public record GiteaConfiguration(String workPath, String staticRoot, String runUser, int port) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public String rootUrl() {
    return "http://127.0.0.1:" + port + "/";
  }

  public String toIni() {
    return String.join(
        "\n",
        "APP_NAME = gitfoundry",
        "RUN_MODE = prod",
        "RUN_USER = " + runUser,
        "WORK_PATH = " + workPath,
        "root".equals(runUser) ? "I_AM_BEING_UNSAFE_RUNNING_AS_ROOT = true" : "",
        "[server]",
        "PROTOCOL = http",
        "HTTP_ADDR = 127.0.0.1",
        "HTTP_PORT = " + port,
        "ROOT_URL = " + rootUrl(),
        "DISABLE_SSH = true",
        "START_SSH_SERVER = false",
        "OFFLINE_MODE = true",
        "LFS_START_SERVER = false",
        "STATIC_ROOT_PATH = " + staticRoot,
        "APP_DATA_PATH = " + workPath + "/data",
        "[database]",
        "DB_TYPE = sqlite3",
        "PATH = " + workPath + "/data/gitea.db",
        "[repository]",
        "ROOT = " + workPath + "/repositories",
        "DEFAULT_BRANCH = main",
        "[security]",
        "INSTALL_LOCK = true",
        "SECRET_KEY = " + secret(),
        // Shared between Gitea's hooks and its web server; set so Gitea never writes app.ini.
        "INTERNAL_TOKEN = " + secret() + secret(),
        // Loopback webhooks are what the demo and tests deliver to; newer Gitea reads this key,
        // older ones the [webhook] key below.
        "ALLOWED_HOST_LIST = loopback",
        "[service]",
        "DISABLE_REGISTRATION = true",
        "[webhook]",
        "ALLOWED_HOST_LIST = loopback",
        "DELIVER_TIMEOUT = 5",
        "[oauth2]",
        "ENABLED = false",
        // Also Gitea's general signing secret, required even without OAuth2: 32 bytes.
        "JWT_SECRET = " + jwtSecret(),
        "[mailer]",
        "ENABLED = false",
        "[cron.update_checker]",
        "ENABLED = false",
        // In-memory queues: Gitea's default LevelDB queues poll for work with a back-off of up to
        // 2 s (modules/queue/backoff.go), and a push passes two of them (push_update, then
        // webhook_sender), so webhooks left 1-4 s after a push; a channel hands work over at once
        // (0.7 s). Queued work is lost when Gitea stops, which a local forge can afford.
        "[queue]",
        "TYPE = channel",
        "[indexer]",
        "ISSUE_INDEXER_TYPE = db",
        "[log]",
        "MODE = console",
        "LEVEL = Warn",
        "");
  }

  private static String jwtSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String secret() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
