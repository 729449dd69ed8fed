/**
 * The AT side of HTTP (internal): +UHTTP/+UHTTPC commands, the response file format, +UHTTPER codes, and the
 * module file access HTTP needs (+UDWNFILE, +URDBLOCK, +UDELFILE).
 */
package io.ucell.http.at;
