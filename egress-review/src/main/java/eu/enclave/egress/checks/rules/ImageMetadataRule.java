package eu.enclave.egress.checks.rules;

import static eu.enclave.egress.checks.CheckStatus.REVIEW;

import eu.enclave.egress.checks.engine.Fact.Kind;
import java.util.Map;

/**
 * What an image carries besides its pixels: identifying metadata (EXIF GPS position, camera serial, author), PNG
 * text chunks (their text is checked too) and bytes after the end of the image: {@code review}, fields named.
 */
public final class ImageMetadataRule extends FactRule {

    public static final String ID = "image.metadata";

    public ImageMetadataRule() {
        super(ID, Types.IMAGES, Map.of(
                Kind.IMAGE_METADATA, new Meaning(REVIEW, "Identifying image metadata: %s.",
                        "Des métadonnées d'image identifiantes : %s."),
                Kind.IMAGE_TEXT_CHUNK, new Meaning(REVIEW, "Text stored in the image file (%s); it was checked "
                        + "like the rest.", "Du texte stocké dans le fichier image (%s) ; il a été vérifié comme "
                        + "le reste."),
                Kind.IMAGE_TRAILING_BYTES, new Meaning(REVIEW, "%s bytes after the end of the image: data can "
                        + "hide there.", "%s octets après la fin de l'image : des données peuvent s'y cacher.")));
    }
}
