package eu.enclave.orchestrator.portal;

import java.io.Serializable;

/**
 * A one-line message shown at the top of the next page (a flash attribute named {@value #FLASH}).
 *
 * @param code   message key of the text, in the user's language
 * @param args   arguments of that message
 * @param detail text from a service, shown as is after the message (English), or null
 */
public record Notice(Level level, String code, Object[] args, String detail) implements Serializable {

    public static final String FLASH = "notice";

    public enum Level { SUCCESS, ERROR }

    public static Notice success(String code, Object... args) {
        return new Notice(Level.SUCCESS, code, args, null);
    }

    public static Notice error(String code, String detail) {
        return new Notice(Level.ERROR, code, new Object[0], detail);
    }

    public boolean isError() {
        return level == Level.ERROR;
    }
}
