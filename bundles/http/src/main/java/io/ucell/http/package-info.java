/** HTTP requests through the module's embedded HTTP client (app note section 10). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.http;
