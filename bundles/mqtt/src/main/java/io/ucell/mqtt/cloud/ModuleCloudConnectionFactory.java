package io.ucell.mqtt.cloud;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.factory.CloudConnectionFactory;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * Creates the cloud connection stack the way Kura's raw MQTT connection does: for an endpoint PID
 * {@code io.ucell.mqtt.cloud.CloudEndpoint[-suffix]} it creates the endpoint, Kura's DataService
 * {@code org.eclipse.kura.data.DataService[-suffix]} and the module's transport
 * {@code io.ucell.mqtt.cloud.DataTransport[-suffix]}, wired through their {@code .target} properties. The
 * configurations are written through ConfigurationAdmin (Kura's ConfigurationService persists them in its
 * snapshots like any other configuration with a {@code kura.service.pid}).
 */
@Component(service = CloudConnectionFactory.class, property = {
        "service.pid=" + CloudPids.CONNECTION_FACTORY,
        "kura.ui.csf.pid.default=" + CloudPids.ENDPOINT_FACTORY,
        "kura.ui.csf.pid.regex=^io\\.ucell\\.mqtt\\.cloud\\.CloudEndpoint(-[a-zA-Z0-9]+)?$",
        "kura.ui.factory.hide=false" })
public final class ModuleCloudConnectionFactory implements CloudConnectionFactory {
    private static final Pattern PID = Pattern.compile("^" + Pattern.quote(CloudPids.ENDPOINT_FACTORY) + "(-[a-zA-Z0-9]+)?$");

    @Reference
    private ConfigurationAdmin configAdmin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile MetaTypeService metaType;

    private volatile BundleContext context;

    @Activate
    void activate(BundleContext bc) {
        this.context = bc;
    }

    public ModuleCloudConnectionFactory() {
    }

    /** For use without OSGi's component runtime. */
    public ModuleCloudConnectionFactory(ConfigurationAdmin configAdmin) {
        this.configAdmin = configAdmin;
    }

    @Override
    public String getFactoryPid() {
        return CloudPids.ENDPOINT_FACTORY;
    }

    @Override
    public void createConfiguration(String pid) throws KuraException {
        String suffix = suffix(pid);
        if (find(pid) != null) {
            throw new KuraException(KuraErrorCode.INVALID_PARAMETER, "a cloud connection " + pid + " exists already");
        }
        String dataServicePid = CloudPids.DATA_SERVICE_FACTORY + suffix;
        String transportPid = CloudPids.TRANSPORT_FACTORY + suffix;

        Dictionary<String, Object> endpoint = base(pid);
        endpoint.put("DataService.target", target(dataServicePid));
        endpoint.put("DataTransportService.target", target(transportPid));
        Dictionary<String, Object> dataService = base(dataServicePid);
        dataService.put("DataTransportService.target", target(transportPid));
        Dictionary<String, Object> transport = base(transportPid);
        try {
            create(CloudPids.TRANSPORT_FACTORY, transport);
            create(CloudPids.DATA_SERVICE_FACTORY, dataService);
            create(CloudPids.ENDPOINT_FACTORY, endpoint);
        } catch (IOException e) {
            throw new KuraException(KuraErrorCode.CONFIGURATION_ERROR, e, "cannot create the cloud connection " + pid);
        }
    }

    @Override
    public List<String> getStackComponentsPids(String pid) throws KuraException {
        String suffix = suffix(pid);
        return List.of(pid, CloudPids.DATA_SERVICE_FACTORY + suffix, CloudPids.TRANSPORT_FACTORY + suffix);
    }

    @Override
    public void deleteConfiguration(String pid) throws KuraException {
        for (String p : getStackComponentsPids(pid)) {
            Configuration c = find(p);
            if (c != null) {
                try {
                    c.delete();
                } catch (IOException e) {
                    throw new KuraException(KuraErrorCode.CONFIGURATION_ERROR, e, "cannot delete " + p);
                }
            }
        }
    }

    @Override
    public Set<String> getManagedCloudConnectionPids() throws KuraException {
        Set<String> pids = new TreeSet<>();
        try {
            Configuration[] all = configAdmin.listConfigurations("(&(service.factoryPid=" + CloudPids.ENDPOINT_FACTORY
                    + ")(" + KURA_CLOUD_CONNECTION_FACTORY_PID + "=" + CloudPids.CONNECTION_FACTORY + "))");
            if (all != null) {
                for (Configuration c : all) {
                    Object p = c.getProperties() == null ? null : c.getProperties().get(CloudPids.KURA_SERVICE_PID);
                    if (p != null) {
                        pids.add(p.toString());
                    }
                }
            }
        } catch (IOException | InvalidSyntaxException e) {
            throw new KuraException(KuraErrorCode.CONFIGURATION_ERROR, e, "cannot list the cloud connections");
        }
        return pids;
    }

    private static String suffix(String pid) throws KuraException {
        Matcher m = pid == null ? null : PID.matcher(pid);
        if (m == null || !m.matches()) {
            throw new KuraException(KuraErrorCode.INVALID_PARAMETER,
                    "the cloud connection PID must be " + CloudPids.ENDPOINT_FACTORY + " or " + CloudPids.ENDPOINT_FACTORY
                            + "-<letters and digits>: " + pid);
        }
        return m.group(1) == null ? "" : m.group(1);
    }

    private static Dictionary<String, Object> base(String kuraPid) {
        Dictionary<String, Object> d = new Hashtable<>();
        d.put(CloudPids.KURA_SERVICE_PID, kuraPid);
        d.put(KURA_CLOUD_CONNECTION_FACTORY_PID, CloudPids.CONNECTION_FACTORY);
        return d;
    }

    private static String target(String kuraPid) {
        return "(" + CloudPids.KURA_SERVICE_PID + "=" + kuraPid + ")";
    }

    private void create(String factoryPid, Dictionary<String, Object> props) throws IOException {
        addMetatypeDefaults(factoryPid, props);
        Configuration c = configAdmin.createFactoryConfiguration(factoryPid, "?");
        c.update(props);
    }

    /**
     * Kura's ConfigurationService starts a new factory configuration from the metatype defaults; so does this
     * (values already given win). Where no bundle declares the factory PID's metatype, nothing is added.
     */
    private void addMetatypeDefaults(String factoryPid, Dictionary<String, Object> props) {
        MetaTypeService mts = metaType;
        BundleContext bc = context;
        if (mts == null || bc == null) {
            return;
        }
        for (Bundle b : bc.getBundles()) {
            MetaTypeInformation info = mts.getMetaTypeInformation(b);
            if (info == null || !List.of(info.getFactoryPids()).contains(factoryPid)) {
                continue;
            }
            ObjectClassDefinition ocd = info.getObjectClassDefinition(factoryPid, null);
            AttributeDefinition[] ads = ocd == null ? null : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
            for (AttributeDefinition ad : ads == null ? new AttributeDefinition[0] : ads) {
                String[] d = ad.getDefaultValue();
                if (props.get(ad.getID()) == null && d != null && d.length > 0 && ad.getCardinality() == 0) {
                    Object v = convert(ad.getType(), d[0]);
                    if (v != null) {
                        props.put(ad.getID(), v);
                    }
                }
            }
            return;
        }
    }

    static Object convert(int type, String text) {
        try {
            switch (type) {
                case AttributeDefinition.INTEGER:
                    return Integer.valueOf(text.trim());
                case AttributeDefinition.LONG:
                    return Long.valueOf(text.trim());
                case AttributeDefinition.BOOLEAN:
                    return Boolean.valueOf(text.trim());
                case AttributeDefinition.DOUBLE:
                    return Double.valueOf(text.trim());
                case AttributeDefinition.FLOAT:
                    return Float.valueOf(text.trim());
                case AttributeDefinition.SHORT:
                    return Short.valueOf(text.trim());
                case AttributeDefinition.BYTE:
                    return Byte.valueOf(text.trim());
                case AttributeDefinition.CHARACTER:
                    return text.isEmpty() ? null : text.charAt(0);
                default:
                    return text; // STRING, PASSWORD
            }
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Configuration find(String kuraPid) throws KuraException {
        try {
            Configuration[] found = configAdmin.listConfigurations("(" + CloudPids.KURA_SERVICE_PID + "=" + kuraPid + ")");
            return found == null || found.length == 0 ? null : found[0];
        } catch (IOException | InvalidSyntaxException e) {
            throw new KuraException(KuraErrorCode.CONFIGURATION_ERROR, e, "cannot look up " + kuraPid);
        }
    }
}
