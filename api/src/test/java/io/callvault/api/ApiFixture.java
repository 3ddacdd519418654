package io.callvault.api;

import io.callvault.testkit.CountingBlobStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.callvault.api.auth.Passwords;
import io.callvault.core.Direction;
import io.callvault.core.PhoneNumber;
import io.callvault.policy.CallContext;
import io.callvault.policy.Policy;
import io.callvault.policy.jurisdiction.Location;
import io.callvault.store.fs.FileBlobStore;
import io.callvault.store.sql.SqlCatalog;
import io.callvault.testkit.FakeScheduler;
import io.callvault.vault.NewRecording;
import io.callvault.vault.Vault;
import io.callvault.vault.WavImporter;
import io.callvault.vault.WriterLocks;
import io.callvault.vault.audit.AuditTrail;
import io.callvault.vault.audit.CheckpointSigner;
import io.callvault.vault.dsar.DataSubjectRequests;
import io.callvault.vault.GovernanceRules;
import io.callvault.vault.hold.LegalHolds;
import io.callvault.vault.keys.LocalKeyring;
import io.callvault.vault.keys.MasterSecret;
import io.callvault.vault.retention.Retention;
import io.callvault.vault.spi.AuditEntry;
import io.callvault.vault.spi.Party;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.access.Role;
import io.callvault.vault.spi.access.UserAccount;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API in-process over real components: SQLite catalog, filesystem blob store and local keyring in a
 * temp directory, the governance services, and Javalin on an ephemeral port with {@link Api#install}. The
 * clock is manual ({@link #advance}). Users, one or two per role:
 * <pre>
 *   ada   admin
 *   cora  compliance          carl  compliance (the second pair of eyes)
 *   sam   supervisor, red     sue   supervisor, blue
 *   alice agent, red, ext 201 bob   agent, blue, ext 202
 *   otto  auditor
 * </pre>
 * all with the password {@link #PASSWORD} and no password change pending. The recording policy is the built-in
 * one, with calls set up as {@link #callContext} says; the announcements are a {@link MemoryPromptLibrary}; the
 * live calls a {@link MemoryCallControl}.
 */
final class ApiFixture implements AutoCloseable {
    static final String PASSWORD = "correct horse battery staple";
    static final Instant START = Instant.parse("2026-11-30T09:00:00Z");

    final FakeScheduler time = new FakeScheduler(START);
    final InstantSource clock = time.clock();
    final SqlCatalog catalog;
    /** Counts ciphertext bytes read, to show that ranges do not decrypt from the start. */
    final CountingBlobStore blobs;
    final Vault vault;
    final AuditTrail audit;
    final LegalHolds holds;
    final Retention retention;
    final DataSubjectRequests dsars;
    final MemoryPromptLibrary prompts = new MemoryPromptLibrary();
    /** No live calls until a test adds them. */
    final MemoryCallControl calls = new MemoryCallControl();
    final ApiContext context;
    final Javalin app;
    final Http http;
    private final Map<String, String> tokens = new HashMap<>();

    ApiFixture(Path dir) throws Exception {
        this(dir, ApiSettings.defaults());
    }

    ApiFixture(Path dir, ApiSettings settings) throws Exception {
        this(dir, settings, true);
    }

    /** @param withUsers false for an empty user table (first-start tests) */
    ApiFixture(Path dir, ApiSettings settings, boolean withUsers) throws Exception {
        catalog = SqlCatalog.sqlite(dir.resolve("catalog.db"));
        blobs = new CountingBlobStore(new FileBlobStore(dir.resolve("blobs")));
        vault = new Vault(blobs, catalog,
                LocalKeyring.create(dir.resolve("keyring.properties"), MasterSecret.generate("test")),
                new WriterLocks(dir.resolve("locks")), clock);
        audit = new AuditTrail(catalog.auditLog(), catalog.checkpoints(), CheckpointSigner.generate(), clock);
        holds = new LegalHolds(catalog.holds(), catalog, audit, clock);
        retention = new Retention(catalog.retention(), catalog, vault, holds, audit, clock);
        vault.govern(new GovernanceRules(holds, retention));
        dsars = new DataSubjectRequests(catalog.dsars(), vault, holds, catalog.retention(), catalog.decisions(), audit,
                clock);
        context = new ApiContext(vault, catalog.users(), catalog.credentials(), audit, holds, retention,
                catalog.retention(), dsars, Policy.builtIn(), ApiFixture::callContext, catalog.decisions(), prompts,
                calls, () -> Map.of("http.port", "0", "catalog.password", "(redacted)"), clock, settings);
        if (withUsers) {
            createUsers();
        }
        app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = "127.0.0.1";
            c.jetty.port = 0;
            Api.install(c, context);
        }).start();
        http = new Http(app.port());
    }

    /** The call set-up of an office in California whose extension 201 is a PCI line. */
    static CallContext callContext(PhoneNumber caller, PhoneNumber callee, Direction direction) {
        boolean payments = caller.e164().equals("201") || callee.e164().equals("201");
        return CallContext.of(caller, callee, direction).withOfficeLocation(Location.parse("US-CA"))
                .withLineFlags(payments ? Set.of("pci") : Set.of());
    }

    private void createUsers() throws Exception {
        String hash = Passwords.hash(PASSWORD);
        user("ada", Set.of(Role.ADMIN), Set.of(), null, hash);
        user("cora", Set.of(Role.COMPLIANCE), Set.of(), null, hash);
        user("carl", Set.of(Role.COMPLIANCE), Set.of(), null, hash);
        user("sam", Set.of(Role.SUPERVISOR), Set.of("red"), null, hash);
        user("sue", Set.of(Role.SUPERVISOR), Set.of("blue"), null, hash);
        user("alice", Set.of(Role.AGENT), Set.of("red"), "201", hash);
        user("bob", Set.of(Role.AGENT), Set.of("blue"), "202", hash);
        user("otto", Set.of(Role.AUDITOR), Set.of(), null, hash);
    }

    void user(String name, Set<Role> roles, Set<String> teams, String extension, String hash) throws Exception {
        catalog.users().create(new UserAccount(name, name.toUpperCase(), roles, teams, extension, hash, false, 0, null,
                false, START));
    }

    /** Imports a 3-second test WAV (directly, not through the API) handled by {@code agent}. */
    RecordingRow record(String agent, String caller, double seconds) throws Exception {
        byte[] wav = TestAudio.wav(seconds);
        return new WavImporter(vault).importWav(new ByteArrayInputStream(wav), wav.length, format ->
                new NewRecording("call-" + agent, Party.of(caller), Party.of("+442071838750"), Direction.IN, agent,
                        Instant.parse("2026-11-29T10:00:00Z"), format, Map.of("queue", "sales")));
    }

    /** Signs in with the password; returns the session cookie and CSRF token. */
    Http.Auth login(String username) {
        Http.Response r = http.json("POST", "/api/v1/session", Map.of("username", username, "password", PASSWORD),
                Http.Auth.NONE);
        if (r.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + r.status() + " " + r.text());
        }
        return Http.Auth.session(cookie(r), r.json().path("csrfToken").asText());
    }

    /** The cv_session value a response sets. */
    static String cookie(Http.Response r) {
        String set = r.header("Set-Cookie").orElseThrow(() -> new AssertionError("no Set-Cookie"));
        return set.substring("cv_session=".length(), set.indexOf(';'));
    }

    /** A bearer token of {@code username}, created once through the API. */
    Http.Auth bearer(String username) {
        return Http.Auth.bearer(tokens.computeIfAbsent(username, u -> {
            Http.Response r = http.json("POST", "/api/v1/tokens", Map.of("name", "tests"), login(u));
            if (r.status() != 201) {
                throw new AssertionError("token of " + u + ": " + r.status() + " " + r.text());
            }
            return r.json().path("token").asText();
        }));
    }

    void advance(java.time.Duration by) {
        time.advance(by);
    }

    /** Every audit entry, in seq order. */
    List<AuditEntry> auditLog() throws Exception {
        return catalog.auditLog().read(1, 10_000);
    }

    static JsonNode items(Http.Response r) {
        return r.json().path("items");
    }

    @Override
    public void close() {
        app.stop();
        try {
            vault.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the vault failed", e);
        }
    }
}
