package io.callvault.policy;

/**
 * Handling flags for the recording.
 *
 * @param phi      the recording may hold protected health information: access only for the decision's PHI roles
 * @param pciPause card data must not be recorded: the media pipeline's pause gate must be armed for the call
 */
public record Flags(boolean phi, boolean pciPause) {
}
