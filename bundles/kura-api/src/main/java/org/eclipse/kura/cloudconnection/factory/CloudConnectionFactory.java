package org.eclipse.kura.cloudconnection.factory;

import java.util.List;
import java.util.Set;

import org.eclipse.kura.KuraException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates, lists and deletes the configurations of a cloud connection stack (endpoint, and whatever services
 * the endpoint needs).
 *
 * @noimplement Not meant to be implemented by clients.
 * @since 2.0
 */
@ProviderType
public interface CloudConnectionFactory {

    /** Set in every configuration a factory creates, to relate it with that factory. */
    public static final String KURA_CLOUD_CONNECTION_FACTORY_PID = "kura.cloud.connection.factory.pid";

    public String getFactoryPid();

    /** Creates the stack whose CloudEndpoint has {@code kura.service.pid} = {@code pid}. */
    public void createConfiguration(String pid) throws KuraException;

    public List<String> getStackComponentsPids(String pid) throws KuraException;

    public void deleteConfiguration(String pid) throws KuraException;

    public Set<String> getManagedCloudConnectionPids() throws KuraException;
}
