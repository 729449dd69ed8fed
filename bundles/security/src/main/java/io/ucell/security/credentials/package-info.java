/** Certificates and keys: checks before upload (parsed by io.ucell.pki.KeyMaterial), the +USECMNG store. */
package io.ucell.security.credentials;
