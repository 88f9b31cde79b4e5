/**
 * {@code convert --to k8s}: the loaded compose model as Kubernetes objects (fabric8's model classes),
 * a pure function of the project, the options and the files it mounts ({@link
 * dev.jcompose.kube.convert.ProjectConverter}). Names are made valid, every service name resolves to
 * a Service, and every setting that does not translate is reported once.
 */
package dev.jcompose.kube.convert;
