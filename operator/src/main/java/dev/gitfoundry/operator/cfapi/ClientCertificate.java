package dev.gitfoundry.operator.cfapi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payload of {@code Authorization: ClientCert ...}: base64 of a PEM certificate followed by a
 * PEM private key, as the cf CLI builds it from a kubeconfig user.
 */
record ClientCertificate(String certificatePem, String keyPem) {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----[\\s\\S]*?-----END \\1-----");

  static ClientCertificate decode(String base64) {
    String pem;
    try {
      pem = new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not base64", e);
    }
    String certificate = null;
    String key = null;
    Matcher matcher = BLOCK.matcher(pem);
    while (matcher.find()) {
      String type = matcher.group(1);
      if (type.equals("CERTIFICATE") && certificate == null) {
        certificate = matcher.group();
      } else if (type.endsWith("PRIVATE KEY")) {
        key = matcher.group();
      }
    }
    if (certificate == null || key == null) {
      throw new IllegalArgumentException("needs a CERTIFICATE and a PRIVATE KEY block");
    }
    return new ClientCertificate(certificate, key);
  }

  String certificatePemBase64() {
    return Base64.getEncoder().encodeToString(certificatePem.getBytes(StandardCharsets.UTF_8));
  }

  String keyPemBase64() {
    return Base64.getEncoder().encodeToString(keyPem.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * fabric8 needs the key algorithm; a PKCS#8 header does not say it, so the key is tried as RSA
   * and otherwise taken for EC.
   */
  String keyAlgorithm() {
    if (keyPem.contains("EC PRIVATE KEY")) {
      return "EC";
    }
    if (keyPem.contains("RSA PRIVATE KEY")) {
      return "RSA";
    }
    String body = keyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      java.security.KeyFactory.getInstance("RSA")
          .generatePrivate(
              new java.security.spec.PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
      return "RSA";
    } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
      return "EC";
    }
  }
}
