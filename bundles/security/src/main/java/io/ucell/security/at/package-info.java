/** The AT side of security: +USECMNG and +USECPRF commands, their answers and the +UUSECPRF URCs (internal). */
package io.ucell.security.at;
