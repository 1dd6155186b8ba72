package eu.enclave.egress.checks.formats;

import eu.enclave.egress.checks.Location;
import eu.enclave.egress.checks.engine.Fact;
import eu.enclave.egress.checks.engine.FileRun;
import eu.enclave.egress.checks.engine.Unreadable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFileAttachment;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * PDF through PDFBox 3, with its scratch memory in temporary files only and a page cap: each page's text goes to
 * the text rules and through the table heuristic ({@link PdfTextTables}); attachments, JavaScript, incremental
 * revisions, invisible text and images are reported. An encrypted PDF is not checked.
 */
public final class PdfReader implements FormatReader {

    @Override
    public void read(FileInput input, FileRun run) throws IOException {
        Path file = input.file(run);
        revisions(file, run);
        PDDocument document;
        try {
            document = Loader.loadPDF(file.toFile(), "", IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            throw new Unreadable("the PDF is encrypted with a password", "le PDF est chiffré par un mot de passe");
        } catch (IOException e) {
            throw new Unreadable("the PDF could not be parsed (" + e.getMessage() + ")",
                    "le PDF n'a pas pu être analysé (" + e.getMessage() + ")");
        }
        try (document) {
            if (document.isEncrypted()) {
                throw new Unreadable("the PDF is encrypted", "le PDF est chiffré");
            }
            catalog(document, run);
            int pages = document.getNumberOfPages();
            int read = Math.min(pages, run.limits().maxPdfPages());
            PageText text = new PageText(run);
            StringBuilder images = new StringBuilder();
            boolean anyText = false;
            for (int p = 1; p <= read; p++) {
                run.deadline().check();
                PDPage page = document.getPage(p - 1);
                annotations(page, p, run);
                if (hasImage(page.getResources())) {
                    images.append(images.length() == 0 ? "" : ", ").append(p);
                }
                String pageText = text.of(document, p);
                anyText |= !pageText.isBlank();
                PdfTextTables.read(pageText, p, run);
                if (text.hiddenCharacters() > 0) {
                    run.fact(Fact.Kind.PDF_HIDDEN_TEXT, Location.page(p), text.hiddenCharacters() + " characters",
                            text.hiddenCharacters() + " caractères");
                }
            }
            if (images.length() > 0) {
                run.fact(Fact.Kind.PDF_IMAGE, Location.FILE, "pages " + images, "pages " + images);
            }
            if (!anyText && read > 0) {
                run.fact(Fact.Kind.PDF_NO_TEXT, Location.FILE, read + " pages", read + " pages");
            }
            if (read < pages) {
                run.fact(Fact.Kind.UNREADABLE, Location.FILE, "only the first " + read + " of " + pages
                        + " pages were read (page limit)", "seules les " + read + " premières pages sur " + pages
                        + " ont été lues (limite de pages)");
            }
        }
    }

    private static void catalog(PDDocument document, FileRun run) throws IOException {
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDDocumentNameDictionary names = catalog.getNames();
        if (names != null) {
            if (names.getEmbeddedFiles() != null) {
                var files = names.getEmbeddedFiles().getNames();
                if (files != null && !files.isEmpty()) {
                    files.keySet().forEach(name -> run.fact(Fact.Kind.PDF_ATTACHMENT, Location.FILE, name));
                } else {
                    run.fact(Fact.Kind.PDF_ATTACHMENT, Location.FILE, "embedded files");
                }
            }
            if (names.getJavaScript() != null) {
                run.fact(Fact.Kind.PDF_JAVASCRIPT, Location.FILE, "document scripts", "scripts du document");
            }
        }
        if (catalog.getOpenAction() instanceof PDActionJavaScript) {
            run.fact(Fact.Kind.PDF_JAVASCRIPT, Location.FILE, "open action", "action à l'ouverture");
        }
        if (catalog.getCOSObject().containsKey(COSName.AA)) {
            run.fact(Fact.Kind.PDF_JAVASCRIPT, Location.FILE, "document actions", "actions du document");
        }
    }

    private static void annotations(PDPage page, int p, FileRun run) throws IOException {
        for (PDAnnotation annotation : page.getAnnotations()) {
            if (annotation instanceof PDAnnotationFileAttachment attachment) {
                String name = attachment.getFile() instanceof PDComplexFileSpecification spec
                        ? spec.getFilename() : "attachment";
                run.fact(Fact.Kind.PDF_ATTACHMENT, Location.page(p), name == null ? "attachment" : name);
            } else if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionJavaScript) {
                run.fact(Fact.Kind.PDF_JAVASCRIPT, Location.page(p), "link action", "action de lien");
            }
        }
    }

    private static boolean hasImage(PDResources resources) throws IOException {
        if (resources == null) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            if (resources.isImageXObject(name)) {
                return true;
            }
        }
        return false;
    }

    /** Each save appended to a PDF ends with {@code %%EOF}: more than one means earlier revisions remain. */
    private static void revisions(Path file, FileRun run) throws IOException {
        byte[] marker = "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int found = 0;
        boolean linearized;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(1024);
            linearized = new String(start, java.nio.charset.StandardCharsets.ISO_8859_1).contains("/Linearized");
            int[] state = {0};
            found += count(start, start.length, marker, state);
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                run.deadline().check();
                found += count(buffer, n, marker, state);
            }
        }
        int expected = linearized ? 2 : 1;
        if (found > expected) {
            run.fact(Fact.Kind.PDF_REVISIONS, Location.FILE, Integer.toString(found - expected + 1));
        }
    }

    private static int count(byte[] bytes, int length, byte[] marker, int[] state) {
        int found = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == marker[state[0]]) {
                if (++state[0] == marker.length) {
                    found++;
                    state[0] = 0;
                }
            } else {
                state[0] = bytes[i] == marker[0] ? 1 : 0;
            }
        }
        return found;
    }
}
