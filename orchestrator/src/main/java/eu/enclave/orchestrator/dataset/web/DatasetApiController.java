package eu.enclave.orchestrator.dataset.web;

import eu.enclave.orchestrator.dataset.Dataset;
import eu.enclave.orchestrator.dataset.DatasetChanges;
import eu.enclave.orchestrator.dataset.DatasetInput;
import eu.enclave.orchestrator.dataset.DatasetService;
import eu.enclave.orchestrator.dataset.Retirement;
import eu.enclave.platform.identity.CurrentUser;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/datasets}: the dataset catalogue. */
@RestController
@RequestMapping(path = "/api/v1/datasets", produces = MediaType.APPLICATION_JSON_VALUE)
class DatasetApiController {

    private final DatasetService datasets;

    DatasetApiController(DatasetService datasets) {
        this.datasets = datasets;
    }

    @GetMapping
    List<DatasetView> list(CurrentUser user) {
        return datasets.list(user).stream().map(DatasetView::of).toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DatasetView> register(CurrentUser user, @RequestBody DatasetInput input) {
        Dataset dataset = datasets.register(user, input);
        return ResponseEntity.created(URI.create("/api/v1/datasets/" + dataset.name())).body(DatasetView.of(dataset));
    }

    @GetMapping("/{name}")
    DatasetView get(CurrentUser user, @PathVariable String name) {
        return DatasetView.of(datasets.get(user, name));
    }

    @PatchMapping(path = "/{name}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    DatasetView update(CurrentUser user, @PathVariable String name, @RequestBody DatasetChanges changes) {
        return DatasetView.of(datasets.update(user, name, changes));
    }

    @PostMapping(path = "/{name}/retire", consumes = MediaType.APPLICATION_JSON_VALUE)
    DatasetView retire(CurrentUser user, @PathVariable String name, @RequestBody Retirement retirement) {
        return DatasetView.of(datasets.retire(user, name, retirement));
    }
}
