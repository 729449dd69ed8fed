package io.ucell.osgitest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What Kura's configuration service and web UI need from a component (ARCHITECTURE.md, "Kura facts"), checked in
 * the descriptors of every ucell bundle the distribution ships: a component registered as a ConfigurableComponent
 * has configuration-policy require and a modified method, and its metatype sits at OSGI-INF/metatype/&lt;pid&gt;.xml
 * with the OCD id equal to the PID and only the attribute types Kura accepts.
 */
class KuraConfigurableComponentsTest {
    private static final String CONFIGURABLE = "org.eclipse.kura.configuration.ConfigurableComponent";
    private static final Set<String> KURA_AD_TYPES = Set.of("String", "Long", "Double", "Float", "Integer", "Byte",
            "Char", "Boolean", "Short", "Password");

    record Checked(String bundle, String component, String pid) { }

    @Test
    void everyConfigurableComponentIsWhatKurasUiLists() throws Exception {
        List<File> bundles = OsgiRuntime.distributionBundles(f -> f.getName().startsWith("ucell-"));
        List<Checked> checked = new ArrayList<>();
        for (File bundle : bundles) {
            try (JarFile jar = new JarFile(bundle)) {
                for (ZipEntry e : Collections.list(jar.entries())) {
                    String name = e.getName();
                    if (!name.startsWith("OSGI-INF/") || !name.endsWith(".xml") || name.indexOf('/', 9) >= 0) {
                        continue;
                    }
                    Element component = parse(jar, e).getDocumentElement();
                    if (!component.getLocalName().equals("component") || !provides(component, CONFIGURABLE)) {
                        continue;
                    }
                    String where = bundle.getName() + " " + component.getAttribute("name");
                    assertEquals("require", component.getAttribute("configuration-policy"),
                            where + ": Kura lists only components with configuration-policy require");
                    assertFalse(component.getAttribute("modified").isEmpty(), where + ": no modified method");
                    String pid = component.getAttribute("configuration-pid");
                    assertFalse(pid.isEmpty(), where + ": no configuration-pid");
                    checkMetatype(jar, pid, where);
                    checked.add(new Checked(bundle.getName(), component.getAttribute("name"), pid));
                }
            }
        }
        // the protocol services and the factories of the cloud connection and the security profiles
        List<String> pids = checked.stream().map(Checked::pid).toList();
        for (String expected : List.of("io.ucell.modem", "io.ucell.sockets", "io.ucell.mqtt", "io.ucell.mqttsn",
                "io.ucell.coap", "io.ucell.http", "io.ucell.ftp", "io.ucell.ppp", "io.ucell.security.profile")) {
            assertTrue(pids.contains(expected), expected + " is not a Kura ConfigurableComponent: " + checked);
        }
    }

    private static void checkMetatype(JarFile jar, String pid, String where) throws Exception {
        ZipEntry entry = jar.getEntry("OSGI-INF/metatype/" + pid + ".xml");
        assertNotNull(entry, where + ": Kura reads the metatype from OSGI-INF/metatype/" + pid + ".xml");
        Document metatype = parse(jar, entry);
        NodeList ocds = metatype.getElementsByTagName("OCD");
        assertEquals(1, ocds.getLength(), where + ": one OCD");
        Element ocd = (Element) ocds.item(0);
        assertEquals(pid, ocd.getAttribute("id"), where + ": the OCD id must equal the PID");
        NodeList designates = metatype.getElementsByTagName("Designate");
        assertEquals(1, designates.getLength(), where + ": one Designate");
        Element designate = (Element) designates.item(0);
        String designated = designate.getAttribute("factoryPid").isEmpty() ? designate.getAttribute("pid")
                : designate.getAttribute("factoryPid");
        assertEquals(pid, designated, where + ": the Designate names the PID");
        NodeList ads = ocd.getElementsByTagName("AD");
        assertTrue(ads.getLength() > 0, where + ": no attributes");
        for (int i = 0; i < ads.getLength(); i++) {
            Element ad = (Element) ads.item(i);
            assertTrue(KURA_AD_TYPES.contains(ad.getAttribute("type")),
                    where + ": attribute " + ad.getAttribute("id") + " has type " + ad.getAttribute("type")
                            + ", which Kura rejects");
        }
    }

    private static boolean provides(Element component, String iface) {
        NodeList provides = component.getElementsByTagName("provide");
        for (int i = 0; i < provides.getLength(); i++) {
            if (iface.equals(((Element) provides.item(i)).getAttribute("interface"))) {
                return true;
            }
        }
        return false;
    }

    private static Document parse(JarFile jar, ZipEntry entry) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try (InputStream in = jar.getInputStream(entry)) {
            return f.newDocumentBuilder().parse(in);
        }
    }
}
