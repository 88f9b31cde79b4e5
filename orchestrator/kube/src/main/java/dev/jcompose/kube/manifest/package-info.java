/** Kubernetes objects written as deterministic YAML manifests (the output of {@code convert --to k8s}). */
package dev.jcompose.kube.manifest;
