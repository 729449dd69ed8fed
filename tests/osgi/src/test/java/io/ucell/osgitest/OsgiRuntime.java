package io.ucell.osgitest;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A Felix framework running the bundles of the standalone distribution (distribution/target/ucell-runtime/bundle),
 * without FileInstall and the interactive shell: the test configures it through ConfigurationAdmin.
 *
 * <p>Only org.osgi.service.cm is shared with the test's class path; ucell's own services are reached
 * reflectively so the test never loads a second copy of their classes.
 */
final class OsgiRuntime implements AutoCloseable {

    final Framework framework;
    final BundleContext context;
    final int httpPort;
    private final Path storage;

    /** The distribution's bundles, without FileInstall and the interactive shell. */
    OsgiRuntime() throws Exception {
        this(distributionBundles(jar -> !jar.getName().contains("fileinstall") && !jar.getName().contains("gogo.shell")));
    }

    /** The distribution's bundles that {@code keep} accepts. */
    static List<File> distributionBundles(java.util.function.Predicate<File> keep) {
        File[] jars = new File(System.getProperty("ucell.runtime.bundles")).listFiles((d, n) -> n.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no bundles in " + System.getProperty("ucell.runtime.bundles")
                    + ": build the distribution first (mvn install)");
        }
        Arrays.sort(jars, Comparator.comparing(File::getName));
        return Arrays.stream(jars).filter(keep).toList();
    }

    /** A fresh framework with {@code jars} installed and started. */
    OsgiRuntime(List<File> jars) throws Exception {
        storage = Files.createTempDirectory("ucell-osgi");
        httpPort = freePort();
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.osgi.service.cm;version=1.6.0");
        props.put("org.osgi.service.http.port", String.valueOf(httpPort));
        props.put("org.apache.felix.http.host", "127.0.0.1");
        framework = new FrameworkFactory().newFramework(props);
        framework.start();
        context = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (File jar : jars) {
            installed.add(context.installBundle(jar.toURI().toString()));
        }
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
        }
    }

    /** Bundles that are not ACTIVE (fragments excepted), as "name state" strings. */
    List<String> inactiveBundles() {
        List<String> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getState() != Bundle.ACTIVE && b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                out.add(b.getSymbolicName() + " state " + b.getState());
            }
        }
        return out;
    }

    ConfigurationAdmin configAdmin() {
        ServiceReference<ConfigurationAdmin> ref = context.getServiceReference(ConfigurationAdmin.class);
        if (ref == null) {
            throw new IllegalStateException("ConfigurationAdmin is not registered");
        }
        return context.getService(ref);
    }

    /** Creates or replaces the configuration of {@code pid}. */
    void configure(String pid, Map<String, Object> values) throws IOException {
        Configuration c = configAdmin().getConfiguration(pid, "?");
        Dictionary<String, Object> d = new Hashtable<>(values);
        c.update(d);
    }

    /** The service registered under {@code className}, or null. */
    Object service(String className) {
        ServiceReference<?> ref = context.getServiceReference(className);
        return ref == null ? null : context.getService(ref);
    }

    /** Calls a public no-argument method, or one with the given arguments, by name. */
    static Object call(Object target, String method, Object... args) {
        try {
            for (Method m : target.getClass().getMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() == args.length) {
                    m.setAccessible(true);
                    return m.invoke(target, args);
                }
            }
            throw new IllegalArgumentException(target.getClass() + " has no method " + method);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(method + " failed: " + e.getCause(), e.getCause() == null ? e : e.getCause());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws BundleException, InterruptedException, IOException {
        framework.stop();
        framework.waitForStop(20_000);
        try (var files = Files.walk(storage)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
