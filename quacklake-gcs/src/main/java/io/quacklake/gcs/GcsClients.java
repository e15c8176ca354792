package io.quacklake.gcs;

import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.HttpStorageOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.storage.StorageRetryStrategy;
import io.quacklake.exceptions.QuacklakeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;

/**
 * Builds the client for the JSON API: credentials resolved up front (so a missing one is one clear
 * line, not a later 401), an endpoint override for emulators, and retries of every request with the
 * client's back-off. Retrying uploads without a precondition is safe here: data files are written
 * once under fresh names, and a conditional create settles a retried answer by reading the object
 * back.
 */
final class GcsClients {
  private GcsClients() {}

  static Storage create(GcsSettings s) {
    Credentials credentials = credentials(s);
    HttpStorageOptions.Builder builder =
        StorageOptions.http()
            .setCredentials(credentials)
            .setStorageRetryStrategy(StorageRetryStrategy.getUniformStorageRetryStrategy());
    if (s.endpoint() != null) {
      builder.setHost(s.endpoint().toString());
    }
    String project = s.project();
    if (project == null && credentials instanceof ServiceAccountCredentials account) {
      project = account.getProjectId();
    }
    if (project != null) {
      builder.setProjectId(project);
    }
    return builder.build().getService();
  }

  private static Credentials credentials(GcsSettings s) {
    if (s.anonymous()) {
      return NoCredentials.getInstance();
    }
    if (s.keyFile() != null) {
      try (InputStream in = Files.newInputStream(s.keyFile())) {
        return ServiceAccountCredentials.fromStream(in);
      } catch (NoSuchFileException e) {
        throw QuacklakeException.invalid(
            "gcs.key-file %s does not exist; name a service-account key file (JSON)", s.keyFile());
      } catch (IOException | RuntimeException e) {
        throw QuacklakeException.invalid(
            "gcs.key-file %s is not a readable service-account key file (JSON); create one with"
                + " 'gcloud iam service-accounts keys create'",
            s.keyFile());
      }
    }
    try {
      return GoogleCredentials.getApplicationDefault();
    } catch (IOException e) {
      throw QuacklakeException.invalid(
          "no Google credentials for %s: set gcs.key-file or GOOGLE_APPLICATION_CREDENTIALS to a"
              + " service-account key file, run 'gcloud auth application-default login', or set"
              + " gcs.anonymous=true for a public bucket or an emulator",
          s.endpointName());
    }
  }
}
