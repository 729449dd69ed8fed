/** The module's flash file system (+UDWNFILE, +URDFILE, +URDBLOCK, +UDELFILE, +ULSTFILE) and what writes into it. */
package io.ucell.simulator.files;
