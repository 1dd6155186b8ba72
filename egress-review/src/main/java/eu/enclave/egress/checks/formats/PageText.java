package eu.enclave.egress.checks.formats;

import eu.enclave.egress.checks.engine.FileRun;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * One page's text in reading order, through PDFBox's text stripper, checking the deadline as characters come and
 * counting characters drawn invisibly (text rendering mode 3), which a reader of the PDF never sees.
 */
final class PageText extends PDFTextStripper {

    private final FileRun run;
    private long hidden;
    private long characters;

    PageText(FileRun run) {
        this.run = run;
        setSortByPosition(true);
        setLineSeparator("\n");
    }

    String of(PDDocument document, int page) throws IOException {
        hidden = 0;
        setStartPage(page);
        setEndPage(page);
        return getText(document);
    }

    long hiddenCharacters() {
        return hidden;
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        if ((++characters & 1023) == 0) {
            run.deadline().check();
        }
        if (getGraphicsState().getTextState().getRenderingMode() == RenderingMode.NEITHER) {
            hidden++;
        }
        super.processTextPosition(text);
    }
}
