/** The AT side of HTTP (internal): the response file format, +UHTTPC content types and +UHTTPER codes. */
package io.ucell.http.at;
