/**
 * {@code deploy --context} and {@code down --context}: converted objects applied to, waited for on and
 * removed from a Kubernetes cluster through fabric8's client with the JDK's HTTP client, the cluster
 * named by a kubeconfig context as kubectl reads it.
 */
package dev.jcompose.kube.cluster;
