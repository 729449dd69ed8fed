/** The HTTP client over the module's +UHTTP profile (usable without OSGi): {@link io.ucell.http.client.ModuleHttpClient}. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.http.client;
