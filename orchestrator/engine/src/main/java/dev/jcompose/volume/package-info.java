/**
 * Local named volumes, laid out like docker's local driver ({@code dataRoot/volumes/<name>/_data}
 * plus a metadata file with the compose labels), so that {@code up}, {@code down -v} and a
 * later {@code up} recognise which project made which volume.
 */
package dev.jcompose.volume;
