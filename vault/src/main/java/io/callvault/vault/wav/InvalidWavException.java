package io.callvault.vault.wav;

/** The input is not a WAV file callvault can import; the message is one line saying why. */
public class InvalidWavException extends Exception {
    public InvalidWavException(String message) {
        super(message);
    }
}
