package dev.gitfoundry.operator.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the demo prints once the commit is applied: commands to look around (kubectl, the status
 * page, the cf CLI) and to try a pull-request preview, each ready to paste as shown.
 *
 * @param kubeUser the kubeconfig user the cf CLI logs in as
 * @param repo the Gitea repository, {@code owner/name}
 * @param app an app of the pushed repository to name in examples, if it has one
 */
record DemoGuide(
    Path kubeconfig,
    Path kubectl,
    Path cf,
    String kubeUser,
    URI operatorUrl,
    String statusPath,
    String authenticatedCloneUrl,
    String giteaApiUrl,
    String giteaToken,
    String repo,
    Optional<DemoExample.AppPlace> app) {
  static final String PREVIEW_BRANCH = "try-preview";

  void print(PrintStream out) {
    out.println("\nTry it:");
    out.println("  export KUBECONFIG=" + kubeconfig);
    out.println("  " + kubectl + " get gitsources,cfapps,cfroutes -A");
    out.println("  " + kubectl + " get pods -A -l gitfoundry.dev/app");
    out.println(
        "  "
            + kubectl
            + " get images.kpack.io -A   # buildpack apps: their kpack Images (stand-in builds)");
    out.println("  curl -s -H 'Accept: application/json' " + operatorUrl + statusPath);

    out.println("\nThe cf CLI, read-only (writes answer with the repository to push to):");
    out.println("  " + cf + " api " + operatorUrl + " --skip-ssl-validation");
    out.println(
        "  "
            + cf
            + " login -u "
            + kubeUser
            + app.map(a -> " -o " + a.org() + " -s " + a.space()).orElse(""));
    out.println("  " + cf + " orgs && " + cf + " spaces && " + cf + " apps");
    app.ifPresent(
        a ->
            out.println(
                "  " + cf + " app " + a.app() + " && " + cf + " routes && " + cf + " domains"));
    out.println("  " + cf + " curl /v3/apps");

    out.println("\nChange it through Git: clone, edit, commit, push to main and watch it roll.");
    out.println("  git clone " + authenticatedCloneUrl + " manifests && cd manifests");
    out.println("  git config user.name 'Demo User' && git config user.email demo@example.com");
    app.ifPresent(place -> printPreview(place, out));
  }

  /** A new app on a branch, pushed, and a pull request: the preview deploys only that app. */
  private void printPreview(DemoExample.AppPlace place, PrintStream out) {
    String manifest = place.spaceDirectory() + "/" + PREVIEW_BRANCH + "/manifest.yml";
    String api = giteaApiUrl + "/repos/" + repo;
    String auth =
        "-H 'Authorization: token " + giteaToken + "' -H 'Content-Type: application/json'";
    out.println(
        "\nOr try a pull-request preview (enabled in the demo's GitSource): a branch, a push and"
            + " a pull request; the preview runs only the apps it adds or changes, in space "
            + place.space()
            + "-pr-<number>.");
    out.println("  git checkout -b " + PREVIEW_BRANCH);
    out.println(
        "  mkdir -p "
            + place.spaceDirectory()
            + "/"
            + PREVIEW_BRANCH
            + " && printf 'applications:\\n- name: "
            + PREVIEW_BRANCH
            + "\\n  docker: {image: \"hashicorp/http-echo:1.0\"}\\n  command: /http-echo"
            + " -listen=:8080 -text=preview\\n  memory: 64M\\n' > "
            + manifest);
    out.println(
        "  git add -A && git commit -m 'Try a preview' && git push -u origin " + PREVIEW_BRANCH);
    out.println(
        "  curl -s "
            + auth
            + " -d '{\"title\":\"Try a preview\",\"head\":\""
            + PREVIEW_BRANCH
            + "\",\"base\":\"main\"}' "
            + api
            + "/pulls | grep -o '\"html_url\":\"[^\"]*/pulls/[0-9]*\"'");
    out.println(
        "  curl -s "
            + api
            + "/commits/"
            + PREVIEW_BRANCH
            + "/status | grep -o '\"description\":\"[^\"]*\"\\|\"target_url\":\"[^\"]*\"'"
            + "   # after a few seconds: preview running, and its URL");
    out.println("  " + kubectl + " get cfapps -A   # " + PREVIEW_BRANCH + " in its preview space");
    out.println(
        "  curl -s -X PATCH "
            + auth
            + " -d '{\"state\":\"closed\"}' "
            + api
            + "/pulls/1 -o /dev/null -w '%{http_code}\\n'   # closing pull request 1 (above) deletes its preview");
  }
}
