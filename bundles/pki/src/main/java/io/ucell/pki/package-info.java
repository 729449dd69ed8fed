/**
 * Key material and cipher suites, shared by the security bundle (checks before upload, +USECPRF settings) and the
 * simulated module (its +USECMNG store and +USECPRF profiles): PEM/DER certificates and private keys (PKCS#8 plain
 * or encrypted, PKCS#1 RSA, SEC1 EC), and the u-blox legacy, IANA and JDK names of cipher suites. JDK only.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.pki;
