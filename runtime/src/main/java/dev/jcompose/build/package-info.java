/**
 * Builds images from Dockerfiles natively on jcompose's own stack: each step runs on overlay snapshots
 * of the previous one (RUN in a container of the {@link dev.jcompose.container.ContainerRuntime}, COPY
 * and ADD by the builder itself), its changes become an OCI layer in the content store, and the result is
 * an image in the {@link dev.jcompose.image.ImageStore}. Steps are cached by what they read.
 * {@link dev.jcompose.build.ImageBuilder} is the interface the engine uses.
 */
package dev.jcompose.build;
