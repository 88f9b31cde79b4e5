package dev.jcompose.kube.cluster;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.stream.Collectors;

/** An API server's refusal as a jcompose error naming the object and the fields at fault. */
final class ApiErrors {
    private ApiErrors() {}

    static JcomposeException of(String doing, String kind, String name, KubernetesClientException e) {
        Status status = e.getStatus();
        String message = status != null && status.getMessage() != null ? status.getMessage() : e.getMessage();
        List<StatusCause> causes = status == null || status.getDetails() == null
                ? List.of()
                : status.getDetails().getCauses();
        String fields = causes == null || causes.isEmpty()
                ? ""
                : causes.stream()
                        .map(c -> (c.getField() == null ? "" : c.getField() + ": ") + c.getMessage())
                        .collect(Collectors.joining("; ", " (", ")"));
        return new JcomposeException(
                "cannot " + doing + " " + kind + "/" + name + ": " + message + fields,
                hint(e.getCode()),
                ExitCode.FAILURE,
                e);
    }

    private static String hint(int code) {
        return switch (code) {
            case 401, 403 -> "check the context's credentials and RBAC permissions (kubectl auth can-i)";
            case 409 -> "another field manager owns the field; change it there or remove the object first";
            case 422, 400 -> "fix the field in the compose file (jcompose convert --to k8s shows the object)";
            case 0 -> "check that the cluster is reachable (kubectl cluster-info)";
            default -> "kubectl describe shows the object's state";
        };
    }
}
