package dev.jcompose.kube.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.JcomposeException;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

class ApiErrorsTest {
    @Test
    void aRefusalNamesTheObjectTheFieldsAndWhatToDo() {
        KubernetesClientException refused = new KubernetesClientException(new StatusBuilder()
                .withCode(422)
                .withMessage("Deployment.apps \"web\" is invalid")
                .withNewDetails()
                .addNewCause()
                .withField("spec.template.spec.containers[0].image")
                .withMessage("Required value")
                .endCause()
                .endDetails()
                .build());
        JcomposeException e = ApiErrors.of("apply", "Deployment", "web", refused);
        assertThat(e.getMessage())
                .isEqualTo("cannot apply Deployment/web: Deployment.apps \"web\" is invalid "
                        + "(spec.template.spec.containers[0].image: Required value)");
        assertThat(e.hint()).contains("jcompose convert --to k8s");
    }
}
