package io.ucell.osgitest;

import static io.ucell.osgitest.OsgiRuntime.call;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;

/**
 * The distribution's security bundle in Felix: a security profile created as a factory configuration
 * (what Kura's UI does with "+" on the factory io.ucell.security.profile) imports its CA certificate into the
 * simulated module and is offered by SecurityProfileService for its server.
 */
class SecurityInFrameworkTest {
    static OsgiRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        runtime = new OsgiRuntime();
        ModemInFrameworkTest.modulePort = OsgiRuntime.freePort();
        runtime.configure(ModemInFrameworkTest.SIM_PID, ModemInFrameworkTest.simulator("SARA-R5-02B"));
        runtime.configure(ModemInFrameworkTest.MODEM_PID, ModemInFrameworkTest.modem("security.apn"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Object modem = runtime.service("io.ucell.modem.ModemService");
            return modem != null && runtime.service("io.ucell.security.SecurityProfileService") != null
                    && String.valueOf(call(call(call(modem, "status"), "state"), "name")).equals("DATA_ACTIVE");
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
    }

    static String caPem() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair k = g.generateKeyPair();
        X500Name name = new X500Name("CN=ucell osgi test CA");
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                Date.from(Instant.now().minus(Duration.ofDays(1))), Date.from(Instant.now().plus(Duration.ofDays(30))),
                name, k.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        X509Certificate c = new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(k.getPrivate())));
        StringWriter w = new StringWriter();
        try (JcaPEMWriter p = new JcaPEMWriter(w)) {
            p.writeObject(c);
        }
        return w.toString();
    }

    private static Object profileFor(String host) {
        Object service = runtime.service("io.ucell.security.SecurityProfileService");
        Optional<?> p = (Optional<?>) call(service, "profileFor", host);
        return p.orElse(null);
    }

    @Test
    void aFactoryConfigurationBecomesAProfileInTheModule() throws Exception {
        assertEquals(List.of(), runtime.inactiveBundles());
        Configuration c = runtime.configAdmin().createFactoryConfiguration("io.ucell.security.profile", "?");
        Dictionary<String, Object> d = new Hashtable<>();
        d.put("profile.id", 2);
        d.put("servers", "broker.test, *.example.test");
        d.put("validation.level", 1);
        d.put("ca.certificate.name", "osgi-ca");
        d.put("ca.certificate", caPem());
        d.put("session.resumption", true);
        c.update(d);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Object p = profileFor("mqtt.example.test");
            return p != null && Boolean.TRUE.equals(call(p, "applied"));
        });
        assertEquals(2, call(profileFor("broker.test"), "id"));
        Object service = runtime.service("io.ucell.security.SecurityProfileService");
        List<?> stored = (List<?>) call(call(service, "credentials"), "list");
        assertTrue(stored.stream().anyMatch(s -> "osgi-ca".equals(call(s, "name"))), stored.toString());
        // a Kura ConfigurableComponent of the factory
        boolean kura = false;
        for (ServiceReference<?> ref : runtime.context.getServiceReferences(
                "org.eclipse.kura.configuration.ConfigurableComponent", null)) {
            kura |= "io.ucell.security.profile".equals(ref.getProperty("service.factoryPid"));
        }
        assertTrue(kura, "the profile is a Kura configurable component of the factory");

        // an invalid change is refused and the applied profile stays
        d.put("validation.level", 7);
        c.update(d);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            List<?> all = (List<?>) call(service, "profiles");
            return all.stream().anyMatch(p -> String.valueOf(call(p, "error")).contains("validation level"));
        });
        assertEquals(1, call(profileFor("broker.test"), "validationLevel"));
    }
}
