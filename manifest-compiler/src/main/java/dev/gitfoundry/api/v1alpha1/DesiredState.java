package dev.gitfoundry.api.v1alpha1;

/** Whether a CF app should run. */
public enum DesiredState {
  STARTED,
  STOPPED
}
