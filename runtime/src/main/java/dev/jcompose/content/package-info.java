/**
 * The content-addressed blob store under {@code dataRoot/content}: blobs appear in
 * {@code blobs/<algorithm>/<hex>} only after their digest and size verified and their bytes were
 * fsynced; interrupted writes wait in {@code ingest/} to be resumed.
 */
package dev.jcompose.content;
