package eu.enclave.egress.checks.formats;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.Tag;
import com.drew.metadata.exif.GpsDirectory;
import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.engine.Fact;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.platform.disclosure.FileType;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.InflaterInputStream;

/**
 * PNG and JPEG: identifying metadata through metadata-extractor (EXIF GPS position, camera and lens serials, owner,
 * artist, author, IPTC by-line, XMP creator), and for PNG its chunks walked one by one: text chunks (tEXt, zTXt,
 * iTXt; their text is checked) and bytes after IEND. The pixels are a person's to look at.
 */
public final class ImageReader implements FormatReader {

    private static final Set<String> IDENTIFYING = Set.of("serial", "owner", "artist", "author", "by-line", "creator",
            "copyright", "user comment", "camera owner", "host computer");

    @Override
    public void read(FileInput input, FileRun run) throws IOException {
        run.fact(Fact.Kind.IMAGE, Location.FILE, run.type().id());
        if (run.type() == FileType.PNG) {
            try (InputStream in = input.open()) {
                chunks(new DataInputStream(in), run);
            }
        }
        metadata(input, run);
    }

    private static void metadata(FileInput input, FileRun run) throws IOException {
        Metadata metadata;
        try (InputStream in = input.open()) {
            metadata = ImageMetadataReader.readMetadata(in);
        } catch (ImageProcessingException e) {
            return; // no metadata this library understands; the chunk walk above still ran for PNG
        }
        Set<String> fields = new TreeSet<>();
        for (Directory directory : metadata.getDirectories()) {
            if (directory instanceof GpsDirectory gps && gps.getGeoLocation() != null) {
                fields.add("GPS position");
            }
            for (Tag tag : directory.getTags()) {
                String name = tag.getTagName().toLowerCase(Locale.ROOT);
                if (IDENTIFYING.stream().anyMatch(name::contains)) {
                    fields.add(directory.getName() + " " + tag.getTagName());
                    if (tag.getDescription() != null) {
                        run.text(tag.getDescription(), Location.FILE);
                    }
                }
            }
        }
        if (!fields.isEmpty()) {
            run.fact(Fact.Kind.IMAGE_METADATA, Location.FILE, String.join(", ", fields));
        }
    }

    private static void chunks(DataInputStream in, FileRun run) throws IOException {
        in.skipNBytes(8);
        long chunks = 0;
        while (true) {
            int length;
            try {
                length = in.readInt();
            } catch (EOFException e) {
                return;
            }
            if (++chunks > 100_000) {
                return;
            }
            byte[] typeBytes = in.readNBytes(4);
            String type = new String(typeBytes, StandardCharsets.ISO_8859_1);
            if (length < 0) {
                return;
            }
            if (type.equals("tEXt") || type.equals("zTXt") || type.equals("iTXt")) {
                byte[] data = in.readNBytes(Math.min(length, run.limits().maxLineChars()));
                in.skipNBytes(length - data.length);
                text(type, data, run);
            } else {
                in.skipNBytes(length);
            }
            in.skipNBytes(4);
            if (type.equals("IEND")) {
                long trailing = in.transferTo(java.io.OutputStream.nullOutputStream());
                if (trailing > 0) {
                    run.fact(Fact.Kind.IMAGE_TRAILING_BYTES, Location.FILE, Long.toString(trailing));
                }
                return;
            }
        }
    }

    private static void text(String type, byte[] data, FileRun run) throws IOException {
        int nul = indexOf(data, 0);
        if (nul < 0) {
            return;
        }
        String keyword = new String(data, 0, nul, StandardCharsets.ISO_8859_1);
        String text;
        switch (type) {
            case "tEXt" -> text = new String(data, nul + 1, data.length - nul - 1, StandardCharsets.ISO_8859_1);
            case "zTXt" -> text = inflate(data, nul + 2, run, StandardCharsets.ISO_8859_1);
            default -> {
                boolean compressed = data.length > nul + 1 && data[nul + 1] == 1;
                int p = indexOf(data, indexOf(data, nul + 3) + 1);
                if (p < 0) {
                    return;
                }
                text = compressed ? inflate(data, p + 1, run, StandardCharsets.UTF_8)
                        : new String(data, p + 1, data.length - p - 1, StandardCharsets.UTF_8);
            }
        }
        run.fact(Fact.Kind.IMAGE_TEXT_CHUNK, Location.FILE, type + " " + keyword);
        run.text(text, Location.FILE);
    }

    private static String inflate(byte[] data, int from, FileRun run, java.nio.charset.Charset charset)
            throws IOException {
        if (from > data.length) {
            return "";
        }
        try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(data, from,
                data.length - from))) {
            return new String(in.readNBytes(run.limits().maxLineChars()), charset);
        } catch (java.util.zip.ZipException e) {
            return "";
        }
    }

    private static int indexOf(byte[] data, int from) {
        if (from < 0) {
            return -1;
        }
        for (int i = from; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
