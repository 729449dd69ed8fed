package io.ucell.osgitest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

/**
 * The Kura deployment package built by {@code features/}: what it holds, and that those bundles resolve and
 * start next to what a Kura gateway provides (SCR, ConfigAdmin, MetaType, EventAdmin, Gogo, Kura's API) and
 * nothing else: no simulator, no Web Console, no servlet API.
 */
class DeploymentPackageTest {

    @TempDir
    Path dir;

    static File deploymentPackage() {
        File[] dps = new File(System.getProperty("ucell.dp.dir")).listFiles((d, n) -> n.endsWith(".dp"));
        assertNotNull(dps, "features/target missing: build it first (mvn install)");
        assertEquals(1, dps.length, "exactly one .dp in features/target");
        return dps[0];
    }

    /** Bundle-SymbolicName → Bundle-Version as the package's manifest declares them; checks each entry's own manifest. */
    static Map<String, String> declaredBundles(File dp) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (JarFile jar = new JarFile(dp)) {
            Manifest m = jar.getManifest();
            for (Map.Entry<String, Attributes> e : m.getEntries().entrySet()) {
                String bsn = e.getValue().getValue("Bundle-SymbolicName");
                String version = e.getValue().getValue("Bundle-Version");
                ZipEntry ze = jar.getEntry(e.getKey());
                assertNotNull(ze, "the manifest names " + e.getKey() + " but the package lacks it");
                try (InputStream in = jar.getInputStream(ze); JarInputStream bundle = new JarInputStream(in)) {
                    Attributes main = bundle.getManifest().getMainAttributes();
                    assertEquals(bsn, main.getValue("Bundle-SymbolicName").split(";")[0].trim(), e.getKey());
                    assertEquals(version, main.getValue("Bundle-Version"), e.getKey());
                }
                out.put(bsn, version);
            }
        }
        return out;
    }

    @Test
    void holdsWhatAGatewayNeedsAndNothingElse() throws Exception {
        File dp = deploymentPackage();
        Attributes main;
        try (JarFile jar = new JarFile(dp)) {
            main = jar.getManifest().getMainAttributes();
        }
        assertEquals("ucell-kura-dp", main.getValue("DeploymentPackage-SymbolicName"));
        Version dpVersion = Version.parseVersion(main.getValue("DeploymentPackage-Version"));
        assertTrue(dpVersion.getQualifier().matches("\\d{12,}"), "a timestamp qualifier lets Kura upgrade in place: " + dpVersion);
        Map<String, String> bundles = declaredBundles(dp);
        assertEquals(Set.of("com.fazecast.jSerialComm", "io.ucell.at", "io.ucell.modem", "io.ucell.console", "io.ucell.coap",
                "io.ucell.files", "io.ucell.ftp", "io.ucell.http", "io.ucell.mqtt", "io.ucell.mqttsn", "io.ucell.pki",
                "io.ucell.security", "io.ucell.sockets", "io.ucell.ppp"), bundles.keySet());
        for (String bsn : List.of("io.ucell.at", "io.ucell.modem", "io.ucell.console", "io.ucell.coap", "io.ucell.files",
                "io.ucell.ftp", "io.ucell.http", "io.ucell.mqtt", "io.ucell.mqttsn", "io.ucell.pki", "io.ucell.security",
                "io.ucell.sockets", "io.ucell.ppp")) {
            Version v = Version.parseVersion(bundles.get(bsn));
            assertTrue(v.getQualifier().matches("\\d{12}"), bsn + " has a timestamp qualifier, not SNAPSHOT: " + v);
        }
    }

    @Test
    void itsBundlesStartOnAKuraLikeFramework() throws Exception {
        File dp = deploymentPackage();
        List<File> jars = new ArrayList<>(OsgiRuntime.distributionBundles(jar -> {
            String n = jar.getName();
            // what Kura 5 itself provides
            return n.startsWith("org.apache.felix.scr") || n.startsWith("org.apache.felix.configadmin")
                    || n.startsWith("org.apache.felix.metatype") || n.startsWith("org.apache.felix.eventadmin")
                    || n.startsWith("org.apache.felix.log") || n.startsWith("org.osgi.util.") || n.startsWith("slf4j-")
                    || n.startsWith("org.apache.felix.gogo.runtime") || n.startsWith("ucell-kura-api");
        }));
        try (JarFile jar = new JarFile(dp)) {
            for (String name : jar.getManifest().getEntries().keySet()) {
                Path target = dir.resolve(name);
                try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
                    Files.copy(in, target);
                }
                jars.add(target.toFile());
            }
        }
        try (OsgiRuntime gateway = new OsgiRuntime(jars)) {
            assertEquals(List.of(), gateway.inactiveBundles());
            // an unreachable endpoint: the service registers and keeps retrying
            gateway.configure("io.ucell.modem", Map.of("endpoint", "tcp://127.0.0.1:" + OsgiRuntime.freePort(),
                    "backoff.base", 200L, "sync.timeout", 1));
            await().atMost(Duration.ofSeconds(20)).until(() -> gateway.service("io.ucell.modem.ModemService") != null
                    && gateway.service("io.ucell.console.ModemCommands") != null);
            // Kura's ConfigurationService seeds a configuration from the metatype defaults for every designated PID
            // (ConfigurationServiceImpl.registerComponentOCD); this framework has no Kura, so the test does that
            for (String pid : List.of("io.ucell.coap", "io.ucell.ftp", "io.ucell.http", "io.ucell.mqtt", "io.ucell.mqttsn",
                    "io.ucell.sockets", "io.ucell.ppp")) {
                gateway.configure(pid, Map.of());
            }
            Set<String> kuraComponents = new TreeSet<>();
            // components register as their bundles start (io.ucell.mqttsn starts last): wait for all of them
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                kuraComponents.clear();
                for (var ref : gateway.context.getServiceReferences("org.eclipse.kura.configuration.ConfigurableComponent", null)) {
                    kuraComponents.add(String.valueOf(ref.getProperty("kura.service.pid")));
                }
                return kuraComponents.containsAll(Set.of("io.ucell.modem", "io.ucell.coap", "io.ucell.mqtt", "io.ucell.mqttsn", "io.ucell.http"));
            });
            assertTrue(kuraComponents.contains("io.ucell.modem"), kuraComponents.toString());
            assertTrue(kuraComponents.contains("io.ucell.coap"), kuraComponents.toString());
            assertTrue(kuraComponents.contains("io.ucell.ftp"), kuraComponents.toString());
            assertTrue(kuraComponents.contains("io.ucell.mqttsn"), kuraComponents.toString());
            assertTrue(kuraComponents.contains("io.ucell.http"), kuraComponents.toString());
            assertTrue(kuraComponents.contains("io.ucell.sockets"), kuraComponents.toString());
            assertTrue(kuraComponents.contains("io.ucell.mqtt"), kuraComponents.toString());
            assertTrue(kuraComponents.contains("io.ucell.ppp"), kuraComponents.toString());
            // the cloud connection factory Kura's UI offers under Cloud Connections
            assertNotNull(gateway.service("org.eclipse.kura.cloudconnection.factory.CloudConnectionFactory"));
        }
    }
}
