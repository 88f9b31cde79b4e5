package dev.jcompose.kube.convert;

import dev.jcompose.model.Project;

/**
 * What every part of one conversion shares: the project, its valid names, the options, the files it
 * may read and the warnings it collects.
 *
 * @param projectName the project name as a label value
 */
record ConversionContext(
        Project project,
        String projectName,
        ObjectNames services,
        ObjectNames volumes,
        ObjectNames configs,
        ObjectNames secrets,
        ObjectNames networks,
        ConvertOptions options,
        ProjectFiles files,
        Warnings warnings) {

    static ConversionContext of(Project p, ConvertOptions options, ProjectFiles files) {
        Warnings w = new Warnings();
        return new ConversionContext(
                p,
                ObjectLabels.value(p.name()),
                ObjectNames.of("service", p.services().keySet(), w),
                ObjectNames.of("volume", p.volumes().keySet(), w),
                ObjectNames.of("config", p.configs().keySet(), w),
                ObjectNames.of("secret", p.secrets().keySet(), w),
                ObjectNames.of("network", p.networks().keySet(), w),
                options,
                files,
                w);
    }
}
