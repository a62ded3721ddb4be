package dev.gitfoundry.operator.cfapi;

/**
 * A failure the CF API reports in the V3 error envelope. The cf CLI keys its reactions on the
 * status and the exact {@code detail} text (see reference/cf-api.md), so the factories below use
 * the texts the CLI recognises.
 */
final class CfError extends RuntimeException {
  final int status;
  final int code;
  final String title;

  CfError(int status, int code, String title, String detail) {
    super(detail);
    this.status = status;
    this.code = code;
    this.title = title;
  }

  String detail() {
    return getMessage();
  }

  static CfError notAuthenticated() {
    return new CfError(401, 10002, "CF-NotAuthenticated", "Authentication error");
  }

  static CfError invalidAuthToken() {
    return new CfError(401, 1000, "CF-InvalidAuthToken", "Invalid Auth Token");
  }

  static CfError notAuthorized(String detail) {
    return new CfError(403, 10003, "CF-NotAuthorized", detail);
  }

  /** The CLI turns exactly this into "API endpoint not found". */
  static CfError unknownRequest() {
    return new CfError(404, 10000, "CF-NotFound", "Unknown request");
  }

  /** {@code type} is "App", "Process", ... The CLI special-cases "App not found" and the like. */
  static CfError resourceNotFound(String type) {
    return new CfError(
        404,
        10010,
        "CF-ResourceNotFound",
        type + " not found. Ensure it exists and you have access to it.");
  }

  static CfError exactlyNotFound(String detail) {
    return new CfError(404, 10010, "CF-ResourceNotFound", detail);
  }

  static CfError badQuery(String detail) {
    return new CfError(400, 10005, "CF-BadQueryParameter", detail);
  }
}
