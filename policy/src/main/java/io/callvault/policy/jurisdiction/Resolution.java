package io.callvault.policy.jurisdiction;

/** How a party's {@link Location} was found; shown in decisions so an operator can check the reasoning. */
public enum Resolution {
    /** Country of a number libphonenumber considers valid (outside the North American Numbering Plan). */
    E164_REGION,
    /** The number is not valid for libphonenumber, but its country calling code belongs to one country only. */
    E164_COUNTRY_CODE,
    /** A +1 geographic area code found in callvault's own area-code table. */
    NANP_AREA_CODE,
    /**
     * A non-geographic number: a +1 service code (toll-free, premium, personal) gives a country at most,
     * usually none; a global service (+800, +870, +882…) gives none.
     */
    NON_GEOGRAPHIC,
    /** An extension: the location configured for the office or user, carried by the call context. */
    OFFICE_LOCATION,
    /** Nothing could place the party; the location is {@link Location#UNKNOWN}. */
    UNRESOLVED
}
