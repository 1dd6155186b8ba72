package eu.enclave.egress.intake;

import java.util.List;

/**
 * A draft as the workspace sends it: a title, a purpose, file groups (each with a context and the disclosure
 * controls applied; required before submission), and optionally files declared ahead of their upload. In an update
 * ({@code PATCH}) a null field is left as it is; groups and files are matched by name and added or changed.
 */
public record DraftInput(String title, String purpose, List<Group> groups, List<DeclaredFileInput> files) {

    public DraftInput {
        groups = groups == null ? List.of() : List.copyOf(groups);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** @param name used as a folder of the release package ({@code outputs/<name>/}) */
    public record Group(String name, String context, String controls) {
    }

    /** A file whose upload will be filed in {@code group}, with its description, supporting or not. */
    public record DeclaredFileInput(String name, String group, String description, Boolean supporting) {
    }
}
