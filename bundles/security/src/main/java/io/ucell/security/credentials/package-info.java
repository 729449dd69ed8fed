/** Certificates and keys: parsing (PEM, DER, PKCS#8, PKCS#1, SEC1), checks before upload, the +USECMNG store. */
package io.ucell.security.credentials;
