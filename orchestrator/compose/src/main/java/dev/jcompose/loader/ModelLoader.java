package dev.jcompose.loader;

import dev.jcompose.merge.Merger;
import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.MapNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a list of compose files into one merged raw tree, document by document as compose-go
 * does: interpolate (in the reader), resolve extends, resolve include, merge over what came before.
 */
final class ModelLoader {
    private final ComposeFileReader reader;
    private final Merger merger;
    private final ExtendsResolver extendsResolver;
    private final IncludeResolver includeResolver;

    ModelLoader(ComposeFileReader reader, Merger merger, EnvironmentSource environments) {
        this.reader = reader;
        this.merger = merger;
        this.extendsResolver = new ExtendsResolver(reader, merger);
        this.includeResolver = new IncludeResolver(this, environments);
    }

    MapNode load(List<ConfigFile> files, LoadContext ctx) {
        MapNode model = MapNode.empty(
                files.isEmpty()
                        ? Location.UNKNOWN
                        : Location.of(files.getFirst().name()));
        for (ConfigFile file : files) {
            List<String> chain = new ArrayList<>(ctx.includeChain());
            chain.add(file.name());
            LoadContext fileCtx = new LoadContext(ctx.workingDir(), ctx.environment(), chain);
            for (MapNode doc : reader.read(file, ctx.environment())) {
                MapNode resolved = extendsResolver.resolve(doc, file, ctx.workingDir(), ctx.environment());
                resolved = includeResolver.resolve(resolved, fileCtx);
                model = merger.merge(model, resolved);
            }
        }
        return model;
    }
}
