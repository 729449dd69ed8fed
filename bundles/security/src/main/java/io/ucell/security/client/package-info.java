/** One security profile kept in the module: checks, credential imports, +USECPRF writes, re-application after reboots. */
package io.ucell.security.client;
