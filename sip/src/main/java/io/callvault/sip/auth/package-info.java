/**
 * SIP digest authentication (RFC 3261 §22, RFC 8760, RFC 7616; RFC 2069 form for old peers).
 *
 * <ul>
 *   <li>{@link io.callvault.sip.auth.DigestChallenger}: the registrar's and B2BUA's side. Challenges carry
 *       stateless HMAC-signed nonces with their issue time; verification checks realm, algorithm, qop,
 *       digest-uri, nonce signature and age ({@code stale=true} when expired), the response (constant
 *       time) and nonce-count replay (a small bounded map, see {@code NonceTracker}).</li>
 *   <li>{@link io.callvault.sip.auth.DigestClient}: answers a trunk's or PBX's 401/407.</li>
 *   <li>{@link io.callvault.sip.auth.CredentialStore} is the SPI for users' secrets
 *       ({@link io.callvault.sip.auth.DigestSecret}: a password or a stored HA1).</li>
 * </ul>
 *
 * Time comes from an injected {@link java.time.InstantSource}. Secrets never appear in
 * {@code toString}; verification failures carry reasons for logs, not for the client.
 */
package io.callvault.sip.auth;
