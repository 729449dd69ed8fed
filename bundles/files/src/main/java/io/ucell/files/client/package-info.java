/** The {@link io.ucell.files.ModuleFiles} implementation over the AT engine. */
package io.ucell.files.client;
