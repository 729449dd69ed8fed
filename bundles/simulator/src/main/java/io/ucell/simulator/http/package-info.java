/**
 * The module's embedded HTTP client (app note section 10): +UHTTP profiles 0-3, +UHTTPC requests carried out by
 * the JDK's {@code java.net.http.HttpClient} with the response (status line, headers, body) written into a module
 * file, the +UUHTTPCR URC, and +UHTTPER.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.simulator.http;
