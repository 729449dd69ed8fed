/** The AT side of the file system: command builders and answer parsers (internal). */
package io.ucell.files.at;
