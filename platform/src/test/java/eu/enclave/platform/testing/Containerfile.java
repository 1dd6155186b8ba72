package eu.enclave.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Containerfile as a list of instructions: comments dropped, continued lines joined. Enough for rules that read
 * one (the workspace templates' and the service images'), which build nothing; heredocs ({@code RUN <<EOF}) are not
 * understood, so the rules refuse them rather than read past them.
 */
public record Containerfile(List<Instruction> instructions) {

    /** @param line the line the instruction starts on, 1-based */
    public record Instruction(String keyword, String arguments, int line) {

        public boolean is(String name) {
            return keyword.equals(name);
        }

        /** The arguments split at whitespace, without the {@code --flag=value} options. */
        public List<String> words() {
            return List.of(arguments.trim().split("\\s+")).stream().filter(w -> !w.startsWith("--")).toList();
        }
    }

    public static Containerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            if (stripped.startsWith("#") || (current == null && stripped.isEmpty())) {
                continue;
            }
            if (current == null) {
                current = new StringBuilder();
                start = i + 1;
            }
            if (stripped.endsWith("\\")) {
                current.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            current.append(stripped);
            instructions.add(instruction(current.toString(), start));
            current = null;
        }
        if (current != null) {
            instructions.add(instruction(current.toString(), start));
        }
        return new Containerfile(List.copyOf(instructions));
    }

    private static Instruction instruction(String text, int line) {
        String[] parts = text.strip().split("\\s+", 2);
        return new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1].strip() : "", line);
    }

    public List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.is(keyword)).toList();
    }

    /** The instructions of the last stage (from its FROM on): what the image that runs is made of. */
    public Containerfile finalStage() {
        int from = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).is("FROM")) {
                from = i;
            }
        }
        return new Containerfile(instructions.subList(from, instructions.size()));
    }
}
