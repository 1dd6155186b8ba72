package eu.enclave.egress.checks.formats;

import eu.enclave.egress.checks.CheckedFile;
import eu.enclave.egress.checks.OutputChecker;
import eu.enclave.egress.checks.engine.Deadline;
import eu.enclave.egress.checks.engine.EngineLimits;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.platform.disclosure.FileType;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;

/** The reader of each understood type, and the input of a submitted file. */
public final class Readers {

    private static final Map<FileType, FormatReader> READERS = new EnumMap<>(FileType.class);

    static {
        PlainTextReader text = new PlainTextReader();
        DelimitedReader delimited = new DelimitedReader();
        ImageReader image = new ImageReader();
        ArchiveReader archive = new ArchiveReader();
        READERS.put(FileType.TEXT, text);
        READERS.put(FileType.MARKDOWN, text);
        READERS.put(FileType.CSV, delimited);
        READERS.put(FileType.TSV, delimited);
        READERS.put(FileType.JSON, new JsonReader());
        READERS.put(FileType.XLSX, new XlsxReader());
        READERS.put(FileType.ODS, new OdsReader());
        READERS.put(FileType.PDF, new PdfReader());
        READERS.put(FileType.PNG, image);
        READERS.put(FileType.JPEG, image);
        READERS.put(FileType.SVG, new SvgReader());
        READERS.put(FileType.ZIP, archive);
        READERS.put(FileType.TAR, archive);
        READERS.put(FileType.GZIP, archive);
    }

    private Readers() {
    }

    public static void read(FileType type, FileInput input, FileRun run) throws IOException {
        READERS.get(type).read(input, run);
    }

    /** A submitted file: re-openable content, its head read once and its type detected from it. */
    public static Input input(CheckedFile file, Deadline deadline, EngineLimits limits) throws IOException {
        return new Input(file, deadline, limits);
    }

    public static final class Input extends FileInput {
        private final CheckedFile file;
        private final Deadline deadline;
        private final EngineLimits limits;
        private final byte[] head;
        private final FileType type;

        Input(CheckedFile file, Deadline deadline, EngineLimits limits) throws IOException {
            this.file = file;
            this.deadline = deadline;
            this.limits = limits;
            try (InputStream in = open()) {
                this.head = in.readNBytes(OutputChecker.HEAD_BYTES);
            }
            this.type = TypeDetector.detect(head);
        }

        public FileType type() {
            return type;
        }

        @Override
        public byte[] head() {
            return head;
        }

        @Override
        public InputStream open() throws IOException {
            return new GuardedInputStream(file.content().open(), deadline, limits.maxFileBytes(), "the file");
        }
    }
}
