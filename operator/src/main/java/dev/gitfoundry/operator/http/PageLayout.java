package dev.gitfoundry.operator.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The frame every status page shares: inline CSS (light and dark, phone and laptop), no external
 * asset, and while a commit is pending a few lines of script that re-read the page every 5 s and
 * swap its body in place (no flash, scroll kept) until it is no longer pending. The Content
 * Security Policy allows exactly this style and this script (by hash), so even text that escaped
 * escaping could not run.
 */
final class PageLayout {
  static final String STYLE =
      """
      :root{color-scheme:light dark;--bg:#f6f8fa;--card:#fff;--fg:#1f2328;--muted:#59636e;\
      --line:#d1d9e0;--link:#0969da;--ok:#1a7f37;--ok-bg:#dafbe1;--bad:#cf222e;--bad-bg:#ffebe9;\
      --wait:#9a6700;--wait-bg:#fff8c5;--off:#59636e;--off-bg:#eff2f5}
      @media (prefers-color-scheme:dark){:root{--bg:#0d1117;--card:#151b23;--fg:#e6edf3;\
      --muted:#9198a1;--line:#3d444d;--link:#4493f8;--ok:#3fb950;--ok-bg:#12261e;--bad:#f85149;\
      --bad-bg:#2d1214;--wait:#d29922;--wait-bg:#272115;--off:#9198a1;--off-bg:#212830}}
      *{box-sizing:border-box}
      body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,\
      "Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif;overflow-wrap:break-word}
      a{color:var(--link);text-decoration:none}a:hover{text-decoration:underline}
      time{white-space:nowrap}
      code,.sha,time{font-family:ui-monospace,SFMono-Regular,Menlo,"Liberation Mono",monospace;\
      font-size:.9em}
      .top{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:baseline;padding:.75rem 1rem;\
      border-bottom:1px solid var(--line);background:var(--card)}
      .top .brand{font-weight:600;color:var(--fg)}.top .muted{color:var(--muted)}
      main{max-width:64rem;margin:0 auto;padding:1rem}
      section{margin:0 0 1.25rem}
      h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0}
      h2{font-size:1.05rem;margin:0 0 .5rem}h3{font-size:1rem;margin:0}
      .card{background:var(--card);border:1px solid var(--line);border-radius:.5rem;\
      padding:1rem}
      .hero{border-left:.35rem solid var(--off)}
      .hero.success{border-left-color:var(--ok)}.hero.failure,.hero.error{border-left-color:\
      var(--bad)}.hero.pending{border-left-color:var(--wait)}
      .meta,.muted,.where,.declared{color:var(--muted);font-size:.9rem}
      .description{margin:.5rem 0 0;font-weight:500}
      .note{margin:.75rem 0 0;padding:.5rem .75rem;border-radius:.375rem;background:var(--off-bg)}
      .badge{display:inline-flex;align-items:center;gap:.35rem;padding:.1rem .6rem;\
      border-radius:1rem;font-size:.85rem;font-weight:600;white-space:nowrap;\
      color:var(--off);background:var(--off-bg)}
      .badge::before{content:"";width:.55rem;height:.55rem;border-radius:50%;background:currentColor}
      .success>.badge,.badge.success,.badge.running,.badge.ready{color:var(--ok);background:var(--ok-bg)}
      .failure>.badge,.error>.badge,.badge.failure,.badge.error,.badge.failed{color:var(--bad);\
      background:var(--bad-bg)}
      .pending>.badge,.badge.pending,.badge.starting{color:var(--wait);background:var(--wait-bg)}
      .badge.pending::before,.badge.starting::before,.pending>.badge::before{\
      animation:pulse 1.2s ease-in-out infinite}
      @keyframes pulse{50%{opacity:.25}}
      @media (prefers-reduced-motion:reduce){.badge::before{animation:none!important}}
      ol.timeline,ul.list{list-style:none;margin:0;padding:0}
      .timeline li,.list li{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:baseline;\
      padding:.45rem 0;border-top:1px solid var(--line)}
      .timeline li:first-child,.list li:first-child{border-top:0}
      .timeline li>*,.list li>*{min-width:0;overflow-wrap:anywhere}
      .timeline time,.list time{color:var(--muted);margin-left:auto}
      .change{font-weight:700;width:1rem;text-align:center}
      .added .change{color:var(--ok)}.removed .change{color:var(--bad)}.changed .change{\
      color:var(--wait)}
      .fields{color:var(--muted);font-size:.9rem}
      .errors li{display:block}.errors .message{display:block;white-space:pre-wrap}
      .apps{display:grid;gap:.75rem;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr))}
      .app,.app h3{min-width:0}.app a,.app h3,.errors a,.message,.subject{overflow-wrap:anywhere}
      .app header{display:flex;justify-content:space-between;gap:.5rem;align-items:flex-start}
      .app p{margin:.35rem 0 0}.app ul{margin:.35rem 0 0;padding-left:1.1rem}
      .instances{font-variant-numeric:tabular-nums}
      .reason{font-weight:500}.message{color:var(--muted);font-size:.9rem}
      table{width:100%;border-collapse:collapse}
      td,th{text-align:left;padding:.5rem .5rem .5rem 0;border-top:1px solid var(--line);\
      vertical-align:top}
      td.commit{overflow-wrap:anywhere;width:100%}
      th{font-size:.85rem;color:var(--muted);font-weight:600;border-top:0}
      .subject{font-weight:500}
      footer{max-width:64rem;margin:0 auto;padding:0 1rem 2rem;color:var(--muted);font-size:.85rem}
      @media (max-width:40rem){body{font-size:15px}main{padding:.75rem}.card{padding:.85rem}\
      h1{font-size:1.25rem}.hide-narrow{display:none}}
      """;

  static final String SCRIPT =
      "(function poll(){setTimeout(function(){fetch(location.href,{cache:'no-store'})"
          + ".then(function(r){return r.text()}).then(function(t){"
          + "var d=new DOMParser().parseFromString(t,'text/html'),b=d.body;document.title=d.title;"
          + "document.body.replaceWith(b);if(b.hasAttribute('data-pending'))poll()},"
          + "poll)},5000)})();";

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src '"
          + sha256(STYLE)
          + "'; script-src '"
          + sha256(SCRIPT)
          + "'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none';"
          + " frame-ancestors 'none'";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private PageLayout() {}

  /** A whole document; {@code refresh} adds the script that follows a pending state. */
  static String page(String title, String top, String main, boolean refresh) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        + "<meta name=\"color-scheme\" content=\"light dark\">"
        + "<meta name=\"referrer\" content=\"no-referrer\">"
        + "<title>"
        + Html.escape(title)
        + "</title><link rel=\"icon\" href=\"data:,\"><style>"
        + STYLE
        + "</style>"
        + (refresh
            ? "<script>"
                + SCRIPT
                + "</script><noscript><meta http-equiv=\"refresh\""
                + " content=\"10\"></noscript>"
            : "")
        + "</head>\n<body"
        + (refresh ? " data-pending" : "")
        + "><header class=\"top\"><span class=\"brand\">Gitfoundry</span>"
        + top
        + "</header>\n<main>"
        + main
        + "</main>\n<footer>Gitfoundry status page · the same data as JSON: send"
        + " <code>Accept: application/json</code>.</footer></body></html>\n";
  }

  /** A state as a badge: {@code success} reads "Success", {@code failure} "Failed", … */
  static String badge(String state, String label) {
    String css = state == null ? "unknown" : state.replaceAll("[^a-z]", "");
    return "<span class=\"badge " + css + "\">" + Html.escape(label) + "</span>";
  }

  static String stateLabel(String state) {
    if (state == null) {
      return "Unknown";
    }
    return switch (state) {
      case "success" -> "Success";
      case "failure" -> "Failed";
      case "error" -> "Error";
      case "pending" -> "Pending";
      case "running" -> "Running";
      case "starting" -> "Starting";
      case "failed" -> "Failed";
      case "stopped" -> "Stopped";
      case "ready" -> "Ready";
      default -> Character.toUpperCase(state.charAt(0)) + state.substring(1);
    };
  }

  /** An RFC 3339 time as {@code <time>} in UTC; empty when absent. */
  static String time(String rfc3339) {
    if (rfc3339 == null || rfc3339.isBlank()) {
      return "";
    }
    try {
      Instant instant = Instant.parse(rfc3339);
      return "<time datetime=\""
          + Html.escape(instant.toString())
          + "\">"
          + TIME.format(instant)
          + "</time>";
    } catch (DateTimeParseException e) {
      return "<time>" + Html.escape(rfc3339) + "</time>";
    }
  }

  /** "+12 s", "+3 min 4 s" between two RFC 3339 times; empty when either is missing. */
  static String elapsed(String from, String to) {
    try {
      Duration d = Duration.between(Instant.parse(from), Instant.parse(to));
      if (d.isNegative()) {
        return "";
      }
      long s = d.getSeconds();
      return s < 60 ? "+" + s + " s" : "+" + s / 60 + " min " + s % 60 + " s";
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
