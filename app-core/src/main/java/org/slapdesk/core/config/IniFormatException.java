package org.slapdesk.core.config;

/** INI text that Python's configparser would also refuse; the message names the line. */
public class IniFormatException extends ConfigException {
    private static final long serialVersionUID = 1L;

    public IniFormatException(String message) {
        super(message);
    }
}
