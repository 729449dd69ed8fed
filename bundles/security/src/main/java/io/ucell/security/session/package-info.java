/** (D)TLS session resumption (app note 3.4): the +UUSECPRF session data, kept encrypted, restored after reboots. */
package io.ucell.security.session;
